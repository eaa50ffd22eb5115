package cn.gxq.subsidy.programme.techsme;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.TaxAssessment;
import cn.gxq.subsidy.avro.TechSmeApplication;
import cn.gxq.subsidy.policy.PolicyBook;
import cn.gxq.subsidy.rules.CreditCode;
import cn.gxq.subsidy.rules.Finding;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.ReasonCode;
import cn.gxq.subsidy.rules.Registration;
import cn.gxq.subsidy.rules.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every band edge and direct route of domain.md "Programme 4", worked by hand. */
class TechSmeRulesTest {

  private static final TechSmeRules RULES =
      TechSmeRules.from(PolicyBook.loadDefault().version("2022.1"));

  /** Published valid example of GB 32100-2015: an enterprise (91) of region 110000. */
  private static final String CODE = "91110000600037341L";

  private static final Instant MAY_2022 = Instant.parse("2022-05-01T02:00:00Z");

  private static BigDecimal yuan(String s) {
    return new BigDecimal(s).setScale(2);
  }

  /**
   * 100 staff, 20 of them tech staff (12 points); R&D 300 000 of revenue 10 000 000 (3%: 20) and of
   * costs 9 000 000 (3.3%: 0); two utility models (12). Score 44: fails unless a test adds to it.
   */
  private static TechSmeApplication.Builder application() {
    return TechSmeApplication.newBuilder()
        .setApplicationId("TS-1")
        .setRevision(1)
        .setWithdrawn(false)
        .setCreditCode(CODE)
        .setSubmittedAt(MAY_2022)
        .setEmployees(100)
        .setTechStaff(20)
        .setSalesRevenue(yuan("10000000"))
        .setTotalAssets(yuan("8000000"))
        .setRdExpense(yuan("300000"))
        .setTotalCostsAndExpenses(yuan("9000000"))
        .setClassOneIp(0)
        .setClassTwoIp(2)
        .setRestrictedProducts(false)
        .setSeriousIncident(false)
        .setAbnormalOrViolationListed(false)
        .setNationalAwardTopThree(false)
        .setProvincialRdInstitution(false)
        .setLedStandardDrafting(false);
  }

  private static Enterprise.Builder enterprise() {
    return Enterprise.newBuilder()
        .setCreditCode(CODE)
        .setName("北京测试科技有限公司")
        .setZone("ZGC")
        .setIndustryCode("I65")
        .setEmployees(100)
        .setRevenue(yuan("10000000"))
        .setTotalAssets(yuan("8000000"))
        .setRegisteredOn(LocalDate.of(2015, 1, 1))
        .setHighTechCertifiedOn(null)
        .setTechSmeYears(List.of())
        .setTaxResident(true)
        .setTaxAssessment(TaxAssessment.ACTUAL)
        .setUpdatedAt(Instant.parse("2022-01-01T00:00:00Z"));
  }

  private static Outcome decide(TechSmeApplication.Builder a) {
    return RULES.decide(a.build(), enterprise().build());
  }

  private static List<ReasonCode> codes(Outcome o) {
    return o.findings().stream().map(Finding::code).toList();
  }

  @ParameterizedTest(name = "{0} of 100 staff in tech -> {1} points")
  @CsvSource({
    "30, 20", "29, 16", "25, 16", "24, 12", "20, 12", "19, 8", "15, 8", "14, 4", "10, 4", "9, 0",
    "0, 0", "100, 20"
  })
  void techStaffBandsAreInclusiveAtTheirLowerEnd(int techStaff, int points) {
    assertThat(RULES.score(application().setTechStaff(techStaff).build()).techStaff())
        .isEqualTo(points);
  }

  @ParameterizedTest(name = "R&D {0} of revenue 1 000 000 -> {1}")
  @CsvSource({
    "60000.00, 50",
    "59999.99, 40",
    "50000.00, 40",
    "49999.99, 30",
    "40000.00, 30",
    "30000.00, 20",
    "29999.99, 10",
    "20000.00, 10",
    "19999.99, 0"
  })
  void rdShareOfRevenueBands(String rd, int points) {
    // Costs so large that their ratio never scores: the revenue ratio decides.
    TechSmeRules.Score s =
        RULES.score(
            application()
                .setSalesRevenue(yuan("1000000"))
                .setTotalCostsAndExpenses(yuan("100000000"))
                .setRdExpense(new BigDecimal(rd))
                .build());
    assertThat(s.rd()).isEqualTo(points);
    assertThat(s.rdBasis()).isEqualTo("REVENUE");
  }

  @ParameterizedTest(name = "R&D {0} of costs 1 000 000 -> {1}")
  @CsvSource({
    "300000.00, 50",
    "299999.99, 40",
    "250000.00, 40",
    "200000.00, 30",
    "150000.00, 20",
    "100000.00, 10",
    "99999.99, 0"
  })
  void rdShareOfCostsBands(String rd, int points) {
    TechSmeRules.Score s =
        RULES.score(
            application()
                .setSalesRevenue(yuan("100000000"))
                .setTotalCostsAndExpenses(yuan("1000000"))
                .setRdExpense(new BigDecimal(rd))
                .build());
    assertThat(s.rd()).isEqualTo(points);
  }

