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
  void anExhaustedBudgetWaitlistsAndARaiseReleasesTheLineInOrder() {
    harness.allot(budget("ZGC", "10000.00", at("2022-02-01T00:00:00Z")));
    apply(1, "2000.00", "2022-03-01T00:00:00Z"); // 6,000.00 approved, 4,000.00 left
    apply(2, "2000.00", "2022-03-02T00:00:00Z"); // 6,000.00 does not fit: waitlisted
    apply(3, "1000.00", "2022-03-03T00:00:00Z"); // 3,000.00 would fit, but RR-2 is ahead
    apply(4, "1000.00", "2022-03-04T00:00:00Z");

    List<Decision> decisions = harness.newDecisions();
    assertThat(decisions)
        .extracting(Decision::getApplicationId, Decision::getStatus)
        .containsExactly(
            tuple("RR-1", DecisionStatus.APPROVED),
            tuple("RR-2", DecisionStatus.WAITLISTED),
            tuple("RR-3", DecisionStatus.WAITLISTED),
            tuple("RR-4", DecisionStatus.WAITLISTED));
    assertThat(codes(decisions.get(1))).contains("BUDGET_EXHAUSTED");
    assertThat(decisions.get(1).getDetails()).containsEntry("budgetRemaining", "4000.00");

    // Raised by 5,000.00 to 15,000.00: 9,000.00 left: RR-2 (6,000) and RR-3 (3,000) fit, RR-4 not.
    harness.allot(budget("ZGC", "15000.00", at("2022-04-01T00:00:00Z")));
    decisions = harness.newDecisions();
    assertThat(decisions)
        .extracting(Decision::getApplicationId, Decision::getStatus, Decision::getSequence)
        .containsExactly(
            tuple("RR-2", DecisionStatus.APPROVED, 2L), tuple("RR-3", DecisionStatus.APPROVED, 2L));
    assertThat(decisions)
        .allSatisfy(
            d -> {
              assertThat(codes(d))
                  .contains("APPROVED_FROM_WAITLIST")
                  .doesNotContain("BUDGET_EXHAUSTED");
              assertThat(d.getDecidedAt()).isEqualTo(at("2022-04-01T00:00:00Z"));
            });

    final Totals totals = harness.publishedTotals().get(Fixtures.bucket("ZGC"));
    assertThat(totals.getApproved()).isEqualTo(3);
    assertThat(totals.getWaitlisted()).isEqualTo(1);
    assertThat(totals.getApprovedAmount()).isEqualByComparingTo("15000.00");
    assertThat(totals.getBudgetRemaining()).isEqualByComparingTo("0.00");
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
  void anApprovedApplicationAmendingUpwardsKeepsItsPlaceAheadOfLaterOnes() {
    harness.allot(budget("ZGC", "6000.00", at("2022-02-01T00:00:00Z")));
    apply(1, "1000.00", "2022-03-01T00:00:00Z"); // 3,000.00 approved
    apply(2, "1000.00", "2022-03-02T00:00:00Z"); // 3,000.00 approved, budget used up
    apply(3, "1000.00", "2022-03-03T00:00:00Z"); // waitlisted
    harness.newDecisions();

    // RR-1 now asks 6,000.00: it no longer fits, and waits ahead of RR-3 (its original place).
    harness.submit(
        rentRelief("RR-1", creditCode(1), "2000.00", at("2022-03-04T00:00:00Z"))
            .setRevision(2)
            .build());
    assertThat(harness.newDecisions())
        .extracting(Decision::getApplicationId, Decision::getStatus)
        .containsExactly(tuple("RR-1", DecisionStatus.WAITLISTED));

    harness.allot(budget("ZGC", "9000.00", at("2022-04-01T00:00:00Z")));
    assertThat(harness.newDecisions())
        .extracting(Decision::getApplicationId, Decision::getStatus)
        .containsExactly(tuple("RR-1", DecisionStatus.APPROVED));
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
