package cn.gxq.subsidy.registry;

import static cn.gxq.subsidy.registry.TestSchemas.AMOUNT_DEFAULTED;
import static cn.gxq.subsidy.registry.TestSchemas.AMOUNT_REQUIRED;
import static cn.gxq.subsidy.registry.TestSchemas.ID;
import static cn.gxq.subsidy.registry.TestSchemas.NOTE_OPTIONAL;
import static cn.gxq.subsidy.registry.TestSchemas.grant;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.registry.LogRecords.LevelChange;
import cn.gxq.subsidy.registry.LogRecords.LogRecord;
import cn.gxq.subsidy.registry.LogRecords.Registration;
import cn.gxq.subsidy.registry.SchemaState.Decision;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The log, replayed whole or after compaction, must give the same ids, versions and levels. */
class SchemaStateReplayTest {

  /** A log record as Kafka stores it. */
  private record Entry(String key, String value) {}

  @Test
  void compactedLogReplaysToTheSameState() {
    final List<Entry> log = new ArrayList<>();
    log.add(level("g-value", CompatibilityLevel.NONE));
    log.add(registration("g-value", grant(ID), CompatibilityLevel.NONE));
    // Accepted under NONE though BACKWARD would refuse it; the level is about to change.
    log.add(registration("g-value", grant(ID, AMOUNT_REQUIRED), CompatibilityLevel.NONE));
    log.add(level("g-value", CompatibilityLevel.BACKWARD));
    // Two instances raced: the same schema requested twice, and a refused request.
    log.add(registration("h-value", grant(ID, NOTE_OPTIONAL), CompatibilityLevel.BACKWARD));
    log.add(registration("h-value", grant(ID, NOTE_OPTIONAL), CompatibilityLevel.BACKWARD));
    log.add(registration("h-value", grant(AMOUNT_REQUIRED), CompatibilityLevel.BACKWARD));
    log.add(registration("g-value", grant(ID, AMOUNT_DEFAULTED), CompatibilityLevel.BACKWARD));
    log.add(level(null, CompatibilityLevel.FULL));

    final SchemaState whole = replay(log);
    final SchemaState compacted = replay(compact(log));

    assertThat(compact(log)).hasSizeLessThan(log.size());
    assertThat(describe(compacted)).isEqualTo(describe(whole));
    assertThat(whole.versions("g-value")).containsExactly(1, 2, 3);
    assertThat(whole.versions("h-value")).containsExactly(1);
    assertThat(whole.effectiveLevel("g-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    assertThat(whole.globalLevel()).isEqualTo(CompatibilityLevel.FULL);
  }

  @Test
  void raceOnOneSubjectIsDecidedInLogOrder() {
    final SchemaState state = new SchemaState();
    final List<Decision> decisions = new ArrayList<>();
    for (Entry e :
        List.of(
            registration("r-value", grant(ID), CompatibilityLevel.BACKWARD),
            registration("r-value", grant(ID, AMOUNT_REQUIRED), CompatibilityLevel.BACKWARD),
            registration("r-value", grant(ID), CompatibilityLevel.BACKWARD))) {
      decisions.add(state.apply(LogRecords.decode(e.key(), e.value()).orElseThrow()).orElseThrow());
    }
    assertThat(decisions)
        .extracting(Decision::kind)
        .containsExactly(Decision.Kind.CREATED, Decision.Kind.INCOMPATIBLE, Decision.Kind.EXISTING);
    assertThat(decisions.get(2).id()).isEqualTo(decisions.get(0).id());
  }

  @Test
  void levelKeysAreStableBytesAndRegistrationKeysNeverRepeat() {
    assertThat(level("s", CompatibilityLevel.NONE).key())
        .isEqualTo(level("s", CompatibilityLevel.FULL).key());
    assertThat(level(null, CompatibilityLevel.NONE).key())
        .isNotEqualTo(level("s", CompatibilityLevel.NONE).key());
    assertThat(registration("s", grant(ID), CompatibilityLevel.NONE).key())
        .isNotEqualTo(registration("s", grant(ID), CompatibilityLevel.NONE).key());
    assertThat(LogRecords.decode("{\"keytype\":\"NOOP\"}", "{}")).isEmpty();
    assertThat(LogRecords.decode("not json", "{}")).isEmpty();
  }

  private static Entry registration(
      final String subject, final String schema, final CompatibilityLevel level) {
    final Registration r = new Registration(UUID.randomUUID().toString(), subject, schema, level);
    return new Entry(LogRecords.key(r), LogRecords.value(r));
  }

  private static Entry level(final String subject, final CompatibilityLevel level) {
    final LevelChange c = new LevelChange(subject, level);
    return new Entry(LogRecords.key(c), LogRecords.value(c));
  }

  /** What Kafka's log cleaner does at most: keep the last record of each key, in log order. */
  private static List<Entry> compact(final List<Entry> log) {
    final Map<String, Integer> lastIndex = new LinkedHashMap<>();
    for (int i = 0; i < log.size(); i++) {
      lastIndex.put(log.get(i).key(), i);
    }
    final List<Entry> kept = new ArrayList<>();
    for (int i = 0; i < log.size(); i++) {
      if (lastIndex.get(log.get(i).key()) == i) {
        kept.add(log.get(i));
      }
    }
    return kept;
  }

  private static SchemaState replay(final List<Entry> log) {
    final SchemaState state = new SchemaState();
    for (Entry e : log) {
      final LogRecord record = LogRecords.decode(e.key(), e.value()).orElseThrow();
      state.apply(record);
    }
    return state;
  }

  private static List<String> describe(final SchemaState state) {
    final List<String> out = new ArrayList<>();
    out.add("global=" + state.globalLevel());
    for (String subject : state.subjects()) {
      out.add(subject + " level=" + state.subjectLevel(subject));
      for (int v : state.versions(subject)) {
        out.add(state.version(subject, v).orElseThrow().toString());
      }
    }
    return out;
  }
}
