package cn.gxq.subsidy.topology;

import static cn.gxq.subsidy.topology.DecisionPipelineTest.codes;
import static cn.gxq.subsidy.topology.Fixtures.at;
import static cn.gxq.subsidy.topology.Fixtures.budget;
import static cn.gxq.subsidy.topology.Fixtures.creditCode;
import static cn.gxq.subsidy.topology.Fixtures.rentRelief;
import static cn.gxq.subsidy.topology.Fixtures.smallSoftwareFirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Totals;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rent relief, 3 months each: a monthly rent of 1,000.00 asks for 3,000.00. */
class BudgetLedgerTest {

  private final TopologyHarness harness = new TopologyHarness();

  @BeforeEach
  void registry() {
    for (int n = 1; n <= 6; n++) {
      harness.register(smallSoftwareFirm(creditCode(n), "ZGC", at("2022-01-01T00:00:00Z")).build());
    }
  }

  @AfterEach
  void close() {
    harness.close();
  }

  private void apply(int n, String monthlyRent, String submittedAt) {
    harness.submit(rentRelief("RR-" + n, creditCode(n), monthlyRent, at(submittedAt)).build());
  }

  @Test
  void firstFitApprovesWhatFitsAndARaiseWalksTheWholeLine() {
    harness.allot(budget("ZGC", "10000.00", at("2022-02-01T00:00:00Z")));
    apply(1, "2000.00", "2022-03-01T00:00:00Z"); // 6,000.00 approved, 4,000.00 left
    apply(2, "2000.00", "2022-03-02T00:00:00Z"); // 6,000.00 does not fit: waitlisted, first
    apply(3, "1000.00", "2022-03-03T00:00:00Z"); // 3,000.00 fits in 4,000.00: approved
    apply(4, "1000.00", "2022-03-04T00:00:00Z"); // 3,000.00 does not fit in 1,000.00: second

    List<Decision> decisions = harness.newDecisions();
    assertThat(decisions)
        .extracting(Decision::getApplicationId, Decision::getStatus)
        .containsExactly(
            tuple("RR-1", DecisionStatus.APPROVED),
            tuple("RR-2", DecisionStatus.WAITLISTED),
            tuple("RR-3", DecisionStatus.APPROVED),
            tuple("RR-4", DecisionStatus.WAITLISTED));
    final Decision second = decisions.get(3);
    assertThat(second.getReasons().get(0).getCode()).isEqualTo("BUDGET_EXHAUSTED");
    assertThat(second.getReasons().get(0).getMessage())
        .contains(
            "1000.00 left of 10000.00", "needs 3000.00", "number 2 in line", "6000.00 waiting");
    assertThat(second.getDetails())
        .containsEntry("budgetRemaining", "1000.00")
        .containsEntry("waitlistPosition", "2")
        .containsEntry("amountWaitingAhead", "6000.00");

    // Raised to 16,000.00: 7,000.00 left: RR-2 (6,000.00) fits, then 1,000.00 is too little for
    // RR-4 (3,000.00), which keeps its place.
    harness.allot(budget("ZGC", "16000.00", at("2022-04-01T00:00:00Z")));
    decisions = harness.newDecisions();
    assertThat(decisions)
        .extracting(Decision::getApplicationId, Decision::getStatus, Decision::getSequence)
        .containsExactly(tuple("RR-2", DecisionStatus.APPROVED, 2L));
    assertThat(decisions.get(0).getReasons().get(0).getCode()).isEqualTo("APPROVED_FROM_WAITLIST");
    assertThat(codes(decisions.get(0))).doesNotContain("BUDGET_EXHAUSTED");
    assertThat(decisions.get(0).getDecidedAt()).isEqualTo(at("2022-04-01T00:00:00Z"));

    // Raised to 17,000.00: 2,000.00 left, still too little for RR-4; to 18,000.00: it fits.
    harness.allot(budget("ZGC", "17000.00", at("2022-04-02T00:00:00Z")));
    assertThat(harness.newDecisions()).isEmpty();
    harness.allot(budget("ZGC", "18000.00", at("2022-04-03T00:00:00Z")));
    assertThat(harness.newDecisions())
        .extracting(Decision::getApplicationId, Decision::getStatus, Decision::getSequence)
        .containsExactly(tuple("RR-4", DecisionStatus.APPROVED, 2L));

    final Totals totals = harness.publishedTotals().get(Fixtures.bucket("ZGC"));
    assertThat(totals.getApproved()).isEqualTo(4);
    assertThat(totals.getWaitlisted()).isZero();
    assertThat(totals.getApprovedAmount()).isEqualByComparingTo("18000.00");
    assertThat(totals.getBudgetRemaining()).isEqualByComparingTo("0.00");
  }

