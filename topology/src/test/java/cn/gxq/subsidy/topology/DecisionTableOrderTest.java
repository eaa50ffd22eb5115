package cn.gxq.subsidy.topology;

import static cn.gxq.subsidy.topology.Fixtures.at;
import static cn.gxq.subsidy.topology.Fixtures.budget;
import static cn.gxq.subsidy.topology.Fixtures.creditCode;
import static cn.gxq.subsidy.topology.Fixtures.rentRelief;
import static cn.gxq.subsidy.topology.Fixtures.smallSoftwareFirm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Programme;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The decisions table takes the topic's order, whatever the decisions' event times: a release from
 * the waitlist is decided at the earlier event time that freed the money, so it follows a decision
 * with a later timestamp. That is the table's normal input, so Streams must not warn about it (the
 * "out-of-order KTable update" warnings buried the ones that matter), and the later record wins.
 */
class DecisionTableOrderTest {

  private static final Instant WAITLISTED_AT = Instant.parse("2022-03-02T00:00:00Z");
  private static final Instant FREED_AT = Instant.parse("2022-03-01T12:00:00Z");

  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void aReleaseFromTheWaitlistDecidedAtAnEarlierTimeReplacesTheWaitWithoutAWarning() {
    final TestInputTopic<String, byte[]> topic =
        harness.driver.createInputTopic(
            harness.topics.decisions(),
            Serdes.String().serializer(),
            Serdes.ByteArray().serializer());
    final Serializer<Decision> encode = harness.serdes.decision().serializer();
    final List<String> warnings;
    try (CapturedWarnings log = new CapturedWarnings()) {
      topic.pipeInput(
          "RR-LATE",
          encode.serialize(
              harness.topics.decisions(), decision(1, DecisionStatus.WAITLISTED, WAITLISTED_AT)),
          WAITLISTED_AT);
      topic.pipeInput(
          "RR-LATE",
          encode.serialize(
              harness.topics.decisions(), decision(2, DecisionStatus.APPROVED, FREED_AT)),
          FREED_AT);
      warnings = log.messages();
    }

    assertThat(warnings).noneMatch(w -> w.contains("out-of-order"));
    final KeyValueStore<String, byte[]> table =
        harness.driver.getKeyValueStore(LedgerStores.DECISIONS);
    final Decision current =
        harness.serdes.decision().deserializer().deserialize("", table.get("RR-LATE"));
    assertThat(current.getSequence()).isEqualTo(2L);
    assertThat(current.getStatus()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(
            DecisionHistoryStore.read(
                harness.driver.getKeyValueStore(DecisionHistoryStore.STORE), "RR-LATE"))
        .hasSize(2);
  }

  /**
   * The same through the pipeline: RR-O2 waits for money that RR-O1's withdrawal frees, and the
   * withdrawal was submitted before RR-O2 was, so RR-O2's approval is dated before its wait.
   */
  @Test
  void thePipelinesOwnReleaseFromTheWaitlistIsTakenWithoutAWarning() {
    final String first = creditCode(75);
    final String second = creditCode(76);
    final List<String> warnings;
    try (CapturedWarnings log = new CapturedWarnings()) {
      harness.register(smallSoftwareFirm(first, "ZJ", at("2022-01-01T00:00:00Z")).build());
      harness.register(smallSoftwareFirm(second, "ZJ", at("2022-01-01T00:00:00Z")).build());
      harness.allot(budget("ZJ", "40000.00", at("2022-01-01T00:00:00Z")));
      harness.submit(rentRelief("RR-O1", first, "10000.00", at("2022-03-01T00:00:00Z")).build());
      harness.submit(rentRelief("RR-O2", second, "5000.00", at("2022-03-03T00:00:00Z")).build());
      harness.submit(
          rentRelief("RR-O1", first, "10000.00", at("2022-03-02T00:00:00Z"))
              .setRevision(2)
              .setWithdrawn(true)
              .build());
      warnings = log.messages();
    }

    final List<Decision> released =
        DecisionHistoryStore.read(
                harness.driver.getKeyValueStore(DecisionHistoryStore.STORE), "RR-O2")
            .stream()
            .map(b -> harness.serdes.decision().deserializer().deserialize("", b))
            .toList();
    assertThat(released)
        .extracting(Decision::getStatus)
        .containsExactly(DecisionStatus.WAITLISTED, DecisionStatus.APPROVED);
    assertThat(released.get(1).getDecidedAt()).isBefore(released.get(0).getDecidedAt());
    assertThat(warnings).noneMatch(w -> w.contains("out-of-order"));
    final KeyValueStore<String, byte[]> table =
        harness.driver.getKeyValueStore(LedgerStores.DECISIONS);
    assertThat(
            harness
                .serdes
                .decision()
                .deserializer()
                .deserialize("", table.get("RR-O2"))
                .getStatus())
        .isEqualTo(DecisionStatus.APPROVED);
  }

  private static Decision decision(long sequence, DecisionStatus status, Instant decidedAt) {
    return Decision.newBuilder()
        .setApplicationId("RR-LATE")
        .setRevision(1)
        .setSequence(sequence)
        .setProgramme(Programme.RENT_RELIEF)
        .setCreditCode(creditCode(74))
        .setEnterpriseName(null)
        .setZone("ZJ")
        .setYear(2022)
        .setStatus(status)
        .setRequestedAmount(new BigDecimal("15000.00"))
        .setApprovedAmount(new BigDecimal(status == DecisionStatus.APPROVED ? "15000.00" : "0.00"))
        .setReasons(List.of())
        .setDetails(Map.of())
        .setPolicyVersion("2022.1")
        .setSubmittedAt(WAITLISTED_AT)
        .setDecidedAt(decidedAt)
        .build();
  }
}
