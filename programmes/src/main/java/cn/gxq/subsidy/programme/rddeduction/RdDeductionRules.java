package cn.gxq.subsidy.programme.rddeduction;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.TaxAssessment;
import cn.gxq.subsidy.policy.EnterprisePolicy;
import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.rules.Checks;
import cn.gxq.subsidy.rules.Details;
import cn.gxq.subsidy.rules.Finding;
import cn.gxq.subsidy.rules.IndustryCode;
import cn.gxq.subsidy.rules.Money;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.Outcomes;
import cn.gxq.subsidy.rules.PolicyCalendar;
import cn.gxq.subsidy.rules.ProgrammeRules;
import cn.gxq.subsidy.rules.ReasonCode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The R&D expense super-deduction (研发费用加计扣除): the approved amount is the extra deduction on
 * eligible R&D, plus the 2022 Q4 equipment extra for high-tech enterprises; the estimated tax
 * saving is that amount × the income-tax rate.
 */
public final class RdDeductionRules implements ProgrammeRules<RdDeductionApplication> {
  private final RdDeductionPolicy policy;
  private final EnterprisePolicy enterprisePolicy;
  private final PolicyCalendar calendar;
  private final String policyVersion;

  public RdDeductionRules(
      RdDeductionPolicy policy,
      EnterprisePolicy enterprisePolicy,
      PolicyCalendar calendar,
      String policyVersion) {
    this.policy = policy;
    this.enterprisePolicy = enterprisePolicy;
    this.calendar = calendar;
    this.policyVersion = policyVersion;
  }

  public static RdDeductionRules from(Policy policy) {
    return new RdDeductionRules(
        RdDeductionPolicy.of(policy),
        policy.enterprise(),
        new PolicyCalendar(policy.timeZone()),
        policy.version());
  }

  /** {@code RD_SUPER_DEDUCTION:<creditCode>:<taxYear>}. */
  public static String claimKey(RdDeductionApplication a) {
    return Programme.RD_SUPER_DEDUCTION
        + ":"
        + Outcomes.orEmpty(a.getCreditCode())
        + ":"
        + a.getTaxYear();
  }

  /** The extra deduction on R&D for one enterprise kind. */
  private record Extra(RdEnterpriseKind kind, RdRate rate, BigDecimal amount, Details split) {}

