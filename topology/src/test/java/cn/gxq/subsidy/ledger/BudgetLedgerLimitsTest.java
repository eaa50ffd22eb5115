package cn.gxq.subsidy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Reason;
import cn.gxq.subsidy.avro.internal.Assessment;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.contract.BucketKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A bucket's limits, made small by the constructor so that a few commands reach them. */
class BudgetLedgerLimitsTest {

  private static final BucketKey ZGC = new BucketKey("ZGC", Programme.RENT_RELIEF, 2022);
  private static final Instant AT = Instant.parse("2022-03-01T00:00:00Z");

  private final MapLedgerBook book = new MapLedgerBook();
  private final BudgetLedger ledger =
      new BudgetLedger(book, new BucketLimits(2, new BigDecimal("100.00")));

  private Decision apply(String id, int revision, String amount) {
    final Proposal proposal =
        Proposal.newBuilder()
            .setApplicationId(id)
            .setRevision(revision)
            .setProgramme(Programme.RENT_RELIEF)
            .setCreditCode("code-" + id)
            .setEnterpriseName(null)
            .setZone("ZGC")
            .setYear(2022)
            .setAssessment(Assessment.ELIGIBLE)
            .setClaimKey("code-" + id + ":2022")
            .setRequestedAmount(new BigDecimal(amount))
            .setEligibleAmount(new BigDecimal(amount))
            .setReasons(List.of(new Reason("ELIGIBLE", "eligible for the test")))
            .setDetails(new HashMap<>())
            .setPolicyVersion("test")
            .setSubmittedAt(AT)
            .build();
    final LedgerCommand command =
        LedgerCommand.newBuilder()
            .setCommand(proposal)
            .setAfterRevision(revision == 1 ? null : revision - 1)
            .build();
    final List<Decision> decisions = ledger.handle(ZGC, command, AT).decisions();
    assertThat(decisions).hasSize(1);
    return decisions.get(0);
  }

  private static String limitOf(Decision d) {
    assertThat(d.getStatus()).isEqualTo(DecisionStatus.REJECTED);
    assertThat(d.getReasons().get(0).getCode()).isEqualTo("CAPACITY_REACHED");
    assertThat(d.getApprovedAmount()).isEqualByComparingTo("0.00");
    return d.getDetails().get("capacityLimit");
  }

  @Test
  void twoTicketsAndAHundredYuanWorkedByHand() {
    assertThat(apply("A", 1, "60.00").getStatus()).isEqualTo(DecisionStatus.APPROVED); // ticket 1
    assertThat(apply("B", 1, "30.00").getStatus()).isEqualTo(DecisionStatus.APPROVED); // ticket 2
    // No third ticket, however little it asks.
    assertThat(limitOf(apply("C", 1, "5.00"))).isEqualTo("bucketTickets");
    // B raised to 45.00: 60.00 + 45.00 = 105.00 > 100.00 once its own 30.00 is taken back.
    final Decision raised = apply("B", 2, "45.00");
    assertThat(limitOf(raised)).isEqualTo("bucketAmount");
    assertThat(raised.getReasons().get(0).getMessage())
        .contains("holds 60.00 approved and waiting")
        .contains("this application's 45.00")
        .contains("more than the 100.00 one bucket can carry");
    assertThat(raised.getReasons()).extracting(Reason::getCode).contains("ELIGIBLE");
    // A revision that does not raise keeps its ticket and its approval.
    final Decision lowered = apply("A", 2, "50.00");
    assertThat(lowered.getStatus()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(lowered.getApprovedAmount()).isEqualByComparingTo("50.00");
    // B gave up its ticket when it was rejected: 50.00 + 40.00 fits, but no ticket is left.
    assertThat(limitOf(apply("B", 3, "40.00"))).isEqualTo("bucketTickets");

    final var totals = book.bucket(ZGC).getTotals();
    assertThat(totals.getApprovedAmount()).isEqualByComparingTo("50.00");
    assertThat(totals.getApproved()).isEqualTo(1);
    assertThat(totals.getRejected()).isEqualTo(2);
  }
}