  @Test
  void theBetterRdRatioCounts() {
    // 300 000 ÷ 10 000 000 = 3% of revenue (20); 300 000 ÷ 1 200 000 = 25% of costs (40).
    TechSmeRules.Score s =
        RULES.score(application().setTotalCostsAndExpenses(yuan("1200000")).build());
    assertThat(s.rd()).isEqualTo(40);
    assertThat(s.rdBasis()).isEqualTo("COSTS");
  }

  @Test
  void zeroRevenueAndCostsScoreNoRdPoints() {
    TechSmeRules.Score s =
        RULES.score(
            application().setSalesRevenue(yuan("0")).setTotalCostsAndExpenses(yuan("0")).build());
    assertThat(s.rd()).isZero();
  }

  @ParameterizedTest(name = "class I {0}, class II {1} -> {2}")
  @CsvSource({
    "1, 0, 30",
    "3, 9, 30",
    "0, 5, 24",
    "0, 4, 24",
    "0, 3, 18",
    "0, 2, 12",
    "0, 1, 6",
    "0, 0, 0"
  })
  void intellectualPropertyPoints(int classOne, int classTwo, int points) {
    assertThat(
            RULES.score(application().setClassOneIp(classOne).setClassTwoIp(classTwo).build()).ip())
        .isEqualTo(points);
  }