  @Override
  public Outcome decide(RdDeductionApplication a, Enterprise enterprise) {
    int taxYear = a.getTaxYear();
    String claimKey = claimKey(a);
    Details details = new Details();

    Checks checks = validate(a);
    if (checks.failed()) {
      return Outcomes.rejected(taxYear, claimKey, null, checks.findings(), details, policyVersion);
    }
    LocalDate submittedOn = calendar.dateOf(a.getSubmittedAt());
    if (enterprise == null) {
      return Outcomes.rejected(
          taxYear,
          claimKey,
          null,
          List.of(Outcomes.notRegistered(a.getCreditCode(), submittedOn)),
          details,
          policyVersion);
    }
    Optional<IndustryCode> parsed = IndustryCode.parse(enterprise.getIndustryCode());
    if (parsed.isEmpty()) {
      return Outcomes.rejected(
          taxYear,
          claimKey,
          null,
          List.of(Outcomes.badRegistryIndustry(enterprise)),
          details,
          policyVersion);
    }
    IndustryCode industry = parsed.get();
    details.text("industryCode", industry);

    List<Finding> findings = new ArrayList<>();
    if (!enterprise.getTaxResident()) {
      findings.add(
          new Finding(
              ReasonCode.NON_RESIDENT,
              "the registry lists the enterprise as non-resident for income tax; the super-deduction is for resident enterprises"
                  + " only; if it has become resident, update the registry and submit a new revision"));
    }
    if (enterprise.getTaxAssessment() == TaxAssessment.DEEMED) {
      findings.add(
          new Finding(
              ReasonCode.DEEMED_PROFIT_TAXATION,
              "income tax is assessed on deemed profit (核定征收); the super-deduction needs assessment on actual accounts"
                  + " (查账征收); apply for a year assessed on actual accounts"));
    }
    if (industry.inAny(policy.excludedIndustries())) {
      findings.add(
          new Finding(
              ReasonCode.EXCLUDED_INDUSTRY,
              "main business "
                  + industry
                  + " is an excluded industry under 财税〔2015〕119号 ("
                  + policy.excludedIndustries()
                  + "); if the registered industry is out of date, update it in the registry and submit a new revision"));
    }
    BigDecimal excludedShare = a.getExcludedIncomeShare();
    if (excludedShare != null) {
      details.rate("excludedIncomeShare", excludedShare);
      if (excludedShare.compareTo(policy.excludedIncomeShareLimit()) > 0) {
        findings.add(
            new Finding(
                ReasonCode.EXCLUDED_INDUSTRY,
                "declared income share from excluded industries "
                    + excludedShare.toPlainString()
                    + " exceeds "
                    + policy.excludedIncomeShareLimit().toPlainString()
                    + " (财税〔2015〕119号); if the share is wrong, correct excludedIncomeShare and resubmit"));
      }
    }

    BigDecimal eligibleBase = eligibleBase(a, details);
    Extra extra = bestExtra(a, enterprise, industry, eligibleBase);
    details
        .text("enterpriseKind", extra.kind())
        .rate("deductionRate", extra.rate().rate())
        .text("rateSource", extra.rate().source());
    details.asMap().putAll(extra.split().asMap());
    details.money("rdExtraDeduction", extra.amount());

    BigDecimal equipmentExtra = equipmentExtra(a, enterprise, details);
    BigDecimal total = extra.amount().add(equipmentExtra);
    BigDecimal approved = Money.round(total);

    boolean highTechInYear =
        PolicyCalendar.validDuring(
            enterprise.getHighTechCertifiedOn(),
            enterprisePolicy.highTechValidityYears(),
            LocalDate.of(taxYear, 1, 1),
            LocalDate.of(taxYear, 12, 31));
    BigDecimal taxRate =
        highTechInYear
            ? enterprisePolicy.highTechIncomeTaxRate()
            : enterprisePolicy.standardIncomeTaxRate();
    // Its own amount calculation, rounded once at its end (domain.md): from the unrounded
    // deduction, not from the deduction already rounded to the fen.
    BigDecimal saving = Money.round(total.multiply(taxRate));
    details
        .money("extraDeduction", approved)
        .text("highTechCertificateValidInTaxYear", highTechInYear)
        .rate("incomeTaxRate", taxRate)
        .money("estimatedTaxSaving", saving);

    if (eligibleBase.signum() == 0 && equipmentExtra.signum() == 0) {
      findings.add(
          new Finding(
              ReasonCode.NO_ELIGIBLE_EXPENSE,
              "no eligible R&D expense for tax year "
                  + taxYear
                  + " (all categories are 0 after the caps); declare the year's R&D expenses by category and resubmit"));
    }
    if (!findings.isEmpty()) {
      return Outcomes.rejected(taxYear, claimKey, approved, findings, details, policyVersion);
    }
    final String arithmetic =
        "extra deduction "
            + Money.display(approved)
            + " = "
            + Money.display(extra.amount())
            + " on R&D expenses (rate "
            + extra.rate().rate().toPlainString()
            + ") + "
            + Money.display(equipmentExtra)
            + " on Q4 equipment; estimated tax saving: the extra deduction before rounding "
            + unrounded(total)
            + " × "
            + taxRate.toPlainString()
            + " income tax rate = "
            + Money.display(saving);
    return Outcomes.eligible(
        taxYear,
        claimKey,
        approved,
        approved,
        List.of(new Finding(ReasonCode.ELIGIBLE, arithmetic)),
        details,
        policyVersion);
  }

