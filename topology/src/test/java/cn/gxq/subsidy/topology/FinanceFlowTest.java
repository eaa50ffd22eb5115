package cn.gxq.subsidy.topology;

import static cn.gxq.subsidy.topology.Fixtures.at;
import static cn.gxq.subsidy.topology.Fixtures.creditCode;
import static cn.gxq.subsidy.topology.Fixtures.rentRelief;
import static cn.gxq.subsidy.topology.Fixtures.smallSoftwareFirm;
import static cn.gxq.subsidy.topology.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Movement;
import cn.gxq.subsidy.avro.MovementMoney;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.avro.internal.FinanceEvent;
import cn.gxq.subsidy.contract.DeadLetter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The finance flow in the real topology: an approval is a movement, finance pays it, an amendment
 * down asks the paid excess back, finance's recovery is taken, and confirmations that cannot be
 * counted end in the dead-letter topic with their reason; control totals per bucket and day follow.
 */
class FinanceFlowTest {

  private static final String BUCKET = "ZJ:RENT_RELIEF:2022";

  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void approvalPaymentAmendmentAndRecoveryAreBookedOnceEach() {
    final String code = creditCode(7);
    harness.register(smallSoftwareFirm(code, "ZJ", at("2022-01-01T00:00:00Z")).build());
    harness.submit(rentRelief("RR-F", code, "1000.00", at("2022-03-01T00:00:00Z")).build());
    settle("RR-F#1", "3000.00", at("2022-03-05T02:00:00Z"));
    harness.submit(
        rentRelief("RR-F", code, "500.00", at("2022-03-10T00:00:00Z")).setRevision(2).build());

    // Repeated, unknown, excessive, or keyed by something else: never counted.
    settle("RR-F#1", "3000.00", at("2022-03-11T00:00:00Z"));
    settle("RR-X#1", "10.00", at("2022-03-11T00:00:00Z"));
    settle("RR-F#2", "-1500.01", at("2022-03-11T00:00:00Z"));
    harness.settlements.pipeInput(
        "RR-F", new Settlement("RR-F#2", yuan("-1.00"), at("2022-03-11T00:00:00Z"), "R-0"));
    settle("RR-F#2", "-1500.00", at("2022-03-12T00:00:00Z"));

    final List<Movement> movements = harness.movements.readValuesToList();
    assertThat(movements)
        .extracting(
            Movement::getMovementId,
            m -> m.getChange().toPlainString(),
            m -> m.getToRecover().toPlainString())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("RR-F#1", "3000.00", "0.00"),
            org.assertj.core.groups.Tuple.tuple("RR-F#2", "-1500.00", "1500.00"));
    assertThat(movements.get(1).getApprovedAmount()).isEqualByComparingTo("1500.00");
    assertThat(movements.get(1).getMoneyKind()).isEqualTo(MovementMoney.CASH);
    assertThat(movements.get(1).getZone()).isEqualTo("ZJ");

    assertThat(harness.deadLetterBytes().readRecordsToList())
        .extracting(
            r -> TopologyHarness.header(r.headers(), DeadLetter.ERROR_CODE),
            r -> TopologyHarness.header(r.headers(), DeadLetter.SOURCE_TOPIC),
            r -> new String(r.key(), java.nio.charset.StandardCharsets.UTF_8))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "DUPLICATE_SETTLEMENT", harness.topics.settlements(), "RR-F#1"),
            org.assertj.core.groups.Tuple.tuple(
                "UNKNOWN_MOVEMENT", harness.topics.settlements(), "RR-X#1"),
            org.assertj.core.groups.Tuple.tuple(
                "SETTLEMENT_EXCEEDS", harness.topics.settlements(), "RR-F#2"),
            org.assertj.core.groups.Tuple.tuple(
                "INVALID_RECORD", harness.topics.settlements(), "RR-F"));

    final Map<String, ControlTotals> days = latestControlTotals();
    assertThat(days.get(BUCKET + ":2022-03-01"))
        .satisfies(
            t -> {
              assertThat(t.getMovements()).isEqualTo(1);
              assertThat(t.getChange()).isEqualByComparingTo("3000.00");
              assertThat(t.getDate()).isEqualTo(LocalDate.of(2022, 3, 1));
            });
    assertThat(days.get(BUCKET + ":2022-03-05").getSettled()).isEqualByComparingTo("3000.00");
    assertThat(days.get(BUCKET + ":2022-03-10").getToRecover()).isEqualByComparingTo("1500.00");
    assertThat(days.get(BUCKET + ":2022-03-12").getRecovered()).isEqualByComparingTo("1500.00");
    assertThat(days).hasSize(4);
  }

  @Test
  void aRecognitionMovesNoMoney() {
    final String code = creditCode(8);
    harness.register(smallSoftwareFirm(code, "ZJ", at("2022-01-01T00:00:00Z")).build());
    harness.submitAny(
        TechSmeAndPolicyVersionPipelineTest.techSme("TS-1", code, 1, at("2022-04-01T00:00:00Z")));
    assertThat(harness.newDecisions()).isNotEmpty();
    assertThat(harness.movements.isEmpty()).isTrue();
  }

  @Test
  void aWholeDecisionLeftOnTheTopicByAnEarlierVersionIsBookedAsItsBooking() {
    final Decision decision =
        Decision.newBuilder()
            .setApplicationId("RR-OLD")
            .setRevision(1)
            .setSequence(1)
            .setProgramme(Programme.RENT_RELIEF)
            .setCreditCode(creditCode(9))
            .setZone("ZJ")
            .setYear(2022)
            .setStatus(DecisionStatus.APPROVED)
            .setApprovedAmount(yuan("800.00"))
            .setReasons(List.of())
            .setDetails(Map.of())
            .setPolicyVersion("2022.1")
            .setSubmittedAt(at("2022-03-01T00:00:00Z"))
            .setDecidedAt(at("2022-03-01T00:00:00Z"))
            .build();
    harness
        .driver
        .createInputTopic(
            "subsidy-test-" + FinanceFlow.BY_APPLICATION + "-repartition",
            Serdes.String().serializer(),
            harness.serdes.of(FinanceEvent.class).serializer())
        .pipeInput("RR-OLD", FinanceEvent.newBuilder().setDecision(decision).build());

    assertThat(harness.movements.readValuesToList())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getMovementId()).isEqualTo("RR-OLD#1");
              assertThat(m.getChange()).isEqualByComparingTo("800.00");
              assertThat(m.getZone()).isEqualTo("ZJ");
              assertThat(m.getReason()).isEqualTo("APPROVED");
            });
  }

  private void settle(String movementId, String amount, Instant at) {
    harness.settlements.pipeInput(
        movementId, new Settlement(movementId, yuan(amount), at, "R-" + at), at.toEpochMilli());
  }

  private Map<String, ControlTotals> latestControlTotals() {
    final Map<String, ControlTotals> latest = new LinkedHashMap<>();
    for (TestRecord<String, ControlTotals> r : harness.controlTotals.readRecordsToList()) {
      latest.put(r.key(), r.value());
    }
    return latest;
  }
}