  @Test
  void anApprovedApplicationResubmittedUnchangedKeepsItsApproval() {
    harness.allot(budget("ZGC", "6000.00", at("2022-02-01T00:00:00Z")));
    apply(1, "1000.00", "2022-03-01T00:00:00Z"); // 3,000.00 approved
    apply(2, "2000.00", "2022-03-02T00:00:00Z"); // 6,000.00 waits
    harness.allot(budget("ZGC", "2000.00", at("2022-03-03T00:00:00Z"))); // below what is approved
    harness.newDecisions();

    harness.submit(
        rentRelief("RR-1", creditCode(1), "1000.00", at("2022-03-04T00:00:00Z"))
            .setRevision(2)
            .build());
    assertThat(harness.newDecisions())
        .extracting(Decision::getApplicationId, Decision::getStatus, Decision::getSequence)
        .containsExactly(tuple("RR-1", DecisionStatus.APPROVED, 2L));
  }

  @Test
  void anAmendmentThatLowersAnAmountReleasesTheWaitlist() {
    harness.allot(budget("ZGC", "9000.00", at("2022-02-01T00:00:00Z")));
    apply(1, "2000.00", "2022-03-01T00:00:00Z"); // 6,000.00 approved
    apply(2, "2000.00", "2022-03-02T00:00:00Z"); // waitlisted
    harness.newDecisions();

    // RR-1 amends to 1,000.00 a month: 3,000.00, freeing 3,000.00; 6,000.00 left: RR-2 fits.
    harness.submit(
        rentRelief("RR-1", creditCode(1), "1000.00", at("2022-03-05T00:00:00Z"))
            .setRevision(2)
            .build());

    assertThat(harness.newDecisions())
        .extracting(Decision::getApplicationId, Decision::getStatus, Decision::getApprovedAmount)
        .containsExactly(
            tuple("RR-1", DecisionStatus.APPROVED, Fixtures.yuan("3000.00")),
            tuple("RR-2", DecisionStatus.APPROVED, Fixtures.yuan("6000.00")));
    assertThat(harness.publishedTotals().get(Fixtures.bucket("ZGC")).getApprovedAmount())
        .isEqualByComparingTo("9000.00");
  }

  @Test
  void aRaiseThatDoesNotFitWaitsAtItsTicketAndFreesItsOldAmount() {
    harness.allot(budget("ZGC", "6000.00", at("2022-02-01T00:00:00Z")));
    apply(1, "1000.00", "2022-03-01T00:00:00Z"); // 3,000.00 approved, ticket 1
    apply(2, "1000.00", "2022-03-02T00:00:00Z"); // 3,000.00 approved, budget used up
    apply(3, "1000.00", "2022-03-03T00:00:00Z"); // waitlisted, ticket 3
    harness.newDecisions();

    // RR-1 now asks 6,000.00: with its 3,000.00 returned only 3,000.00 remain, so it waits for the
    // new amount at its first place; the 3,000.00 it freed goes to RR-3.
    harness.submit(
        rentRelief("RR-1", creditCode(1), "2000.00", at("2022-03-04T00:00:00Z"))
            .setRevision(2)
            .build());
    final List<Decision> decisions = harness.newDecisions();
    assertThat(decisions)
        .extracting(Decision::getApplicationId, Decision::getStatus, Decision::getSequence)
        .containsExactly(
            tuple("RR-1", DecisionStatus.WAITLISTED, 2L),
            tuple("RR-3", DecisionStatus.APPROVED, 2L));
    assertThat(decisions.get(0).getDetails())
        .containsEntry("waitlistTicket", "1")
        .containsEntry("waitlistPosition", "1")
        // explained as settled, before the line was walked and RR-3 took the 3,000.00
        .containsEntry("budgetRemaining", "3000.00");

    harness.allot(budget("ZGC", "12000.00", at("2022-04-01T00:00:00Z")));
    assertThat(harness.newDecisions())
        .extracting(Decision::getApplicationId, Decision::getStatus, Decision::getApprovedAmount)
        .containsExactly(tuple("RR-1", DecisionStatus.APPROVED, Fixtures.yuan("6000.00")));
  }

