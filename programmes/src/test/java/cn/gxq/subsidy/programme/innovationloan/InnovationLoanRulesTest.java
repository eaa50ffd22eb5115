package cn.gxq.subsidy.programme.innovationloan;

import static cn.gxq.subsidy.rules.Fixtures.enterprise;
import static cn.gxq.subsidy.rules.Fixtures.loan;
import static cn.gxq.subsidy.rules.Fixtures.share;
import static cn.gxq.subsidy.rules.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.rules.Finding;
import cn.gxq.subsidy.rules.Fixtures;
import cn.gxq.subsidy.rules.Money;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.ReasonCode;
import cn.gxq.subsidy.rules.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The fixture loan scores 0; the enterprise is a tech SME registered for 2022 unless a test says
 * otherwise.
 */
class InnovationLoanRulesTest {
  private final InnovationLoanRules rules = InnovationLoanRules.from(Fixtures.POLICY);

  private static Enterprise.Builder entity() {
    return enterprise().setTechSmeYears(List.of(2022));
  }

  private Outcome decide(InnovationLoanApplication.Builder a, Enterprise.Builder e) {
    return rules.decide(a.build(), e == null ? null : e.build());
  }

  private static Object[] codes(Outcome o) {
    return o.findings().stream().map(Finding::code).toArray();
  }

  /**
   * 60 points: R&D ÷ revenue 10% (15), revenue growth 30% (15), tech staff 30% (10), 5 patents
   * (10), high-tech revenue 60% (10).
   */
  private static InnovationLoanApplication.Builder sixty() {
    return loan()
        .setRevenue(yuan("13000000"))
        .setRevenuePriorYear(yuan("10000000"))
        .setRdExpense(yuan("1300000"))
        .setTechStaffShare(share("0.30"))
        .setInventionPatentApplications(5)
        .setHighTechRevenue(yuan("7800000"));
  }

  @Test
  void baselineScoresZeroAndIsBelowThreshold() {
    Outcome o = decide(loan(), entity());
    assertThat(o.details()).containsEntry("score", "0");
    assertThat(codes(o)).containsExactly(ReasonCode.SCORE_BELOW_THRESHOLD);
    assertThat(o.eligibleAmount()).isEqualByComparingTo("0.00");
    assertThat(o.requestedAmount()).isEqualByComparingTo("2000000.00");
  }

  @ParameterizedTest(name = "score {0}: tier {1}, cap {2}, request {3} → {4}")
  @CsvSource({
    // 59 = 15 + 15 + 10 + 6 (2 patents) + 10 + 3 (platform)
    "59, , , 2000000.00, 0.00",
    "60, C, 3000000.00, 2000000.00, 2000000.00",
    // 69 = 60 + 5 (PCT) + 4 (10 graduates)
    "69, C, 3000000.00, 2000000.00, 2000000.00",
    // 70 = 60 + 5 (PCT) + 5 (postgraduates 20%)
    "70, B, 5000000.00, 5000000.00, 5000000.00",
    // 79 = 70 + 5 (return on net assets 10%) + 4 (10 graduates)
    "79, B, 5000000.00, 5000000.00, 5000000.00",
    // 80 = 70 + 5 (ROE 10%) + 5 (R&D tax saving 100万)
    "80, A, 10000000.00, 10000000.00, 10000000.00",
  })
  void tierEdges(int score, String tier, String cap, String requested, String approved) {
    InnovationLoanApplication.Builder a =
        switch (score) {
          case 59 -> sixty().setInventionPatentApplications(2).setProvincialPlatforms(1);
          case 60 -> sixty();
          case 69 -> sixty().setPctApplications(1).setGraduatesHired(10);
          case 70 -> sixty().setPctApplications(1).setPostgraduateShare(share("0.20"));
          case 79 ->
              sixty()
                  .setPctApplications(1)
                  .setPostgraduateShare(share("0.20"))
                  .setReturnOnNetAssets(share("0.10"))
                  .setGraduatesHired(10);
          case 80 ->
              sixty()
                  .setPctApplications(1)
                  .setPostgraduateShare(share("0.20"))
                  .setReturnOnNetAssets(share("0.10"))
                  .setRdTaxSavingPriorYear(yuan("1000000"));
          default -> throw new IllegalArgumentException();
        };
    Outcome o = decide(a.setRequestedAmount(yuan(requested)), entity());
    assertThat(o.details()).containsEntry("score", Integer.toString(score));
    if (tier == null) {
      assertThat(codes(o)).containsExactly(ReasonCode.SCORE_BELOW_THRESHOLD);
      assertThat(o.findings().get(0).message()).contains("59").contains("60");
    } else {
      assertThat(o.verdict()).isEqualTo(Verdict.ELIGIBLE);
      assertThat(codes(o)).containsExactly(ReasonCode.ELIGIBLE);
      assertThat(o.findings().get(0).message())
          .startsWith("credit line " + Money.display(new BigDecimal(approved)) + " = ")
          .contains("tier " + tier + ": innovation score " + score);
      assertThat(o.details())
          .containsEntry("tier", tier)
          .containsEntry("tierCap", cap)
          .containsEntry("creditLine", Money.format(new BigDecimal(approved)))
          .doesNotContainKey("approvedAmount");
    }
    assertThat(o.eligibleAmount()).isEqualByComparingTo(approved);
  }