  @Test
  void sixtyExactlyPassesAndIsRegisteredWithTheSeriesOfYearAndRegion() {
    // 30 tech staff (20) + R&D 5% of revenue (40) + no IP (0) = 60.
    Outcome o =
        decide(application().setTechStaff(30).setRdExpense(yuan("500000")).setClassTwoIp(0));
    assertThat(o.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(o.eligibleAmount()).isEqualByComparingTo("0.00");
    assertThat(o.requestedAmount()).isEqualByComparingTo("0.00");
    assertThat(codes(o)).containsExactly(ReasonCode.ELIGIBLE);
    assertThat(o.findings().get(0).message())
        .isEqualTo(
            "registered as a technology-based SME (科技型中小企业) for 2022: score 60 = tech staff 20"
                + " + R&D 40 + intellectual property 0, at least 60, with tech-staff points above 0");
    assertThat(o.details())
        .containsEntry("score", "60")
        .containsEntry("techStaffScore", "20")
        .containsEntry("rdScore", "40")
        .containsEntry("ipScore", "0")
        .containsEntry("techStaffShare", "0.3000")
        .containsEntry("rdShareOfRevenue", "0.0500")
        .containsEntry("directRoute", "none")
        .containsEntry("evaluationYear", "2022")
        .containsEntry(Registration.SERIES, "2022110000");
    assertThat(o.claimKey()).isEqualTo("TECH_SME_EVALUATION:" + CODE + ":2022");
  }

  @Test
  void fiftySixFailsWithItsArithmetic() {
    // 25 tech staff (16) + 5% (40) + none (0) = 56.
    Outcome o =
        decide(application().setTechStaff(25).setRdExpense(yuan("500000")).setClassTwoIp(0));
    assertThat(o.verdict()).isEqualTo(Verdict.REJECTED);
    assertThat(codes(o)).containsExactly(ReasonCode.SCORE_BELOW_THRESHOLD);
    assertThat(o.findings().get(0).message())
        .startsWith("score 56 = tech staff 16 + R&D 40 + intellectual property 0, below the 60");
    assertThat(o.details()).doesNotContainKey(Registration.SERIES);
  }

  @Test
  void aHighScoreWithoutTechStaffPointsFails() {
    // 9 of 100 tech staff (0) + 6% (50) + an invention patent (30) = 80.
    Outcome o = decide(application().setTechStaff(9).setRdExpense(yuan("600000")).setClassOneIp(1));
    assertThat(o.details()).containsEntry("score", "80");
    assertThat(codes(o)).containsExactly(ReasonCode.NO_TECH_STAFF_SCORE);
  }

  @Test
  void aLowScoreWithoutTechStaffPointsGivesBothReasons() {
    assertThat(codes(decide(application().setTechStaff(0))))
        .containsExactly(ReasonCode.SCORE_BELOW_THRESHOLD, ReasonCode.NO_TECH_STAFF_SCORE);
  }

  @Test
  void eachDirectRouteRegistersWhateverTheScore() {
    // The base application scores 44; each declared route alone registers it.
    assertThat(decide(application().setNationalAwardTopThree(true)).details())
        .containsEntry("directRoute", "NATIONAL_AWARD");
    assertThat(decide(application().setProvincialRdInstitution(true)).details())
        .containsEntry("directRoute", "PROVINCIAL_RD_INSTITUTION");
    assertThat(decide(application().setLedStandardDrafting(true)).details())
        .containsEntry("directRoute", "LED_STANDARD_DRAFTING");
    for (Outcome o :
        List.of(
            decide(application().setNationalAwardTopThree(true)),
            decide(application().setProvincialRdInstitution(true)),
            decide(application().setLedStandardDrafting(true)))) {
      assertThat(o.verdict()).isEqualTo(Verdict.ELIGIBLE);
      assertThat(o.details()).containsEntry("score", "44");
    }
    // Even without tech-staff points: the direct route does not look at the score.
    assertThat(decide(application().setTechStaff(0).setLedStandardDrafting(true)).verdict())
        .isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void aHighTechCertificateIsADirectRouteOnlyWhileValid() {
    // Certified 2019-05-01, valid 3 years: through 2022-04-30.
    Enterprise certified = enterprise().setHighTechCertifiedOn(LocalDate.of(2019, 5, 1)).build();
    Outcome lastDay =
        RULES.decide(
            application().setSubmittedAt(Instant.parse("2022-04-30T02:00:00Z")).build(), certified);
    assertThat(lastDay.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(lastDay.details()).containsEntry("directRoute", "HIGH_TECH_CERTIFICATE");
    assertThat(lastDay.findings().get(0).message())
        .contains("direct route a high-tech enterprise certificate of 2019-05-01, valid 3 years");
    Outcome expired =
        RULES.decide(
            application().setSubmittedAt(Instant.parse("2022-05-01T02:00:00Z")).build(), certified);
    assertThat(codes(expired)).containsExactly(ReasonCode.SCORE_BELOW_THRESHOLD);
  }

  @Test
  void limitsAreInclusiveAndEachExcessIsNamed() {
    assertThat(
            decide(
                    application()
                        .setEmployees(500)
                        .setTechStaff(150)
                        .setSalesRevenue(yuan("200000000"))
                        .setTotalAssets(yuan("200000000"))
                        .setLedStandardDrafting(true))
                .verdict())
        .isEqualTo(Verdict.ELIGIBLE);
    Outcome over =
        decide(
            application()
                .setEmployees(501)
                .setSalesRevenue(new BigDecimal("200000000.01"))
                .setTotalAssets(new BigDecimal("200000000.01"))
                .setLedStandardDrafting(true));
    assertThat(codes(over)).containsExactly(ReasonCode.EXCEEDS_SME_LIMITS);
    assertThat(over.findings().get(0).message())
        .contains("501 staff (at most 500)")
        .contains("sales revenue")
        .contains("total assets");
  }

  @Test
  void conditionsComeBeforeAnyRouteAndAreAllReported() {
    Outcome o =
        decide(
            application()
                .setRestrictedProducts(true)
                .setSeriousIncident(true)
                .setNationalAwardTopThree(true));
    assertThat(codes(o))
        .containsExactly(ReasonCode.RESTRICTED_PRODUCTS, ReasonCode.INTEGRITY_RECORD);
    assertThat(codes(decide(application().setAbnormalOrViolationListed(true))))
        .containsExactly(ReasonCode.INTEGRITY_RECORD);
  }

  @Test
  void individualBusinessesAndCooperativesAreNotEnterprises() {
    for (String prefix : List.of("92", "93")) {
      String code = prefix + "110108MA01ABCD1";
      code = code + CreditCode.checkCharacter(code);
      Outcome o =
          RULES.decide(
              application().setCreditCode(code).setLedStandardDrafting(true).build(),
              enterprise().setCreditCode(code).build());
      assertThat(codes(o)).as(prefix).containsExactly(ReasonCode.NOT_AN_ENTERPRISE);
    }
  }

  @Test
  void nonResidentsAreNotEvaluated() {
    Outcome o =
        RULES.decide(
            application().setLedStandardDrafting(true).build(),
            enterprise().setTaxResident(false).build());
    assertThat(codes(o)).containsExactly(ReasonCode.NON_RESIDENT);
  }

  @Test
  void anUnregisteredEnterpriseIsRejected() {
    Outcome o = RULES.decide(application().build(), null);
    assertThat(codes(o)).containsExactly(ReasonCode.ENTERPRISE_NOT_REGISTERED);
  }

  @Test
  void theEvaluationYearIsTheSubmissionYearInChina() {
    // 00:30 on 2023-01-01 in Beijing.
    Outcome o =
        decide(
            application()
                .setSubmittedAt(Instant.parse("2022-12-31T16:30:00Z"))
                .setLedStandardDrafting(true));
    assertThat(o.year()).isEqualTo(2023);
    assertThat(o.claimKey()).endsWith(":2023");
    assertThat(o.details()).containsEntry(Registration.SERIES, "2023110000");
  }

  @Test
  void invalidFiguresAreReportedTogether() {
    Outcome o =
        decide(
            application()
                .setTechStaff(120)
                .setRdExpense(new BigDecimal("-1.00"))
                .setClassTwoIp(-1));
    assertThat(codes(o)).containsOnly(ReasonCode.INVALID_FIELD).hasSize(3);
    assertThat(o.findings().get(0).message()).startsWith("techStaff: is 120, more than all 100");
  }

  @Test
  void registrationNumbersHaveSixDigitSerials() {
    assertThat(Registration.number("2022110108", 123)).isEqualTo("2022110108000123");
  }
}