  @Test
  void aWithdrawalReturnsItsMoneyToTheBudget() {
    harness.allot(budget("ZGC", "6000.00", at("2022-02-01T00:00:00Z")));
    apply(1, "2000.00", "2022-03-01T00:00:00Z");
    apply(2, "2000.00", "2022-03-02T00:00:00Z");
    harness.newDecisions();

    harness.submit(
        rentRelief("RR-1", creditCode(1), "2000.00", at("2022-03-03T00:00:00Z"))
            .setRevision(2)
            .setWithdrawn(true)
            .build());

    assertThat(harness.newDecisions())
        .extracting(Decision::getApplicationId, Decision::getStatus, Decision::getSequence)
        .containsExactly(
            tuple("RR-1", DecisionStatus.WITHDRAWN, 2L),
            tuple("RR-2", DecisionStatus.APPROVED, 2L));
    final Totals totals = harness.publishedTotals().get(Fixtures.bucket("ZGC"));
    assertThat(totals.getWithdrawn()).isEqualTo(1);
    assertThat(totals.getApprovedAmount()).isEqualByComparingTo("6000.00");
  }

  @Test
  void loweringABudgetRevokesNothingAndOnlyStopsNewApprovals() {
    harness.allot(budget("ZGC", "12000.00", at("2022-02-01T00:00:00Z")));
    apply(1, "2000.00", "2022-03-01T00:00:00Z");
    apply(2, "2000.00", "2022-03-02T00:00:00Z");
    harness.newDecisions();

    harness.allot(budget("ZGC", "5000.00", at("2022-04-01T00:00:00Z")));
    assertThat(harness.newDecisions()).isEmpty();
    apply(3, "100.00", "2022-04-02T00:00:00Z");

    final Decision waiting = harness.decisions.readValue();
    assertThat(waiting.getStatus()).isEqualTo(DecisionStatus.WAITLISTED);
    assertThat(waiting.getDetails()).containsKey("budgetNote");
    final Totals totals = harness.publishedTotals().get(Fixtures.bucket("ZGC"));
    assertThat(totals.getApproved()).isEqualTo(2);
    assertThat(totals.getApprovedAmount()).isEqualByComparingTo("12000.00");
    assertThat(totals.getBudgetRemaining()).isEqualByComparingTo("-7000.00");
  }

  @Test
  void anOlderBudgetRecordArrivingLateDoesNotReplaceANewerOne() {
    harness.allot(budget("ZGC", "9000.00", at("2022-04-01T00:00:00Z")));
    harness.allot(budget("ZGC", "3000.00", at("2022-02-01T00:00:00Z"))); // replayed, stale
    apply(1, "2000.00", "2022-05-01T00:00:00Z"); // 6,000.00 fits only the newer budget

    assertThat(harness.decisions.readValue().getStatus()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(harness.publishedTotals().get(Fixtures.bucket("ZGC")).getBudget())
        .isEqualByComparingTo("9000.00");
  }

  @Test
  void theAllBucketSumsTheZones() {
    harness.register(smallSoftwareFirm(creditCode(7), "ZJ", at("2022-01-01T00:00:00Z")).build());
    harness.allot(budget("ZGC", "10000.00", at("2022-02-01T00:00:00Z")));
    harness.allot(budget("ZJ", "5000.00", at("2022-02-01T00:00:00Z")));
    apply(1, "1000.00", "2022-03-01T00:00:00Z");
    apply(7, "1000.00", "2022-03-01T00:00:00Z");

    final Totals all = harness.publishedTotals().get(Fixtures.bucket("ALL"));
    assertThat(all.getApproved()).isEqualTo(2);
    assertThat(all.getApprovedAmount()).isEqualByComparingTo("6000.00");
    assertThat(all.getBudget()).isEqualByComparingTo("15000.00");
    assertThat(all.getBudgetRemaining()).isEqualByComparingTo("9000.00");
  }
}
