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
import cn.gxq.subsidy.avro.Programme;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.state.KeyValueIterator;
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
    final TestInputTopic<String, byte[]> decisions =
        harness.driver.createInputTopic(
            harness.topics.decisions(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    final Serializer<Decision> encode = harness.serdes.decision().serializer();
    for (int sequence = 1; sequence <= DecisionHistoryStore.KEPT + 2; sequence++) {
      decisions.pipeInput(
          "RR-ENDLESS",
          encode.serialize(harness.topics.decisions(), decision("RR-ENDLESS", sequence)));
    }
    decisions.pipeInput(
        "RR-OTHER", encode.serialize(harness.topics.decisions(), decision("RR-OTHER", 1)));

    assertThat(history("RR-ENDLESS"))
        .extracting(Decision::getSequence)
        .hasSize(DecisionHistoryStore.KEPT)
        .startsWith(3L)
        .endsWith((long) DecisionHistoryStore.KEPT + 2);
    // The store itself holds no more than that: the oldest are gone, not only left unread.
    final KeyValueStore<String, byte[]> store =
        harness.driver.getKeyValueStore(DecisionHistoryStore.STORE);
    try (KeyValueIterator<String, byte[]> all = store.all()) {
      assertThat(all).toIterable().hasSize(DecisionHistoryStore.KEPT + 1);
    }
    assertThat(history("RR-OTHER")).extracting(Decision::getSequence).containsExactly(1L);
  }

  @Test
  void oneApplicationsRangeHoldsNoOtherApplicationsDecisions() {
    final KeyValueStore<String, byte[]> store =
        harness.driver.getKeyValueStore(DecisionHistoryStore.STORE);
    // Ids that begin with another's, or repeat the shape of a key.
    for (String other : List.of("A1", "A#0000000000000000001", "1:A#0000000000000000001", "")) {
      store.put(DecisionHistoryStore.key(other, 1), other.getBytes(StandardCharsets.UTF_8));
    }
    assertThat(DecisionHistoryStore.read(store, "A")).isEmpty();
    store.put(DecisionHistoryStore.key("A", 10), "A10".getBytes(StandardCharsets.UTF_8));
    store.put(DecisionHistoryStore.key("A", 9), "A9".getBytes(StandardCharsets.UTF_8));
    assertThat(DecisionHistoryStore.read(store, "A"))
        .extracting(b -> new String(b, StandardCharsets.UTF_8))
        .containsExactly("A9", "A10");
  }

  private static Decision decision(String applicationId, long sequence) {
    return Decision.newBuilder()
        .setApplicationId(applicationId)
        .setRevision((int) sequence)
        .setSequence(sequence)
        .setProgramme(Programme.RENT_RELIEF)
        .setCreditCode(creditCode(73))
        .setEnterpriseName(null)
        .setZone(null)
        .setYear(2022)
        .setStatus(DecisionStatus.REJECTED)
        .setRequestedAmount(null)
        .setApprovedAmount(BigDecimal.ZERO.setScale(2))
        .setReasons(List.of())
        .setDetails(Map.of())
        .setPolicyVersion("2022.1")
        .setSubmittedAt(Instant.EPOCH)
        .setDecidedAt(Instant.EPOCH)
        .build();
  }

  private List<Decision> history(String applicationId) {
    final KeyValueStore<String, byte[]> store =
        harness.driver.getKeyValueStore(DecisionHistoryStore.STORE);
    final Deserializer<Decision> decode = harness.serdes.decision().deserializer();
    return DecisionHistoryStore.read(store, applicationId).stream()
        .map(b -> decode.deserialize(harness.topics.decisions(), b))
        .toList();
  }
}
