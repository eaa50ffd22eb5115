package cn.gxq.subsidy.topology;

import static cn.gxq.subsidy.topology.Fixtures.at;
import static cn.gxq.subsidy.topology.Fixtures.creditCode;
import static cn.gxq.subsidy.topology.Fixtures.rentRelief;
import static cn.gxq.subsidy.topology.Fixtures.smallSoftwareFirm;
import static cn.gxq.subsidy.topology.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Reason;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecisionPipelineTest {

  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void judgesTheEnterpriseAsItStoodWhenTheApplicationWasSubmitted() {
    final String code = creditCode(1);
    harness.register(smallSoftwareFirm(code, "ZGC", at("2022-01-01T00:00:00Z")).build());
    // In September it grew into a large enterprise (≥300 staff and ≥1亿 revenue for I65).
    harness.register(
        smallSoftwareFirm(code, "ZGC", at("2022-09-01T00:00:00Z"))
            .setEmployees(500)
            .setRevenue(yuan("200000000.00"))
            .build());

    // Both applications are processed after the change; only the second was submitted after it.
    harness.submit(rentRelief("RR-1", code, "10000.00", at("2022-05-01T01:00:00Z")).build());
    harness.submit(
        rentRelief("RR-2", code, "10000.00", at("2022-10-01T01:00:00Z"))
            .setLandlordName("另一家国有房东")
            .build());

    final List<Decision> decisions = harness.newDecisions();
    assertThat(decisions)
        .extracting(Decision::getApplicationId, Decision::getStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("RR-1", DecisionStatus.APPROVED),
            org.assertj.core.groups.Tuple.tuple("RR-2", DecisionStatus.REJECTED));
    // 10,000.00 a month × 3 relief months (lease covers all of 2022, county not risk-listed).
    assertThat(decisions.get(0).getApprovedAmount()).isEqualByComparingTo("30000.00");
    assertThat(codes(decisions.get(1))).contains("NOT_SMALL_OR_MICRO");
  }

  @Test
  void anEnterpriseRegisteredOnlyAfterSubmissionIsNotFound() {
    final String code = creditCode(2);
    harness.register(smallSoftwareFirm(code, "ZGC", at("2022-06-01T00:00:00Z")).build());

    harness.submit(rentRelief("RR-3", code, "8000.00", at("2022-05-01T00:00:00Z")).build());

    final Decision decision = harness.decisions.readValue();
    assertThat(decision.getStatus()).isEqualTo(DecisionStatus.REJECTED);
    assertThat(codes(decision)).containsExactly("ENTERPRISE_NOT_REGISTERED");
    assertThat(decision.getZone()).isNull();
    // Counted, so the totals account for every application received.
    assertThat(harness.publishedTotals().get("UNKNOWN:RENT_RELIEF:2022").getRejected())
        .isEqualTo(1);
  }

  @Test
  void amendmentsAndWithdrawalsGetTheNextSequenceAndStaleRevisionsNothing() {
    final String code = creditCode(3);
    harness.register(smallSoftwareFirm(code, "ZJ", at("2022-01-01T00:00:00Z")).build());

    harness.submit(rentRelief("RR-4", code, "1000.00", at("2022-03-01T00:00:00Z")).build());
    harness.submit(
        rentRelief("RR-4", code, "2000.00", at("2022-03-02T00:00:00Z")).setRevision(2).build());
    // The same revision again (a redelivery), and an older one: neither changes anything.
    harness.submit(
        rentRelief("RR-4", code, "2000.00", at("2022-03-02T00:00:00Z")).setRevision(2).build());
    harness.submit(rentRelief("RR-4", code, "9999.00", at("2022-03-03T00:00:00Z")).build());
    harness.submit(
        rentRelief("RR-4", code, "2000.00", at("2022-03-04T00:00:00Z"))
            .setRevision(3)
            .setWithdrawn(true)
            .build());

    final List<Decision> decisions = harness.newDecisions();
    assertThat(decisions)
        .extracting(Decision::getSequence, Decision::getRevision, Decision::getStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1L, 1, DecisionStatus.APPROVED),
            org.assertj.core.groups.Tuple.tuple(2L, 2, DecisionStatus.APPROVED),
            org.assertj.core.groups.Tuple.tuple(3L, 3, DecisionStatus.WITHDRAWN));
    assertThat(decisions.get(1).getApprovedAmount()).isEqualByComparingTo("6000.00");
    assertThat(decisions.get(2).getApprovedAmount()).isEqualByComparingTo("0.00");
    assertThat(codes(decisions.get(2))).containsExactly("WITHDRAWN_BY_APPLICANT");
    // decidedAt is the event time of the record that caused the decision, not the wall clock.
    assertThat(decisions.get(2).getDecidedAt()).isEqualTo(at("2022-03-04T00:00:00Z"));

    final var totals = harness.publishedTotals().get("ZJ:RENT_RELIEF:2022");
    assertThat(totals.getReceived()).isEqualTo(1);
    assertThat(totals.getWithdrawn()).isEqualTo(1);
    assertThat(totals.getApprovedAmount()).isEqualByComparingTo("0.00");
  }

  @Test
  void aSecondClaimForTheSameEnterpriseAndPeriodIsRejectedWhileTheFirstHoldsIt() {
    final String code = creditCode(4);
    harness.register(smallSoftwareFirm(code, "XA", at("2022-01-01T00:00:00Z")).build());

    harness.submit(rentRelief("RR-5", code, "3000.00", at("2022-04-01T00:00:00Z")).build());
    harness.submit(rentRelief("RR-6", code, "3000.00", at("2022-04-02T00:00:00Z")).build());
    harness.submit(
        rentRelief("RR-5", code, "3000.00", at("2022-04-03T00:00:00Z"))
            .setRevision(2)
            .setWithdrawn(true)
            .build());
    harness.submit(rentRelief("RR-7", code, "3000.00", at("2022-04-04T00:00:00Z")).build());

    final List<Decision> decisions = harness.newDecisions();
    assertThat(decisions)
        .extracting(Decision::getApplicationId, Decision::getStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("RR-5", DecisionStatus.APPROVED),
            org.assertj.core.groups.Tuple.tuple("RR-6", DecisionStatus.REJECTED),
            org.assertj.core.groups.Tuple.tuple("RR-5", DecisionStatus.WITHDRAWN),
            org.assertj.core.groups.Tuple.tuple("RR-7", DecisionStatus.APPROVED));
    final Reason duplicate = decisions.get(1).getReasons().get(0);
    assertThat(duplicate.getCode()).isEqualTo("DUPLICATE_CLAIM");
    assertThat(duplicate.getMessage()).contains("RR-5");
  }

  @Test
  void anInvalidApplicationIsRejectedWithASpecificReason() {
    final String code = creditCode(5);
    final String wrongCheck = code.substring(0, 17) + (code.charAt(17) == 'A' ? 'B' : 'A');
    harness.register(smallSoftwareFirm(code, "ZGC", at("2022-01-01T00:00:00Z")).build());

    harness.submit(rentRelief("RR-8", wrongCheck, "3000.00", at("2022-04-01T00:00:00Z")).build());
    harness.submit(rentRelief("RR-9", code, "-1.00", at("2022-04-01T00:00:00Z")).build());

    final List<Decision> decisions = harness.newDecisions();
    assertThat(codes(decisions.get(0))).contains("INVALID_CREDIT_CODE");
    assertThat(codes(decisions.get(1))).contains("INVALID_FIELD");
    assertThat(decisions.get(1).getReasons().get(0).getMessage()).contains("monthlyRent");
    assertThat(decisions)
        .allSatisfy(
            d -> {
              assertThat(d.getStatus()).isEqualTo(DecisionStatus.REJECTED);
              assertThat(d.getPolicyVersion()).isEqualTo("2022.1"); // submitted in 2022
            });
  }

  @Test
  void anAbsurdAmountIsRejectedBeforeItCanOverflowABudgetOrATotal() {
    final String code = creditCode(6);
    harness.register(smallSoftwareFirm(code, "ZGC", at("2022-01-01T00:00:00Z")).build());

    // 10^15 yuan a month: valid in form, a unit mistake in fact; 6 of them would overflow
    // the contract's decimal(18,2) in the bucket's approved sum and stop the ledger.
    for (int n = 1; n <= 6; n++) {
      harness.submit(
          rentRelief("RR-huge-" + n, code, "1000000000000000.00", at("2022-04-01T00:00:00Z"))
              .setLandlordName("房东" + n)
              .build());
    }
    harness.submit(
        rentRelief("RR-after-huge", code, "1000.00", at("2022-04-02T00:00:00Z")).build());

    final List<Decision> decisions = harness.newDecisions();
    assertThat(decisions).hasSize(7);
    assertThat(decisions.subList(0, 6))
        .allSatisfy(
            d -> {
              assertThat(d.getStatus()).isEqualTo(DecisionStatus.REJECTED);
              assertThat(codes(d)).containsExactly("INVALID_FIELD");
              assertThat(d.getReasons().get(0).getMessage())
                  .contains("monthlyRent")
                  .contains("fen");
            });
    assertThat(decisions.get(6).getStatus()).isEqualTo(DecisionStatus.APPROVED);
  }

  @Test
  void aRegistryTombstoneDeregistersTheEnterpriseFromItsTimestampOnward() {
    final String code = creditCode(7);
    harness.register(smallSoftwareFirm(code, "ZGC", at("2022-01-01T00:00:00Z")).build());
    // The registry deregisters the enterprise (注销) on 1 June: a null value for its key.
    harness.enterprises.pipeInput(code, null, at("2022-06-01T00:00:00Z").toEpochMilli());

    harness.submit(rentRelief("RR-before", code, "1000.00", at("2022-05-01T00:00:00Z")).build());
    harness.submit(
        rentRelief("RR-after", code, "1000.00", at("2022-07-01T00:00:00Z"))
            .setLandlordName("另一家国有房东")
            .build());

    final List<Decision> decisions = harness.newDecisions();
    assertThat(decisions.get(0).getStatus()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(codes(decisions.get(1))).containsExactly("ENTERPRISE_NOT_REGISTERED");
  }

  static List<String> codes(Decision decision) {
    return decision.getReasons().stream().map(Reason::getCode).toList();
  }
}