  private Checks validate(RdDeductionApplication a) {
    Checks checks = new Checks();
    checks.creditCode(a.getCreditCode());
    checks.required("applicationId", a.getApplicationId());
    checks.atLeast("revision", a.getRevision(), 1);
    checks.present("submittedAt", a.getSubmittedAt());
    checks.nonNegative("personnel", a.getPersonnel());
    checks.nonNegative("directInputs", a.getDirectInputs());
    checks.nonNegative("depreciation", a.getDepreciation());
    checks.nonNegative("intangibleAmortisation", a.getIntangibleAmortisation());
    checks.nonNegative("designFees", a.getDesignFees());
    checks.nonNegative("otherRelated", a.getOtherRelated());
    checks.nonNegative("overseasContracted", a.getOverseasContracted());
    if (a.getQ4Expenses() != null) {
      checks.nonNegative("q4Expenses", a.getQ4Expenses());
    }
    checks.nonNegative("q4EquipmentPurchases", a.getQ4EquipmentPurchases());
    if (a.getExcludedIncomeShare() != null) {
      checks.share("excludedIncomeShare", a.getExcludedIncomeShare());
    }
    int taxYear = a.getTaxYear();
    if (!policy.taxYears().contains(taxYear)) {
      checks.unsupportedYear("taxYear", taxYear, policy.taxYears().toString());
    } else if (a.getSubmittedAt() != null && taxYear > calendar.yearOf(a.getSubmittedAt())) {
      checks.invalid(
          "taxYear",
          taxYear
              + " is after the year of submission "
              + calendar.yearOf(a.getSubmittedAt())
              + " (China Standard Time)");
    }
    return checks;
  }

  /** An unrounded amount for people to read: separators, 2 decimals or as many as it has. */
  private static String unrounded(BigDecimal amount) {
    BigDecimal shown = amount.round(new MathContext(20, RoundingMode.HALF_UP)).stripTrailingZeros();
    if (shown.scale() < 2) {
      shown = shown.setScale(2);
    }
    return Money.grouped(shown);
  }

  /**
   * The year's eligible R&D, unrounded, after the caps of 2021年第28号 (other related) and 财税〔2018〕64号
   * (overseas 80%, at most 2/3 of domestic).
   */
  private BigDecimal eligibleBase(RdDeductionApplication a, Details details) {
    BigDecimal main =
        a.getPersonnel()
            .add(a.getDirectInputs())
            .add(a.getDepreciation())
            .add(a.getIntangibleAmortisation())
            .add(a.getDesignFees());
    BigDecimal ratio = policy.otherRelatedRatio();
    BigDecimal otherCap = main.multiply(ratio).divide(BigDecimal.ONE.subtract(ratio), Money.CALC);
    BigDecimal otherAllowed = Money.min(a.getOtherRelated(), otherCap);
    BigDecimal domestic = main.add(otherAllowed);
    BigDecimal overseasCounted = a.getOverseasContracted().multiply(policy.overseasCostShare());
    BigDecimal overseasCap = policy.overseasCapOfDomestic().of(domestic);
    BigDecimal overseasAllowed = Money.min(overseasCounted, overseasCap);
    BigDecimal eligible = domestic.add(overseasAllowed);
    details
        .money("personnel", a.getPersonnel())
        .money("directInputs", a.getDirectInputs())
        .money("depreciation", a.getDepreciation())
        .money("intangibleAmortisation", a.getIntangibleAmortisation())
        .money("designFees", a.getDesignFees())
        .money("mainCategoriesTotal", main)
        .money("otherRelated", a.getOtherRelated())
        .rate("otherRelatedRatio", ratio)
        .money("otherRelatedCap", otherCap)
        .money("otherRelatedAllowed", otherAllowed)
        .money("domesticEligible", domestic)
        .money("overseasContracted", a.getOverseasContracted())
        .rate("overseasCostShare", policy.overseasCostShare())
        .money("overseasCounted", overseasCounted)
        .text("overseasCapShareOfDomestic", policy.overseasCapOfDomestic())
        .money("overseasCap", overseasCap)
        .money("overseasAllowed", overseasAllowed)
        .money("eligibleBase", eligible);
    return eligible;
  }

