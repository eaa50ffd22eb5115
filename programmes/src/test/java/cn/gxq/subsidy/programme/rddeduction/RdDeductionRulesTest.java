package cn.gxq.subsidy.programme.rddeduction;

import static cn.gxq.subsidy.rules.Fixtures.enterprise;
import static cn.gxq.subsidy.rules.Fixtures.rd;
import static cn.gxq.subsidy.rules.Fixtures.yuan;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.TaxAssessment;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.rules.Finding;
import cn.gxq.subsidy.rules.Fixtures;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.ReasonCode;
import cn.gxq.subsidy.rules.Verdict;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Base case of the fixtures: five main categories = 600 000 + 200 000 + 100 000 + 50 000 + 50 000 =
 * 1 000 000.
 */
class RdDeductionRulesTest {
  private static final Instant MAY_2023 = Instant.parse("2023-05-01T02:00:00Z");
  private final RdDeductionRules rules = RdDeductionRules.from(Fixtures.POLICY);

  private Outcome decide(RdDeductionApplication.Builder a, Enterprise.Builder e) {
    return rules.decide(a.build(), e == null ? null : e.build());
  }

  private static Object[] codes(Outcome o) {
    return o.findings().stream().map(Finding::code).toArray();
  }

  @ParameterizedTest(name = "tax year {0}, {1}, tech SME years [{2}] → {4} at {3}")
  @CsvSource({
    // 财税〔2018〕99号: 75% for everyone in 2018–2020
    "2018, C39, '',   0.75,  750000.00, MANUFACTURING",
    "2019, I65, '',   0.75,  750000.00, OTHER",
    "2020, I65, 2020, 0.75,  750000.00, TECH_SME",
    // 2021年第13号: manufacturing 100%, others and tech SMEs 75%
    "2021, C39, '',   1.00, 1000000.00, MANUFACTURING",
    "2021, I65, '',   0.75,  750000.00, OTHER",
    "2021, I65, 2021, 0.75,  750000.00, TECH_SME",
    // a tech SME registered for another year is an "other"
    "2021, I65, 2020, 0.75,  750000.00, OTHER",
    // 2022: manufacturing 100%, tech SMEs registered that year 100% (2022年第16号)
    "2022, C39, '',   1.00, 1000000.00, MANUFACTURING",
    "2022, I65, 2022, 1.00, 1000000.00, TECH_SME",
    // a manufacturer that is also a tech SME gets the same 100%; ties go to MANUFACTURING
    "2022, C39, 2022, 1.00, 1000000.00, MANUFACTURING",
    // 2023年第7号: 100% for all
    "2023, I65, '',   1.00, 1000000.00, OTHER",
    "2024, C39, '',   1.00, 1000000.00, MANUFACTURING",
  })
  void rateTable(
      int taxYear, String industry, String techSmeYear, String rate, String extra, String kind) {
    Instant submitted = Instant.parse((taxYear + 1) + "-03-01T02:00:00Z");
    List<Integer> sme = techSmeYear.isEmpty() ? List.of() : List.of(Integer.parseInt(techSmeYear));
    // Each claim is judged by the version in force when it is filed the year after.
    Outcome o =
        Rulebook.fromDefaultPolicy()
            .decide(
                rd().setTaxYear(taxYear).setSubmittedAt(submitted).build(),
                enterprise().setIndustryCode(industry).setTechSmeYears(sme).build());
    // 1 000 000 × rate
    assertThat(o.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(o.eligibleAmount()).isEqualByComparingTo(extra);
    assertThat(o.details())
        .containsEntry("deductionRate", rate)
        .containsEntry("enterpriseKind", kind)
        .containsEntry("eligibleBase", "1000000.00");
    assertThat(o.year()).isEqualTo(taxYear);
  }

  @Test
  void others2022WithoutDeclaredQ4TakeThreeTwelfths() {
    Outcome o = decide(rd().setTaxYear(2022).setSubmittedAt(MAY_2023), enterprise());
    // Q4 = 1 000 000 × 3/12 = 250 000; Jan–Sep 750 000 × 75% = 562 500; Q4 250 000 × 100% = 250
    // 000; total 812 500.00
    assertThat(o.eligibleAmount()).isEqualByComparingTo("812500.00");
    assertThat(o.details())
        .containsEntry("q4Expenses", "250000.00")
        .containsEntry("expensesBeforeQ4", "750000.00")
        .containsEntry("extraBeforeQ4", "562500.00")
        .containsEntry("extraQ4", "250000.00")
        .containsEntry("deductionRate", "0.75")
        .containsEntry("latePeriodRate", "1.00")
        .containsEntry("enterpriseKind", "OTHER");
    assertThat(o.details().get("q4Basis")).contains("3/12");
  }

  @Test
  void others2022WithDeclaredQ4TakeItAsDeclared() {
    Outcome o =
        decide(
            rd().setTaxYear(2022).setSubmittedAt(MAY_2023).setQ4Expenses(yuan("400000")),
            enterprise());
    // Jan–Sep 600 000 × 75% = 450 000; Q4 400 000 × 100% = 400 000; total 850 000.00
    assertThat(o.eligibleAmount()).isEqualByComparingTo("850000.00");
    assertThat(o.details())
        .containsEntry("q4Basis", "declared")
        .containsEntry("expensesBeforeQ4", "600000.00");
  }

  @Test
  void declaredQ4AboveTheYearIsCappedAtTheYear() {
    Outcome o =
        decide(
            rd().setTaxYear(2022).setSubmittedAt(MAY_2023).setQ4Expenses(yuan("2000000")),
            enterprise());
    // Q4 capped at 1 000 000, all at 100%
    assertThat(o.eligibleAmount()).isEqualByComparingTo("1000000.00");
    assertThat(o.details().get("q4Basis")).contains("capped");
  }

  @Test
  void otherRelatedExpensesAreCappedAtTenOverNinetyOfTheMainFive() {
    Outcome o = decide(rd().setOtherRelated(yuan("200000")), enterprise());
    // cap = 1 000 000 × 10% ÷ (1 − 10%) = 111 111.111…; allowed = 111 111.111…; base 1 111 111.111…
    // 2021 others 75%: 833 333.333… → 833 333.33
    assertThat(o.eligibleAmount()).isEqualByComparingTo("833333.33");
    assertThat(o.details())
        .containsEntry("otherRelatedCap", "111111.11")
        .containsEntry("otherRelatedAllowed", "111111.11")
        .containsEntry("eligibleBase", "1111111.11")
        .containsEntry("mainCategoriesTotal", "1000000.00");
  }

  @Test
  void otherRelatedBelowTheCapCountsInFull() {
    Outcome o = decide(rd().setOtherRelated(yuan("50000")), enterprise());
    // 1 050 000 × 75% = 787 500.00
    assertThat(o.eligibleAmount()).isEqualByComparingTo("787500.00");
    assertThat(o.details()).containsEntry("otherRelatedAllowed", "50000.00");
  }

  @Test
  void overseasCountsAtEightyPercent() {
    Outcome o =
        decide(
            rd().setPersonnel(yuan("500000")).setOverseasContracted(yuan("500000")), enterprise());
    // domestic 900 000; overseas 500 000 × 80% = 400 000 ≤ 2/3 × 900 000 = 600 000; base 1 300 000
    // × 75% = 975 000.00
    assertThat(o.eligibleAmount()).isEqualByComparingTo("975000.00");
    assertThat(o.details())
        .containsEntry("overseasCounted", "400000.00")
        .containsEntry("overseasCap", "600000.00")
        .containsEntry("overseasAllowed", "400000.00");
  }

  @Test
  void overseasIsCappedAtTwoThirdsOfDomestic() {
    Outcome o =
        decide(
            rd().setPersonnel(yuan("500000")).setOverseasContracted(yuan("1000000")), enterprise());
    // 1 000 000 × 80% = 800 000 > 2/3 × 900 000 = 600 000; base 1 500 000 × 75% = 1 125 000.00
    assertThat(o.eligibleAmount()).isEqualByComparingTo("1125000.00");
    assertThat(o.details())
        .containsEntry("overseasAllowed", "600000.00")
        .containsEntry("overseasCapShareOfDomestic", "2/3");
  }

  @Test
  void twoThirdsCapStaysExactOnAwkwardAmounts() {
    Outcome o =
        decide(
            rd().setPersonnel(yuan("0.01"))
                .setDirectInputs(yuan("0"))
                .setDepreciation(yuan("0"))
                .setIntangibleAmortisation(yuan("0"))
                .setDesignFees(yuan("0"))
                .setOverseasContracted(yuan("1")),
            enterprise());
    // domestic 0.01; overseas cap 0.00666…; base 0.01666…; × 75% = 0.0125 → 0.01
    assertThat(o.eligibleAmount()).isEqualByComparingTo("0.01");
  }

  @Test
  void highTechEnterpriseGetsQ4EquipmentExtraAndFifteenPercent() {
    Outcome o =
        decide(
            rd().setTaxYear(2022).setSubmittedAt(MAY_2023).setQ4EquipmentPurchases(yuan("300000")),
            enterprise().setHighTechCertifiedOn(LocalDate.of(2020, 3, 1)));
    // R&D 812 500 (3/12 split as above) + equipment 300 000 × 100% = 1 112 500.00; tax saving × 15%
    // = 166 875.00
    assertThat(o.eligibleAmount()).isEqualByComparingTo("1112500.00");
    assertThat(o.details())
        .containsEntry("q4EquipmentExtra", "300000.00")
        .containsEntry("incomeTaxRate", "0.15")
        .containsEntry("estimatedTaxSaving", "166875.00")
        .containsEntry("rdExtraDeduction", "812500.00");
    assertThat(o.findings().get(0).code()).isEqualTo(ReasonCode.ELIGIBLE);
    assertThat(o.findings().get(0).message())
        .contains("extra deduction 1,112,500.00 = 812,500.00 on R&D expenses")
        .contains("+ 300,000.00 on Q4 equipment")
        .contains("1,112,500.00 × 0.15 income tax rate = 166,875.00");
  }

  @Test
  void certificateExpiredBeforeQ4GetsNoEquipmentExtra() {
    // issued 2019-09-30: valid through 2022-09-29
    Outcome o =
        decide(
            rd().setTaxYear(2022).setSubmittedAt(MAY_2023).setQ4EquipmentPurchases(yuan("300000")),
            enterprise().setHighTechCertifiedOn(LocalDate.of(2019, 9, 30)));
    assertThat(o.eligibleAmount()).isEqualByComparingTo("812500.00");
    assertThat(o.details())
        .containsEntry("q4EquipmentExtra", "0.00")
        .containsEntry("highTechCertificateValidInEquipmentPeriod", "false");
    // still valid for part of 2022, so 15%: 812 500 × 15% = 121 875.00
    assertThat(o.details())
        .containsEntry("incomeTaxRate", "0.15")
        .containsEntry("estimatedTaxSaving", "121875.00");
    // issued 2019-10-02: valid through 2022-10-01, one day of Q4: 812 500 + 300 000 = 1 112 500.00
    Outcome oneDay =
        decide(
            rd().setTaxYear(2022).setSubmittedAt(MAY_2023).setQ4EquipmentPurchases(yuan("300000")),
            enterprise().setHighTechCertifiedOn(LocalDate.of(2019, 10, 2)));
    assertThat(oneDay.eligibleAmount()).isEqualByComparingTo("1112500.00");
  }

  @Test
  void equipmentWithoutCertificateOrOutside2022GetsNothingExtra() {
    Outcome none =
        decide(
            rd().setTaxYear(2022).setSubmittedAt(MAY_2023).setQ4EquipmentPurchases(yuan("300000")),
            enterprise());
    assertThat(none.eligibleAmount()).isEqualByComparingTo("812500.00");
    Outcome y2021 =
        decide(
            rd().setQ4EquipmentPurchases(yuan("300000")),
            enterprise().setHighTechCertifiedOn(LocalDate.of(2020, 3, 1)));
    assertThat(y2021.eligibleAmount()).isEqualByComparingTo("750000.00");
  }

  @Test
  void taxSavingAtTwentyFivePercentWithoutCertificate() {
    Outcome o = decide(rd(), enterprise());
    // 750 000 × 25% = 187 500.00
    assertThat(o.details())
        .containsEntry("incomeTaxRate", "0.25")
        .containsEntry("estimatedTaxSaving", "187500.00");
    // certificate issued 2018-01-01 expired 2020-12-31: 2021 is at 25% too
    Outcome expired = decide(rd(), enterprise().setHighTechCertifiedOn(LocalDate.of(2018, 1, 1)));
    assertThat(expired.details()).containsEntry("incomeTaxRate", "0.25");
    Outcome valid = decide(rd(), enterprise().setHighTechCertifiedOn(LocalDate.of(2018, 1, 2)));
    // 750 000 × 15% = 112 500.00
    assertThat(valid.details())
        .containsEntry("incomeTaxRate", "0.15")
        .containsEntry("estimatedTaxSaving", "112500.00");
  }

  @Test
  void theTaxSavingIsRoundedOnceFromTheUnroundedDeduction() {
    // 2021, an "other" at 75%: personnel 600,000.02, so eligible 1,000,000.02 and the extra
    // deduction 750,000.015, shown (and approved) as 750,000.02. The saving at 25% is
    // 750,000.015 × 0.25 = 187,500.00375 → 187,500.00; rounding twice would give
    // 750,000.02 × 0.25 = 187,500.005 → 187,500.01.
    Outcome o = decide(rd().setPersonnel(yuan("600000.02")), enterprise());
    assertThat(o.eligibleAmount()).isEqualByComparingTo("750000.02");
    assertThat(o.details())
        .containsEntry("extraDeduction", "750000.02")
        .containsEntry("incomeTaxRate", "0.25")
        .containsEntry("estimatedTaxSaving", "187500.00");
    assertThat(o.findings().get(0).message())
        .contains(
            "extra deduction before rounding 750,000.015 × 0.25 income tax rate = 187,500.00");
  }

  @Test
  void theTaxSavingAtFifteenPercentIsRoundedOnceToo() {
    // Personnel 600,000.22: eligible 1,000,000.22, extra 750,000.165 (750,000.17 shown). With a
    // valid certificate: 750,000.165 × 0.15 = 112,500.02475 → 112,500.02, where
    // 750,000.17 × 0.15 = 112,500.0255 → 112,500.03.
    Outcome o =
        decide(
            rd().setPersonnel(yuan("600000.22")),
            enterprise().setHighTechCertifiedOn(LocalDate.of(2019, 6, 1)));
    assertThat(o.eligibleAmount()).isEqualByComparingTo("750000.17");
    assertThat(o.details())
        .containsEntry("incomeTaxRate", "0.15")
        .containsEntry("estimatedTaxSaving", "112500.02");
  }

  @ParameterizedTest
  @CsvSource({
    "C16, true",
    "C1610, true",
    "H61, true",
    "H62, true",
    "F51, true",
    "F52, true",
    "K70, true",
    "K701, true",
    "L72, true",
    "R90, true",
    "C17, false",
    "R86, false",
    "I65, false",
    "M73, false"
  })
  void excludedByMainBusiness(String industry, boolean excluded) {
    Outcome o = decide(rd(), enterprise().setIndustryCode(industry));
    if (excluded) {
      assertThat(codes(o)).containsExactly(ReasonCode.EXCLUDED_INDUSTRY);
      assertThat(o.findings().get(0).message()).contains(industry);
      assertThat(o.eligibleAmount()).isEqualByComparingTo("0.00");
    } else {
      assertThat(o.verdict()).isEqualTo(Verdict.ELIGIBLE);
    }
  }

  @Test
  void excludedByIncomeShareAboveHalf() {
    Outcome over = decide(rd().setExcludedIncomeShare(new BigDecimal("0.5001")), enterprise());
    assertThat(codes(over)).containsExactly(ReasonCode.EXCLUDED_INDUSTRY);
    assertThat(over.findings().get(0).message()).contains("0.5001");
    Outcome half = decide(rd().setExcludedIncomeShare(new BigDecimal("0.5000")), enterprise());
    assertThat(half.verdict()).isEqualTo(Verdict.ELIGIBLE);
  }

  @Test
  void nonResidentAndDeemedProfitAreRejected() {
    Outcome nonResident = decide(rd(), enterprise().setTaxResident(false));
    assertThat(codes(nonResident)).containsExactly(ReasonCode.NON_RESIDENT);
    Outcome deemed = decide(rd(), enterprise().setTaxAssessment(TaxAssessment.DEEMED));
    assertThat(codes(deemed)).containsExactly(ReasonCode.DEEMED_PROFIT_TAXATION);
    assertThat(deemed.findings().get(0).message()).contains("核定征收");
    Outcome both =
        decide(
            rd(),
            enterprise()
                .setTaxResident(false)
                .setTaxAssessment(TaxAssessment.DEEMED)
                .setIndustryCode("F52"));
    assertThat(codes(both))
        .containsExactly(
            ReasonCode.NON_RESIDENT,
            ReasonCode.DEEMED_PROFIT_TAXATION,
            ReasonCode.EXCLUDED_INDUSTRY);
    assertThat(both.eligibleAmount()).isEqualByComparingTo("0.00");
  }

  @Test
  void zeroExpenseHasNothingToDeduct() {
    Outcome o =
        decide(
            rd().setPersonnel(yuan("0"))
                .setDirectInputs(yuan("0"))
                .setDepreciation(yuan("0"))
                .setIntangibleAmortisation(yuan("0"))
                .setDesignFees(yuan("0"))
                .setOtherRelated(yuan("5000"))
                .setOverseasContracted(yuan("5000")),
            enterprise());
    // other related capped at 0 × 10/90 = 0; overseas capped at 2/3 × 0 = 0
    assertThat(codes(o)).containsExactly(ReasonCode.NO_ELIGIBLE_EXPENSE);
    assertThat(o.eligibleAmount()).isEqualByComparingTo("0.00");
  }

  @Test
  void validationReportsEveryBadField() {
    Outcome o =
        decide(
            rd().setPersonnel(yuan("-1"))
                .setOverseasContracted(yuan("-2"))
                .setQ4Expenses(yuan("-3"))
                .setExcludedIncomeShare(new BigDecimal("1.5"))
                .setRevision(0),
            enterprise());
    assertThat(o.findings()).extracting(Finding::code).containsOnly(ReasonCode.INVALID_FIELD);
    assertThat(o.findings())
        .extracting(Finding::message)
        .anyMatch(m -> m.startsWith("personnel:"))
        .anyMatch(m -> m.startsWith("overseasContracted:"))
        .anyMatch(m -> m.startsWith("q4Expenses:"))
        .anyMatch(m -> m.startsWith("excludedIncomeShare:"))
        .anyMatch(m -> m.startsWith("revision:"));
    assertThat(o.findings()).hasSize(5);
  }

  @Test
  void unsupportedAndFutureTaxYears() {
    Outcome y2017 = decide(rd().setTaxYear(2017), enterprise());
    assertThat(codes(y2017)).containsExactly(ReasonCode.UNSUPPORTED_YEAR);
    assertThat(y2017.findings().get(0).message()).contains("2018–2022");
    // tax year 2023 under 2022.1: that version knew no rate for it
    assertThat(codes(decide(rd().setTaxYear(2023), enterprise())))
        .containsExactly(ReasonCode.UNSUPPORTED_YEAR);
    // under a version that covers it, claimed on 2022-05-01: not yet begun
    Outcome future =
        RdDeductionRules.from(Fixtures.POLICY_2023)
            .decide(rd().setTaxYear(2023).build(), enterprise().build());
    assertThat(codes(future)).containsExactly(ReasonCode.INVALID_FIELD);
    assertThat(future.findings().get(0).message()).startsWith("taxYear:");
  }

  @Test
  void invalidCodeAndUnregistered() {
    assertThat(codes(decide(rd().setCreditCode("91110000600037341"), enterprise())))
        .containsExactly(ReasonCode.INVALID_CREDIT_CODE);
    Outcome unregistered = decide(rd(), null);
    assertThat(codes(unregistered)).containsExactly(ReasonCode.ENTERPRISE_NOT_REGISTERED);
    assertThat(unregistered.findings().get(0).message())
        .contains("not registered as of 2022-05-01");
  }

  @Test
  void claimKeyIsPerTaxYear() {
    assertThat(decide(rd(), enterprise()).claimKey())
        .isEqualTo("RD_SUPER_DEDUCTION:" + Fixtures.CODE + ":2021");
  }
}
