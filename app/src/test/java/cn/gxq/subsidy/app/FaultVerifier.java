package cn.gxq.subsidy.app;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * Checks what the application wrote against what was published, reading read_committed: decisions
 * (one per sequence 1..n, every published revision decided, the last for the latest revision),
 * totals (latest per bucket equals a recount of the current decisions; approved money within the
 * budget in every totals record ever written) and dead letters (exactly the hostile records sent).
 * Keeps only a small summary per application, so 200,000 fit in memory.
 */
final class FaultVerifier {

  private static final int MAX_REPORTED = 20;

  /** The current decision of one application, as far as totals care. */
  private record Current(String bucket, int status, long approvedFen) {}

  /** Per application: last sequence, revisions decided (bit mask), last revision, current. */
  private static final class Seen {
    long sequence;
    long revisions;
    int lastRevision;
    Current current;
  }

  /** What the verifier found. */
  record Report(
      int applications,
      long decisions,
      int totalsBuckets,
      long totalsRecords,
      int deadLetters,
      int deadLettersExpected,
      List<String> violations) {
    boolean passed() {
      return violations.isEmpty();
    }
  }

  private final SchemaRegistryClient client;
  private final Topics topics;
  private final FaultTopicReader reader;
  private final List<String> violations = new ArrayList<>();
  private int violationCount;

  FaultVerifier(String bootstrap, SchemaRegistryClient client, Topics topics) {
    this.client = client;
    this.topics = topics;
    this.reader = new FaultTopicReader(bootstrap);
  }

  Report verify(FaultExpectation expected, Duration timeout) {
    final Map<String, Seen> seen = new HashMap<>();
    final long decisions = readDecisions(expected, seen, timeout);
    checkDecisions(expected, seen);
    final Map<String, long[]> recount = recount(seen);
    final Map<String, Totals> latestTotals = new HashMap<>();
    final long totalsRecords = readTotals(recount, latestTotals);
    checkTotals(recount, latestTotals);
    final int letters = checkDeadLetters(expected);
    if (violationCount > violations.size()) {
      violations.add("… and " + (violationCount - violations.size()) + " more");
    }
    return new Report(
        seen.size(),
        decisions,
        latestTotals.size(),
        totalsRecords,
        letters,
        expected.letters().size(),
        List.copyOf(violations));
  }

  private long readDecisions(FaultExpectation expected, Map<String, Seen> seen, Duration timeout) {
    final AvroDeserializer<Decision> codec = new AvroDeserializer<>(Decision.class, client);
    final int[] pending = {expected.latest().size()};
    return reader.read(
        topics.decisions(),
        r -> {
          final Decision d = codec.deserialize(r.topic(), r.value());
          final Seen s = seen.computeIfAbsent(d.getApplicationId(), k -> new Seen());
          if (d.getSequence() != s.sequence + 1) {
            violation(
                "%s: sequence %d after %d (%s)",
                d.getApplicationId(),
                d.getSequence(),
                s.sequence,
                d.getSequence() <= s.sequence ? "doubled" : "missing");
          }
          s.sequence = Math.max(s.sequence, d.getSequence());
          final Integer latest = expected.latest().get(d.getApplicationId());
          if (latest != null && s.lastRevision != latest && d.getRevision() == latest) {
            pending[0]--;
          }
          s.lastRevision = d.getRevision();
          if (d.getRevision() >= 1 && d.getRevision() < 64) {
            s.revisions |= 1L << d.getRevision();
          }
          s.current =
              new Current(
                  (d.getZone() == null ? "UNKNOWN" : d.getZone())
                      + ":"
                      + d.getProgramme()
                      + ":"
                      + d.getYear(),
                  d.getStatus().ordinal(),
                  d.getApprovedAmount().movePointRight(2).longValueExact());
        },
        () -> pending[0] <= 0,
        Duration.ofSeconds(5),
        timeout);
  }

  private void checkDecisions(FaultExpectation expected, Map<String, Seen> seen) {
    for (Map.Entry<String, Long> e : expected.revisions().entrySet()) {
      final Seen s = seen.get(e.getKey());
      if (s == null) {
        violation("%s: no decision at all", e.getKey());
        continue;
      }
      if (s.revisions != e.getValue()) {
        violation(
            "%s: revisions decided %s, published %s",
            e.getKey(), Long.toBinaryString(s.revisions), Long.toBinaryString(e.getValue()));
      }
      final int latest = expected.latest().get(e.getKey());
      if (s.lastRevision != latest) {
        violation(
            "%s: last decision is for revision %d, latest published is %d",
            e.getKey(), s.lastRevision, latest);
      }
    }
    for (String id : seen.keySet()) {
      if (!expected.revisions().containsKey(id)) {
        violation("%s: decided but never published", id);
      }
    }
  }

