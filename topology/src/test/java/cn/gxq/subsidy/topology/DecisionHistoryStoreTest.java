package cn.gxq.subsidy.topology;

import static cn.gxq.subsidy.topology.Fixtures.at;
import static cn.gxq.subsidy.topology.Fixtures.budget;
import static cn.gxq.subsidy.topology.Fixtures.creditCode;
import static cn.gxq.subsidy.topology.Fixtures.rentRelief;
import static cn.gxq.subsidy.topology.Fixtures.smallSoftwareFirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.internal.DecisionHistory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecisionHistoryStoreTest {

  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void keepsEveryDecisionOfAnApplicationOldestFirst() {
    final String code = creditCode(71);
    harness.register(smallSoftwareFirm(code, "ZJ", at("2022-01-01T00:00:00Z")).build());
    harness.allot(budget("ZJ", "40000.00", at("2022-01-01T00:00:00Z")));
    final String other = creditCode(72);
    harness.register(smallSoftwareFirm(other, "ZJ", at("2022-01-01T00:00:00Z")).build());

    // RR-H1 takes 30,000 of 40,000; RR-H2 (3 × 5,000) waits; RR-H1's withdrawal lets RR-H2 in.
    harness.submit(rentRelief("RR-H1", code, "10000.00", at("2022-03-01T00:00:00Z")).build());
    harness.submit(rentRelief("RR-H2", other, "5000.00", at("2022-03-02T00:00:00Z")).build());
    harness.submit(
        rentRelief("RR-H1", code, "10000.00", at("2022-03-03T00:00:00Z"))
            .setRevision(2)
            .setWithdrawn(true)
            .build());

    assertThat(history("RR-H1"))
        .extracting(Decision::getSequence, Decision::getStatus)
        .containsExactly(tuple(1L, DecisionStatus.APPROVED), tuple(2L, DecisionStatus.WITHDRAWN));
    assertThat(history("RR-H2"))
        .extracting(Decision::getSequence, Decision::getStatus)
        .containsExactly(tuple(1L, DecisionStatus.WAITLISTED), tuple(2L, DecisionStatus.APPROVED));
    assertThat(history("RR-UNKNOWN")).isEmpty();
  }

  @Test
  void keepsOnlyTheLastDecisionsOfAnApplicationRevisedWithoutEnd() {
    DecisionHistory kept = null;
    for (int i = 1; i <= DecisionHistoryStore.KEPT + 2; i++) {
      kept = DecisionHistoryStore.append(kept, ("decision " + i).getBytes(StandardCharsets.UTF_8));
    }
    assertThat(kept.getDecisions()).hasSize(DecisionHistoryStore.KEPT);
    assertThat(text(kept.getDecisions().get(0))).isEqualTo("decision 3");
    assertThat(text(kept.getDecisions().get(DecisionHistoryStore.KEPT - 1)))
        .isEqualTo("decision " + (DecisionHistoryStore.KEPT + 2));
  }

  private List<Decision> history(String applicationId) {
    final KeyValueStore<String, DecisionHistory> store =
        harness.driver.getKeyValueStore(DecisionHistoryStore.STORE);
    final DecisionHistory kept = store.get(applicationId);
    if (kept == null) {
      return List.of();
    }
    final Deserializer<Decision> decode = harness.serdes.decision().deserializer();
    return kept.getDecisions().stream()
        .map(b -> decode.deserialize(harness.topics.decisions(), bytes(b)))
        .toList();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    final ByteBuffer b = buffer.duplicate();
    final byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  private static String text(ByteBuffer buffer) {
    return new String(bytes(buffer), StandardCharsets.UTF_8);
  }
}
