package cn.gxq.subsidy.programme.rentrelief;

import static cn.gxq.subsidy.rules.Fixtures.enterprise;
import static cn.gxq.subsidy.rules.Fixtures.rent;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.rules.Finding;
import cn.gxq.subsidy.rules.Fixtures;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.PolicyCalendar;
import cn.gxq.subsidy.rules.ReasonCode;
import cn.gxq.subsidy.rules.SizeClassifier;
import cn.gxq.subsidy.rules.Verdict;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RentReliefRulesTest {
  private final RentReliefRules rules = RentReliefRules.from(Fixtures.POLICY);

  private Outcome decide(RentReliefApplication.Builder a, Enterprise.Builder e) {
    return rules.decide(a.build(), e == null ? null : e.build());
  }

  private static Object[] codes(Outcome o) {
    return o.findings().stream().map(Finding::code).toArray();
  }

  @Test
  void smallServiceEnterpriseGetsThreeMonths() {
    Outcome o = decide(rent(), enterprise());
    // 271号: 3 months × 10 000 = 30 000.00
    assertThat(o.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(o.eligibleAmount()).isEqualByComparingTo("30000.00");
    assertThat(o.eligibleAmount().scale()).isEqualTo(2);
    assertThat(o.requestedAmount()).isEqualByComparingTo("30000.00");
    assertThat(o.findings()).extracting(Finding::code).containsExactly(ReasonCode.ELIGIBLE);
    assertThat(o.findings().get(0).message())
        .startsWith("10,000.00 monthly rent × 3 relief months = 30,000.00: ");
    assertThat(o.year()).isEqualTo(2022);
    assertThat(o.policyVersion()).isEqualTo("2022.1");
    assertThat(o.details())
        .containsEntry("monthlyRent", "10000.00")
        .containsEntry("reliefMonths", "3")
        .containsEntry("leaseMonthsInYear", "12")
        .containsEntry("riskListed", "false")
        .containsEntry("sizeClass", "SMALL")
        .containsEntry("reliefAmount", "30000.00");
  }

  @Test
  void riskListedCountyGetsSixMonths() {
    Outcome o = decide(rent().setCountyRiskListed(true), enterprise());
    // 6 months × 10 000 = 60 000.00
    assertThat(o.eligibleAmount()).isEqualByComparingTo("60000.00");
    assertThat(o.details()).containsEntry("reliefMonths", "6").containsEntry("riskListed", "true");
  }

  @Test
  void leaseCoveringTwoMonthsOf2022CapsReliefAtTwo() {
    Outcome o =
        decide(
            rent().setCountyRiskListed(true).setLeaseStart(LocalDate.of(2022, 11, 1)),
            enterprise());
    // November + December = 2 months < 6: 2 × 10 000 = 20 000.00
    assertThat(o.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(o.eligibleAmount()).isEqualByComparingTo("20000.00");
    assertThat(o.details())
        .containsEntry("leaseMonthsInYear", "2")
        .containsEntry("reliefMonths", "2")
        .containsEntry("reliefMonthsGranted", "6");
  }

  @Test
  void leaseEndingEarlyIn2022IsProRataByDay() {
    Outcome o = decide(rent().setLeaseEnd(LocalDate.of(2022, 2, 14)), enterprise());
    // January 31/31 + February 14/28 = 1.5 months < 3: 10 000 × 1.5 = 15 000.00
    assertThat(o.eligibleAmount()).isEqualByComparingTo("15000.00");
    assertThat(o.details())
        .containsEntry("reliefMonths", "1.5")
        .containsEntry("leaseDaysByMonth", "2022-01:31/31 2022-02:14/28");
  }

  @Test
  void leaseCoveringMoreThanReliefMonthsGetsTheFullRelief() {
    // October 17 to December 31 is 15/31 + 2 = 2.48 months: less than 3, so pro rata
    Outcome partial = decide(rent().setLeaseStart(LocalDate.of(2022, 10, 17)), enterprise());
    // 10 000 × (15/31 + 2) = 24 838.709… → 24 838.71
    assertThat(partial.eligibleAmount()).isEqualByComparingTo("24838.71");
    // exactly three months covers the 3 months of relief
    Outcome three = decide(rent().setLeaseStart(LocalDate.of(2022, 10, 1)), enterprise());
    assertThat(three.eligibleAmount()).isEqualByComparingTo("30000.00");
  }

  @Test
  void leaseOutsideTheYearIsRejected() {
    Outcome o =
        decide(
            rent().setLeaseStart(LocalDate.of(2023, 1, 1)).setLeaseEnd(LocalDate.of(2023, 12, 31)),
            enterprise());
    assertThat(o.verdict()).isEqualTo(Verdict.REJECTED);
    assertThat(codes(o)).containsExactly(ReasonCode.LEASE_NOT_IN_YEAR);
    assertThat(o.eligibleAmount()).isEqualByComparingTo("0.00");
    assertThat(o.eligibleAmount().scale()).isEqualTo(2);
  }

  @Test
  void sublessorGetsNothing() {
    Outcome o = decide(rent().setSublessor(true), enterprise());
    assertThat(codes(o)).containsExactly(ReasonCode.SUBLESSOR_NOT_ELIGIBLE);
    assertThat(o.findings().get(0).message()).contains("actual occupant");
    assertThat(o.eligibleAmount()).isEqualByComparingTo("0.00");
  }

  @Test
  void nonStateLandlordIsRejected() {
    Outcome o = decide(rent().setLandlordStateOwned(false).setLandlordName("某私人业主"), enterprise());
    assertThat(codes(o)).containsExactly(ReasonCode.LANDLORD_NOT_STATE_OWNED);
    assertThat(o.findings().get(0).message()).contains("某私人业主").contains("voluntary");
  }

  @Test
  void manufacturerIsNotServiceIndustry() {
    Outcome o = decide(rent(), enterprise().setIndustryCode("C39"));
    assertThat(codes(o)).containsExactly(ReasonCode.NOT_SERVICE_INDUSTRY);
    assertThat(o.findings().get(0).message()).contains("C39");
  }

  @Test
  void mediumEnterpriseIsRejectedAndBothBoundsDecide() {
    // I65: medium needs 100 staff and 1000万 revenue
    Outcome medium =
        decide(rent(), enterprise().setEmployees(100).setRevenue(Fixtures.yuan("10000000")));
    assertThat(codes(medium)).containsExactly(ReasonCode.NOT_SMALL_OR_MICRO);
    assertThat(medium.findings().get(0).message()).contains("MEDIUM").contains("100 staff");
    // one fen short of the revenue bound: small
    Outcome small =
        decide(rent(), enterprise().setEmployees(100).setRevenue(Fixtures.yuan("9999999.99")));
    assertThat(small.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(small.details()).containsEntry("sizeClass", "SMALL");
    // micro qualifies too
    Outcome micro =
        decide(rent(), enterprise().setEmployees(3).setRevenue(Fixtures.yuan("100000")));
    assertThat(micro.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(micro.details()).containsEntry("sizeClass", "MICRO");
  }

  @Test
  void individualBusinessQualifiesWithoutSizeTest() {
    // 92 with figures that would make an enterprise large
    Outcome o =
        decide(
            rent().setCreditCode(Fixtures.INDIVIDUAL),
            enterprise()
                .setCreditCode(Fixtures.INDIVIDUAL)
                .setEmployees(500)
                .setRevenue(Fixtures.yuan("200000000")));
    assertThat(o.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(o.eligibleAmount()).isEqualByComparingTo("30000.00");
    assertThat(o.details()).containsEntry("individualBusiness", "true");
    // domain.md lists individual businesses apart from "服务业 small or micro": by default no industry
    // test either
    Outcome manufacturing =
        decide(
            rent().setCreditCode(Fixtures.INDIVIDUAL),
            enterprise().setCreditCode(Fixtures.INDIVIDUAL).setIndustryCode("C18"));
    assertThat(manufacturing.verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void policyCanRequireIndividualBusinessesToBeInServices() {
    RentReliefPolicy p = RentReliefPolicy.of(Fixtures.POLICY);
    RentReliefPolicy strict =
        new RentReliefPolicy(p.years(), p.serviceIndustries(), p.eligibleSizeClasses(), true);
    RentReliefRules strictRules =
        new RentReliefRules(
            strict,
            Fixtures.POLICY.enterprise(),
            new SizeClassifier(Fixtures.POLICY.sizeBands()),
            new PolicyCalendar(Fixtures.POLICY.timeZone()),
            "test");
    Outcome o =
        strictRules.decide(
            rent().setCreditCode(Fixtures.INDIVIDUAL).build(),
            enterprise().setCreditCode(Fixtures.INDIVIDUAL).setIndustryCode("C18").build());
    assertThat(codes(o)).containsExactly(ReasonCode.NOT_SERVICE_INDUSTRY);
  }

  @Test
  void allEligibilityProblemsAreReported() {
    Outcome o =
        decide(
            rent().setLandlordStateOwned(false).setSublessor(true),
            enterprise()
                .setIndustryCode("C39")
                .setEmployees(400)
                .setRevenue(Fixtures.yuan("50000000")));
    assertThat(codes(o))
        .containsExactly(
            ReasonCode.LANDLORD_NOT_STATE_OWNED,
            ReasonCode.SUBLESSOR_NOT_ELIGIBLE,
            ReasonCode.NOT_SERVICE_INDUSTRY,
            ReasonCode.NOT_SMALL_OR_MICRO);
  }

  @Test
  void unregisteredEnterpriseIsRejectedWithTheSubmissionDate() {
    Outcome o = decide(rent().setSubmittedAt(Instant.parse("2022-12-31T20:00:00Z")), null);
    assertThat(codes(o)).containsExactly(ReasonCode.ENTERPRISE_NOT_REGISTERED);
    assertThat(o.findings().get(0).message()).contains("not registered as of 2023-01-01");
    assertThat(o.eligibleAmount()).isEqualByComparingTo("0.00");
  }

  @Test
  void invalidCreditCodeComesFirst() {
    Outcome o = decide(rent().setCreditCode("91110000600037341M"), null);
    assertThat(codes(o)).containsExactly(ReasonCode.INVALID_CREDIT_CODE);
    assertThat(o.findings().get(0).message())
        .contains("91110000600037341M")
        .contains("check character");
  }

  @Test
  void everyInvalidFieldIsReported() {
    Outcome o =
        decide(
            rent()
                .setLandlordName(" ")
                .setCountyCode("1101")
                .setLeaseStart(LocalDate.of(2022, 6, 1))
                .setLeaseEnd(LocalDate.of(2022, 5, 31))
                .setMonthlyRent(Fixtures.yuan("-1"))
                .setApplicationId("")
                .setLandlordCreditCode("91110000101000000"),
            enterprise());
    assertThat(o.verdict()).isEqualTo(Verdict.REJECTED);
    assertThat(o.findings()).extracting(Finding::code).containsOnly(ReasonCode.INVALID_FIELD);
    assertThat(o.findings())
        .extracting(Finding::message)
        .anyMatch(m -> m.startsWith("landlordName:"))
        .anyMatch(m -> m.startsWith("countyCode:"))
        .anyMatch(m -> m.startsWith("leaseEnd:") && m.contains("before leaseStart"))
        .anyMatch(m -> m.startsWith("monthlyRent:") && m.contains("-1.00"))
        .anyMatch(m -> m.startsWith("applicationId:"))
        .anyMatch(m -> m.startsWith("landlordCreditCode:"));
    assertThat(o.findings()).hasSize(6);
    assertThat(o.requestedAmount()).isNull();
  }

  @Test
  void unsupportedYear() {
    Outcome o = decide(rent().setYear(2021), enterprise());
    assertThat(codes(o)).containsExactly(ReasonCode.UNSUPPORTED_YEAR);
    assertThat(o.findings().get(0).message()).contains("2021").contains("2022");
    assertThat(o.year()).isEqualTo(2021);
  }

  @Test
  void claimKeyUsesLandlordCodeElseNormalisedName() {
    String byName = RentReliefRules.claimKey(rent().setLandlordName("北京 国资 ＡＢＣ").build());
    assertThat(byName).isEqualTo("RENT_RELIEF:" + Fixtures.CODE + ":2022:NAME=北京国资ABC");
    assertThat(RentReliefRules.claimKey(rent().setLandlordName("北京国资abc").build()))
        .isEqualTo(byName);
    String byCode =
        RentReliefRules.claimKey(rent().setLandlordCreditCode(Fixtures.LANDLORD_CODE).build());
    assertThat(byCode)
        .isEqualTo("RENT_RELIEF:" + Fixtures.CODE + ":2022:USCC=" + Fixtures.LANDLORD_CODE);
    assertThat(
            decide(rent().setLandlordCreditCode(Fixtures.LANDLORD_CODE), enterprise()).claimKey())
        .isEqualTo(byCode);
  }
}