  @Test
  void requestAboveTheTierCapIsCappedButEligible() {
    // score 69 → tier C, cap 300万; asked 500万 → 300万
    Outcome o =
        decide(
            sixty().setPctApplications(1).setGraduatesHired(10).setRequestedAmount(yuan("5000000")),
            entity());
    assertThat(o.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(codes(o)).containsExactly(ReasonCode.ELIGIBLE, ReasonCode.CAPPED_AT_TIER);
    assertThat(o.requestedAmount()).isEqualByComparingTo("5000000.00");
    assertThat(o.eligibleAmount()).isEqualByComparingTo("3000000.00");
    assertThat(o.findings().get(0).message())
        .isEqualTo(
            "credit line 3,000,000.00 = the lower of the 5,000,000.00 requested and the"
                + " 3,000,000.00 cap of tier C: innovation score 69 of 100 ≥ 60");
    assertThat(o.findings().get(1).message()).contains("5000000.00").contains("3000000.00");
  }

  @ParameterizedTest(name = "{0} = {1} → {2} points")
  @CsvSource({
    // R&D ÷ revenue (revenue 1000万): ≥10% 15, ≥6% 12, ≥3% 8, ≥1% 4
    "rdIntensity, 1000000.00, 15",
    "rdIntensity, 999999.99, 12",
    "rdIntensity, 600000.00, 12",
    "rdIntensity, 599999.99, 8",
    "rdIntensity, 300000.00, 8",
    "rdIntensity, 299999.99, 4",
    "rdIntensity, 100000.00, 4",
    "rdIntensity, 99999.99, 0",
    // R&D growth (prior 100万): ≥30% 5, ≥10% 3, >0 1
    "rdGrowth, 1300000.00, 5",
    "rdGrowth, 1299999.99, 3",
    "rdGrowth, 1100000.00, 3",
    "rdGrowth, 1099999.99, 1",
    "rdGrowth, 1000000.01, 1",
    "rdGrowth, 1000000.00, 0",
    "rdGrowth, 900000.00, 0",
    // technical staff share: ≥30% 10, ≥20% 7, ≥10% 4
    "techStaffShare, 0.3000, 10",
    "techStaffShare, 0.2999, 7",
    "techStaffShare, 0.2000, 7",
    "techStaffShare, 0.1999, 4",
    "techStaffShare, 0.1000, 4",
    "techStaffShare, 0.0999, 0",
    // invention patent applications: ≥5 10, ≥2 6, ≥1 3
    "inventionPatentApplications, 5, 10",
    "inventionPatentApplications, 4, 6",
    "inventionPatentApplications, 2, 6",
    "inventionPatentApplications, 1, 3",
    "inventionPatentApplications, 0, 0",
    // PCT: ≥1 5
    "pctApplications, 1, 5",
    "pctApplications, 0, 0",
    // technology-contract turnover: ≥1000万 5, ≥100万 3, >0 1
    "techContractTurnover, 10000000.00, 5",
    "techContractTurnover, 9999999.99, 3",
    "techContractTurnover, 1000000.00, 3",
    "techContractTurnover, 999999.99, 1",
    "techContractTurnover, 0.01, 1",
    "techContractTurnover, 0.00, 0",
    // revenue growth (prior 1000万): ≥30% 15, ≥15% 10, ≥5% 5, >0 2
    "revenueGrowth, 13000000.00, 15",
    "revenueGrowth, 12999999.99, 10",
    "revenueGrowth, 11500000.00, 10",
    "revenueGrowth, 11499999.99, 5",
    "revenueGrowth, 10500000.00, 5",
    "revenueGrowth, 10499999.99, 2",
    "revenueGrowth, 10000000.01, 2",
    "revenueGrowth, 10000000.00, 0",
    // high-tech product revenue share (revenue 1000万): ≥60% 10, ≥30% 5
    "highTechRevenueShare, 6000000.00, 10",
    "highTechRevenueShare, 5999999.99, 5",
    "highTechRevenueShare, 3000000.00, 5",
    "highTechRevenueShare, 2999999.99, 0",
    // postgraduate share: ≥20% 5, ≥10% 3
    "postgraduateShare, 0.2000, 5",
    "postgraduateShare, 0.1999, 3",
    "postgraduateShare, 0.1000, 3",
    "postgraduateShare, 0.0999, 0",
    // R&D super-deduction tax saving last year: ≥100万 5, ≥10万 3, >0 1
    "rdTaxSavingPriorYear, 1000000.00, 5",
    "rdTaxSavingPriorYear, 999999.99, 3",
    "rdTaxSavingPriorYear, 100000.00, 3",
    "rdTaxSavingPriorYear, 99999.99, 1",
    "rdTaxSavingPriorYear, 0.01, 1",
    "rdTaxSavingPriorYear, 0.00, 0",
    // return on net assets: ≥10% 5, ≥0 2 (zero itself scores)
    "returnOnNetAssets, 0.1000, 5",
    "returnOnNetAssets, 0.0999, 2",
    "returnOnNetAssets, 0.0000, 2",
    "returnOnNetAssets, -0.0001, 0",
    // graduates hired: ≥10 4, ≥1 2
    "graduatesHired, 10, 4",
    "graduatesHired, 9, 2",
    "graduatesHired, 1, 2",
    "graduatesHired, 0, 0",
    // provincial platforms / awards: ≥1 3
    "provincialPlatforms, 1, 3",
    "provincialPlatforms, 0, 0",
    "provincialAwards, 1, 3",
    "provincialAwards, 0, 0",
  })
  void indicatorBandEdges(String indicator, String value, int points) {
    UnaryOperator<InnovationLoanApplication.Builder> set =
        switch (indicator) {
          case "rdIntensity" -> b -> b.setRdExpense(yuan(value));
          case "rdGrowth" ->
              b -> b.setRdExpensePriorYear(yuan("1000000")).setRdExpense(yuan(value));
          case "techStaffShare" -> b -> b.setTechStaffShare(share(value));
          case "inventionPatentApplications" ->
              b -> b.setInventionPatentApplications(Integer.parseInt(value));
          case "pctApplications" -> b -> b.setPctApplications(Integer.parseInt(value));
          case "techContractTurnover" -> b -> b.setTechContractTurnover(yuan(value));
          case "revenueGrowth" -> b -> b.setRevenue(yuan(value)).setHighTechRevenue(yuan("0"));
          case "highTechRevenueShare" -> b -> b.setHighTechRevenue(yuan(value));
          case "postgraduateShare" -> b -> b.setPostgraduateShare(share(value));
          case "rdTaxSavingPriorYear" -> b -> b.setRdTaxSavingPriorYear(yuan(value));
          case "returnOnNetAssets" -> b -> b.setReturnOnNetAssets(share(value));
          case "graduatesHired" -> b -> b.setGraduatesHired(Integer.parseInt(value));
          case "provincialPlatforms" -> b -> b.setProvincialPlatforms(Integer.parseInt(value));
          case "provincialAwards" -> b -> b.setProvincialAwards(Integer.parseInt(value));
          default -> throw new IllegalArgumentException(indicator);
        };
    Outcome o = decide(set.apply(loan()), entity());
    assertThat(o.details()).containsEntry("points." + indicator, Integer.toString(points));
  }

  @Test
  void growthFromZeroCannotBeScored() {
    Outcome o =
        decide(
            loan()
                .setRdExpense(yuan("500000"))
                .setRdExpensePriorYear(yuan("0"))
                .setRevenuePriorYear(yuan("0")),
            entity());
    assertThat(o.details())
        .containsEntry("points.rdGrowth", "0")
        .containsEntry("points.revenueGrowth", "0")
        .containsEntry("value.rdGrowth", "undefined (denominator 0)");
    // R&D ÷ revenue = 500 000 ÷ 10 000 000 = 5% → 8
    assertThat(o.details())
        .containsEntry("points.rdIntensity", "8")
        .containsEntry("value.rdIntensity", "0.0500");
  }

  @Test
  void groupSubtotalsAddUpToTheScore() {
    Outcome o = decide(sixty(), entity());
    // technology 15 + 10 + 10 = 35; growth 15 + 10 = 25; auxiliary 0
    assertThat(o.details())
        .containsEntry("group.technology", "35")
        .containsEntry("group.growth", "25")
        .containsEntry("group.auxiliary", "0")
        .containsEntry("score", "60");
  }

  @Test
  void innovationEntityNeedsCertificateOnSubmissionDateOrTechSmeYear() {
    // certificate issued 2019-05-01 valid through 2022-04-30; submitted 2022-05-01 (Beijing)
    Outcome expired =
        decide(sixty(), enterprise().setHighTechCertifiedOn(LocalDate.of(2019, 5, 1)));
    assertThat(codes(expired)).containsExactly(ReasonCode.NOT_INNOVATION_ENTITY);
    assertThat(expired.findings().get(0).message()).contains("2022-04-30");
    assertThat(expired.eligibleAmount()).isEqualByComparingTo("0.00");
    Outcome valid = decide(sixty(), enterprise().setHighTechCertifiedOn(LocalDate.of(2019, 5, 2)));
    assertThat(valid.verdict()).isEqualTo(Verdict.ELIGIBLE);
    Outcome smeOtherYear = decide(sixty(), enterprise().setTechSmeYears(List.of(2021)));
    assertThat(codes(smeOtherYear)).containsExactly(ReasonCode.NOT_INNOVATION_ENTITY);
    Outcome neither = decide(loan(), enterprise());
    assertThat(codes(neither))
        .containsExactly(ReasonCode.NOT_INNOVATION_ENTITY, ReasonCode.SCORE_BELOW_THRESHOLD);
  }

  @Test
  void yearOfSubmissionIsBeijingTime() {
    Instant newYear = Instant.parse("2022-12-31T20:00:00Z");
    Outcome o =
        decide(sixty().setSubmittedAt(newYear), enterprise().setTechSmeYears(List.of(2023)));
    assertThat(o.year()).isEqualTo(2023);
    assertThat(o.claimKey()).isEqualTo("INNOVATION_CREDIT_LOAN:" + Fixtures.CODE + ":2023");
    assertThat(o.verdict()).isEqualTo(Verdict.ELIGIBLE);
    Outcome registered2022 =
        decide(sixty().setSubmittedAt(newYear), enterprise().setTechSmeYears(List.of(2022)));
    assertThat(codes(registered2022)).containsExactly(ReasonCode.NOT_INNOVATION_ENTITY);
  }

  @Test
  void validationReportsEveryBadField() {
    Outcome o =
        decide(
            loan()
                .setTermMonths(0)
                .setBankCode(" ")
                .setRequestedAmount(yuan("0"))
                .setTechStaffShare(share("1.2"))
                .setInventionPatentApplications(-1)
                .setRevenue(yuan("-5"))
                .setHighTechRevenue(yuan("1")),
            entity());
    assertThat(o.findings()).extracting(Finding::code).containsOnly(ReasonCode.INVALID_FIELD);
    assertThat(o.findings())
        .extracting(Finding::message)
        .anyMatch(m -> m.startsWith("termMonths:"))
        .anyMatch(m -> m.startsWith("bankCode:"))
        .anyMatch(m -> m.startsWith("requestedAmount:"))
        .anyMatch(m -> m.startsWith("techStaffShare:") && m.contains("1.2000"))
        .anyMatch(m -> m.startsWith("inventionPatentApplications:"))
        .anyMatch(m -> m.startsWith("revenue:"))
        .anyMatch(m -> m.startsWith("highTechRevenue:") && m.contains("more than revenue"));
    assertThat(o.findings()).hasSize(7);
  }

  @Test
  void unsupportedYearInvalidCodeAndUnregistered() {
    Outcome y2021 = decide(sixty().setSubmittedAt(Instant.parse("2021-06-01T00:00:00Z")), entity());
    assertThat(codes(y2021)).containsExactly(ReasonCode.UNSUPPORTED_YEAR);
    assertThat(y2021.year()).isEqualTo(2021);
    assertThat(codes(decide(sixty().setCreditCode("91110000600037341Z"), entity())))
        .containsExactly(ReasonCode.INVALID_CREDIT_CODE);
    Outcome unregistered = decide(sixty(), null);
    assertThat(codes(unregistered)).containsExactly(ReasonCode.ENTERPRISE_NOT_REGISTERED);
    assertThat(unregistered.findings().get(0).message())
        .contains("not registered as of 2022-05-01");
  }
}