  /**
   * The enterprise may fit several columns (a manufacturer registered as a 科技型中小企业); it gets the
   * most favourable, ties going to the first of MANUFACTURING, TECH_SME, OTHER.
   */
  private Extra bestExtra(
      RdDeductionApplication a, Enterprise enterprise, IndustryCode industry, BigDecimal eligible) {
    int taxYear = a.getTaxYear();
    List<RdEnterpriseKind> kinds = new ArrayList<>();
    if (industry.inAny(enterprisePolicy.manufacturing())) {
      kinds.add(RdEnterpriseKind.MANUFACTURING);
    }
    if (enterprise.getTechSmeYears() != null && enterprise.getTechSmeYears().contains(taxYear)) {
      kinds.add(RdEnterpriseKind.TECH_SME);
    }
    kinds.add(RdEnterpriseKind.OTHER);
    Extra best = null;
    for (RdEnterpriseKind kind : kinds) {
      RdRate rate =
          policy
              .rate(taxYear, kind)
              .orElseThrow(
                  () ->
                      new IllegalStateException("policy has no " + kind + " rate for " + taxYear));
      Extra extra = extra(a, kind, rate, eligible);
      if (best == null || extra.amount().compareTo(best.amount()) > 0) {
        best = extra;
      }
    }
    return best;
  }

  /**
   * Extra deduction for one kind. With a late-period rate (2022年第28号: "others" get 100% from
   * 2022-10-01) the Q4 R&D is taken as declared, capped at the year's eligible R&D, or else as
   * eligible × 3/12; the rest of the year gets the row's rate.
   */
  private Extra extra(
      RdDeductionApplication a, RdEnterpriseKind kind, RdRate rate, BigDecimal eligible) {
    Details split = new Details();
    PeriodRate late = rate.latePeriod();
    if (late == null || late.from().getYear() != a.getTaxYear()) {
      return new Extra(kind, rate, eligible.multiply(rate.rate()), split);
    }
    BigDecimal declared = a.getQ4Expenses();
    BigDecimal q4;
    String basis;
    if (declared == null) {
      q4 =
          eligible
              .multiply(BigDecimal.valueOf(late.months()))
              .divide(BigDecimal.valueOf(12), Money.CALC);
      basis = "eligibleBase × " + late.months() + "/12 (not declared)";
    } else if (declared.compareTo(eligible) > 0) {
      q4 = eligible;
      basis = "declared " + Money.format(declared) + ", capped at eligibleBase";
    } else {
      q4 = declared;
      basis = "declared";
    }
    BigDecimal before = eligible.subtract(q4);
    BigDecimal extraBefore = before.multiply(rate.rate());
    BigDecimal extraLate = q4.multiply(late.rate());
    split
        .text("latePeriod", late.from() + ".." + late.to())
        .rate("latePeriodRate", late.rate())
        .text("q4Basis", basis)
        .money("q4Expenses", q4)
        .money("expensesBeforeQ4", before)
        .money("extraBeforeQ4", extraBefore)
        .money("extraQ4", extraLate);
    return new Extra(kind, rate, extraBefore.add(extraLate), split);
  }

  /**
   * 2022年第28号: a high-tech enterprise with a certificate valid at any time in Q4 gets 100% extra on
   * Q4 equipment.
   */
  private BigDecimal equipmentExtra(
      RdDeductionApplication a, Enterprise enterprise, Details details) {
    BigDecimal purchases = a.getQ4EquipmentPurchases();
    details.money("q4EquipmentPurchases", purchases);
    Optional<EquipmentExtra> rule = policy.equipmentExtra(a.getTaxYear());
    if (rule.isEmpty()) {
      details
          .money("q4EquipmentExtra", BigDecimal.ZERO)
          .text("q4EquipmentNote", "no equipment extra deduction in tax year " + a.getTaxYear());
      return BigDecimal.ZERO;
    }
    EquipmentExtra e = rule.get();
    boolean valid =
        PolicyCalendar.validDuring(
            enterprise.getHighTechCertifiedOn(),
            enterprisePolicy.highTechValidityYears(),
            e.from(),
            e.to());
    BigDecimal extra = valid ? purchases.multiply(e.extraRate()) : BigDecimal.ZERO;
    details
        .text("highTechCertifiedOn", enterprise.getHighTechCertifiedOn())
        .text("highTechCertificateValidInEquipmentPeriod", valid)
        .rate("q4EquipmentExtraRate", e.extraRate())
        .money("q4EquipmentExtra", extra);
    return extra;
  }
}