  /** Per bucket and ALL: received, then one count per status (enum order), approved fen. */
  private static Map<String, long[]> recount(Map<String, Seen> seen) {
    final Map<String, long[]> counts = new HashMap<>();
    for (Seen s : seen.values()) {
      final String bucket = s.current.bucket();
      final String all = "ALL" + bucket.substring(bucket.indexOf(':'));
      for (String key : List.of(bucket, all)) {
        final long[] c = counts.computeIfAbsent(key, k -> new long[6]);
        c[0]++;
        c[1 + s.current.status()]++;
        c[5] += s.current.approvedFen();
      }
    }
    return counts;
  }

  private long readTotals(Map<String, long[]> recount, Map<String, Totals> latest) {
    final AvroDeserializer<Totals> codec = new AvroDeserializer<>(Totals.class, client);
    return reader.read(
        topics.totals(),
        r -> {
          final Totals t = codec.deserialize(r.topic(), r.value());
          // Budgets are only ever raised here, so approved money may never pass the budget.
          if (t.getBudget() != null
              && !"ALL".equals(t.getZone())
              && t.getApprovedAmount().compareTo(t.getBudget()) > 0) {
            violation(
                "totals %s@%d: approved %s over budget %s",
                r.key(),
                r.offset(),
                t.getApprovedAmount().toPlainString(),
                t.getBudget().toPlainString());
          }
          latest.put(r.key(), t);
        },
        () ->
            recount.entrySet().stream()
                .allMatch(e -> Arrays.equals(counts(latest.get(e.getKey())), e.getValue())),
        Duration.ofSeconds(2),
        Duration.ofSeconds(60));
  }

  private void checkTotals(Map<String, long[]> recount, Map<String, Totals> latest) {
    for (Map.Entry<String, long[]> e : recount.entrySet()) {
      final long[] published = counts(latest.get(e.getKey()));
      if (!Arrays.equals(published, e.getValue())) {
        violation(
            "totals %s: published %s, recount of current decisions %s",
            e.getKey(), Arrays.toString(published), Arrays.toString(e.getValue()));
      }
    }
    for (Map.Entry<String, Totals> e : latest.entrySet()) {
      if (!recount.containsKey(e.getKey()) && e.getValue().getReceived() != 0) {
        violation(
            "totals %s: %d received but no current decision counts there",
            e.getKey(), e.getValue().getReceived());
      }
    }
  }

  private static long[] counts(Totals t) {
    if (t == null) {
      return null;
    }
    return new long[] {
      t.getReceived(),
      t.getApproved(),
      t.getRejected(),
      t.getWaitlisted(),
      t.getWithdrawn(),
      t.getApprovedAmount().movePointRight(2).longValueExact()
    };
  }

  private int checkDeadLetters(FaultExpectation expected) {
    final List<FaultExpectation.Letter> got = new ArrayList<>();
    reader.read(
        topics.deadLetter(),
        r ->
            got.add(
                new FaultExpectation.Letter(
                    header(r, DeadLetter.SOURCE_TOPIC),
                    header(r, DeadLetter.ERROR_CODE),
                    r.key(),
                    r.value() == null ? null : Base64.getEncoder().encodeToString(r.value()))),
        () -> got.size() >= expected.letters().size(),
        Duration.ofSeconds(3),
        Duration.ofSeconds(60));
    final List<FaultExpectation.Letter> missing = new ArrayList<>(expected.letters());
    final List<FaultExpectation.Letter> extra = new ArrayList<>();
    for (FaultExpectation.Letter letter : got) {
      if (!missing.remove(letter)) {
        extra.add(letter);
      }
    }
    missing.forEach(
        l -> violation("dead letter missing: %s %s key=%s", l.sourceTopic(), l.code(), l.key()));
    extra.forEach(
        l ->
            violation(
                "dead letter not sent as hostile (or doubled): %s %s key=%s",
                l.sourceTopic(), l.code(), l.key()));
    return got.size();
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    final Header h = r.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private void violation(String format, Object... args) {
    violationCount++;
    if (violations.size() < MAX_REPORTED) {
      violations.add(String.format(format, args));
    }
  }
}
