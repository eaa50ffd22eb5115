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
import cn.gxq.subsidy.avro.TechSmeApplication;
import cn.gxq.subsidy.avro.Totals;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fourth programme through the whole pipeline (claims, registration numbers, totals), and
 * revisions judged by the policy version in force on their submission date.
 */
class TechSmeAndPolicyVersionPipelineTest {

  private final TopologyHarness harness = new TopologyHarness();

  @AfterEach
  void close() {
    harness.close();
  }

  /** 30 of 100 in tech (20) + R&D 5% of revenue (40) + two utility models (12) = 72. */
  static TechSmeApplication techSme(String id, String code, int revision, Instant at) {
    return TechSmeApplication.newBuilder()
        .setApplicationId(id)
        .setRevision(revision)
        .setWithdrawn(false)
        .setCreditCode(code)
        .setSubmittedAt(at)
        .setEmployees(100)
        .setTechStaff(30)
        .setSalesRevenue(yuan("10000000.00"))
        .setTotalAssets(yuan("8000000.00"))
        .setRdExpense(yuan("500000.00"))
        .setTotalCostsAndExpenses(yuan("9000000.00"))
        .setClassOneIp(0)
        .setClassTwoIp(2)
        .setRestrictedProducts(false)
        .setSeriousIncident(false)
        .setAbnormalOrViolationListed(false)
        .setNationalAwardTopThree(false)
        .setProvincialRdInstitution(false)
        .setLedStandardDrafting(false)
        .build();
  }

  private static List<String> codes(Decision d) {
    return d.getReasons().stream().map(Reason::getCode).toList();
  }

  @Test
  void anApprovedEvaluationIsRegisteredOncePerEnterpriseAndYear() {
    final String first = creditCode(1);
    final String second = creditCode(2);
    harness.register(smallSoftwareFirm(first, "ZGC", at("2022-01-01T00:00:00Z")).build());
    harness.register(smallSoftwareFirm(second, "ZGC", at("2022-01-01T00:00:00Z")).build());

    harness.submitAny(techSme("TS-1", first, 1, at("2022-06-01T02:00:00Z")));
    harness.submitAny(techSme("TS-2", first, 1, at("2022-06-02T02:00:00Z")));
    harness.submitAny(techSme("TS-1", first, 2, at("2022-06-03T02:00:00Z")));
    harness.submitAny(techSme("TS-3", second, 1, at("2022-06-04T02:00:00Z")));

    final List<Decision> decisions = harness.newDecisions();
    assertThat(decisions).hasSize(4);
    final Decision approved = decisions.get(0);
    assertThat(approved.getStatus()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(approved.getApprovedAmount()).isEqualByComparingTo("0.00");
    assertThat(approved.getYear()).isEqualTo(2022);
    assertThat(approved.getDetails())
        .containsEntry("score", "72")
        .containsEntry("techStaffScore", "20")
        .containsEntry("rdScore", "40")
        .containsEntry("ipScore", "12")
        // year, the credit code's region digits (110108), serial 1: partition 0's first
        .containsEntry("registrationNumber", "2022110108000001")
        .doesNotContainKey("registrationSeries");
    assertThat(codes(approved)).containsExactly("ELIGIBLE");

    final Decision duplicate = decisions.get(1);
    assertThat(duplicate.getStatus()).isEqualTo(DecisionStatus.REJECTED);
    assertThat(codes(duplicate)).containsExactly("DUPLICATE_CLAIM");
    assertThat(duplicate.getDetails()).doesNotContainKey("registrationNumber");

    final Decision revised = decisions.get(2);
    assertThat(revised.getSequence()).isEqualTo(2);
    assertThat(revised.getStatus()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(revised.getDetails()).containsEntry("registrationNumber", "2022110108000001");

    assertThat(decisions.get(3).getDetails())
        .containsEntry("registrationNumber", "2022110108000002");

    final Map<String, Totals> totals = harness.publishedTotals();
    final Totals zgc = totals.get("ZGC:TECH_SME_EVALUATION:2022");
    assertThat(zgc.getApproved()).isEqualTo(2);
    assertThat(zgc.getRejected()).isEqualTo(1);
    assertThat(zgc.getReceived()).isEqualTo(3);
    assertThat(zgc.getApprovedAmount()).isEqualByComparingTo("0.00");
    assertThat(totals.get("ALL:TECH_SME_EVALUATION:2022").getApproved()).isEqualTo(2);
  }

  @Test
  void aDecisionKeepsItsVersionAndARevisionAfterTheNewDateIsJudgedByTheNewOne() {
    final String code = creditCode(3);
    harness.register(smallSoftwareFirm(code, "ZGC", at("2022-01-01T00:00:00Z")).build());
    harness.submit(rentRelief("RR-1", code, "10000.00", at("2022-04-01T02:00:00Z")).build());
    // The same 2022 relief amended on 2023-02-01, under the version in force from 2023-01-01.
    harness.submit(
        rentRelief("RR-1", code, "12000.00", at("2023-02-01T02:00:00Z")).setRevision(2).build());

    final List<Decision> decisions = harness.newDecisions();
    assertThat(decisions)
        .extracting(Decision::getPolicyVersion)
        .containsExactly("2022.1", "2023.1");
    // 2023.1 still judges 2022's relief: 10 000 × 3 months, then 12 000 × 3 months.
    assertThat(decisions.get(0).getApprovedAmount()).isEqualByComparingTo("30000.00");
    assertThat(decisions.get(1).getApprovedAmount()).isEqualByComparingTo("36000.00");
  }

  @Test
  void rentReliefFor2023IsNoProgrammeUnderEitherVersion() {
    final String code = creditCode(4);
    harness.register(smallSoftwareFirm(code, "ZGC", at("2022-01-01T00:00:00Z")).build());
    harness.submit(
        rentRelief("RR-2", code, "10000.00", at("2023-03-01T02:00:00Z")).setYear(2023).build());
    final Decision d = harness.newDecisions().get(0);
    assertThat(d.getPolicyVersion()).isEqualTo("2023.1");
    assertThat(codes(d)).containsExactly("UNSUPPORTED_YEAR");
  }
}
