package cn.gxq.subsidy.programme.innovationloan;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.policy.EnterprisePolicy;
import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.rules.Checks;
import cn.gxq.subsidy.rules.Details;
import cn.gxq.subsidy.rules.Finding;
import cn.gxq.subsidy.rules.Money;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.Outcomes;
import cn.gxq.subsidy.rules.PolicyCalendar;
import cn.gxq.subsidy.rules.ProgrammeRules;
import cn.gxq.subsidy.rules.ReasonCode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Innovation-credit loans (创新积分贷; 企业创新积分制, 火炬中心 2022 guide 1.0): an innovation entity (valid 高新技术企业
 * certificate on the submission date, or 科技型中小企业 registration for that year) is scored on the
 * indicators of the policy; the score's tier caps the credit line.
 */
public final class InnovationLoanRules implements ProgrammeRules<InnovationLoanApplication> {
  private final InnovationLoanPolicy policy;
  private final EnterprisePolicy enterprisePolicy;
  private final PolicyCalendar calendar;
  private final String policyVersion;

  public InnovationLoanRules(
      InnovationLoanPolicy policy,
      EnterprisePolicy enterprisePolicy,
      PolicyCalendar calendar,
      String policyVersion) {
    this.policy = policy;
    this.enterprisePolicy = enterprisePolicy;
    this.calendar = calendar;
    this.policyVersion = policyVersion;
  }

  public static InnovationLoanRules from(Policy policy) {
    return new InnovationLoanRules(
        InnovationLoanPolicy.of(policy),
        policy.enterprise(),
        new PolicyCalendar(policy.timeZone()),
        policy.version());
  }

  /** {@code INNOVATION_CREDIT_LOAN:<creditCode>:<year of submission, Asia/Shanghai>}. */
  public String claimKey(InnovationLoanApplication a) {
    return Programme.INNOVATION_CREDIT_LOAN
        + ":"
        + Outcomes.orEmpty(a.getCreditCode())
        + ":"
        + year(a);
  }

  /** Year of submission in the policy's time zone; 0 when submittedAt is missing. */
  private int year(InnovationLoanApplication a) {
    return a.getSubmittedAt() == null ? 0 : calendar.yearOf(a.getSubmittedAt());
  }

  /**
   * An indicator's value as numerator ÷ denominator; a zero denominator means "cannot be computed".
   */
  private record Value(BigDecimal numerator, BigDecimal denominator) {
    static Value of(BigDecimal v) {
      return new Value(v, BigDecimal.ONE);
    }

    static Value of(int v) {
      return new Value(BigDecimal.valueOf(v), BigDecimal.ONE);
    }

    /** Growth year on year: (current − prior) ÷ prior. */
    static Value growth(BigDecimal current, BigDecimal prior) {
      return new Value(current.subtract(prior), prior);
    }

    boolean defined() {
      return denominator.signum() > 0;
    }

    String display() {
      if (!defined()) {
        return "undefined (denominator 0)";
      }
      return denominator.compareTo(BigDecimal.ONE) == 0
          ? numerator.toPlainString()
          : numerator.divide(denominator, 4, RoundingMode.HALF_UP).toPlainString();
    }
  }

  @Override
  public Outcome decide(InnovationLoanApplication a, Enterprise enterprise) {
    int year = year(a);
    String claimKey = claimKey(a);
    Details details = new Details();
    BigDecimal requested = a.getRequestedAmount();

    Checks checks = validate(a, year);
    if (checks.failed()) {
      return Outcomes.rejected(
          year, claimKey, requested, checks.findings(), details, policyVersion);
    }
    LocalDate submittedOn = calendar.dateOf(a.getSubmittedAt());
    if (enterprise == null) {
      return Outcomes.rejected(
          year,
          claimKey,
          requested,
          List.of(Outcomes.notRegistered(a.getCreditCode(), submittedOn)),
          details,
          policyVersion);
    }

    List<Finding> findings = new ArrayList<>();
    boolean highTech =
        PolicyCalendar.validOn(
            enterprise.getHighTechCertifiedOn(),
            enterprisePolicy.highTechValidityYears(),
            submittedOn);
    boolean techSme =
        enterprise.getTechSmeYears() != null && enterprise.getTechSmeYears().contains(year);
    details
        .text("submittedOn", submittedOn)
        .text("highTechCertifiedOn", enterprise.getHighTechCertifiedOn())
        .text("highTechCertificateValid", highTech)
        .text("techSmeRegistered", techSme);
    if (!highTech && !techSme) {
      String certificate =
          enterprise.getHighTechCertifiedOn() == null
              ? "no 高新技术企业 certificate"
              : "a 高新技术企业 certificate valid "
                  + enterprise.getHighTechCertifiedOn()
                  + ".."
                  + PolicyCalendar.lastValidDay(
                      enterprise.getHighTechCertifiedOn(),
                      enterprisePolicy.highTechValidityYears());
      findings.add(
          new Finding(
              ReasonCode.NOT_INNOVATION_ENTITY,
              "on "
                  + submittedOn
                  + " the enterprise had "
                  + certificate
                  + " and no 科技型中小企业 registration for "
                  + year
                  + "; apply once it holds a valid certificate or registration"));
    }

    int score = score(a, details);
    Optional<CreditTier> tier = policy.tierFor(score);
    details
        .text("score", score)
        .text("maxScore", policy.maxScore())
        .money("requestedAmount", requested);
    if (tier.isEmpty()) {
      int minimum = policy.tiers().get(policy.tiers().size() - 1).minScore();
      findings.add(
          new Finding(
              ReasonCode.SCORE_BELOW_THRESHOLD,
              "innovation score "
                  + score
                  + " of "
                  + policy.maxScore()
                  + " is below "
                  + minimum
                  + ", the lowest credit tier; the points per indicator are in the details: improve them and apply again"));
    }
    if (!findings.isEmpty()) {
      details.text("tier", "none");
      return Outcomes.rejected(year, claimKey, requested, findings, details, policyVersion);
    }

    CreditTier t = tier.get();
    BigDecimal approved = Money.min(requested, t.cap());
    details
        .text("tier", t.name())
        .text("tierMinScore", t.minScore())
        .money("tierCap", t.cap())
        // Not "approvedAmount": the budget may still waitlist it, and then nothing is approved.
        .money("creditLine", approved);
    List<Finding> notes = new ArrayList<>();
    notes.add(
        new Finding(
            ReasonCode.ELIGIBLE,
            "credit line "
                + Money.display(approved)
                + " = the lower of the "
                + Money.display(requested)
                + " requested and the "
                + Money.display(t.cap())
                + " cap of tier "
                + t.name()
                + ": innovation score "
                + score
                + " of "
                + policy.maxScore()
                + " ≥ "
                + t.minScore()));
    if (requested.compareTo(t.cap()) > 0) {
      notes.add(
          new Finding(
              ReasonCode.CAPPED_AT_TIER,
              "requested "
                  + Money.format(requested)
                  + " is above the cap "
                  + Money.format(t.cap())
                  + " of tier "
                  + t.name()
                  + " (score "
                  + score
                  + " ≥ "
                  + t.minScore()
                  + "); "
                  + Money.format(approved)
                  + " may be granted; a higher score raises the cap"));
    }
    return Outcomes.eligible(year, claimKey, requested, approved, notes, details, policyVersion);
  }

  /** The innovation score of an application's indicators, as {@link #decide} computes it. */
  public int score(InnovationLoanApplication a) {
    return score(a, new Details());
  }

  private int score(InnovationLoanApplication a, Details details) {
    Map<String, Integer> groups = new LinkedHashMap<>();
    policy.groups().keySet().forEach(g -> groups.put(g, 0));
    int score = 0;
    for (LoanIndicator indicator : LoanIndicator.values()) {
      ScoringIndicator scoring = policy.indicator(indicator);
      Value value = value(indicator, a);
      int points = value.defined() ? scoring.points(value.numerator(), value.denominator()) : 0;
      details
          .text("value." + indicator.key(), value.display())
          .text("points." + indicator.key(), points);
      groups.merge(scoring.group(), points, Integer::sum);
      score += points;
    }
    groups.forEach((g, p) -> details.text("group." + g, p));
    return score;
  }

  /**
   * The indicator's value from the application. Ratios over a zero base (no revenue, no prior-year
   * figure) cannot be computed and score 0: the bands are defined on ratios, and a growth from
   * nothing is not a growth rate.
   */
  private static Value value(LoanIndicator indicator, InnovationLoanApplication a) {
    return switch (indicator) {
      case RD_INTENSITY -> new Value(a.getRdExpense(), a.getRevenue());
      case RD_GROWTH -> Value.growth(a.getRdExpense(), a.getRdExpensePriorYear());
      case TECH_STAFF_SHARE -> Value.of(a.getTechStaffShare());
      case INVENTION_PATENT_APPLICATIONS -> Value.of(a.getInventionPatentApplications());
      case PCT_APPLICATIONS -> Value.of(a.getPctApplications());
      case TECH_CONTRACT_TURNOVER -> Value.of(a.getTechContractTurnover());
      case REVENUE_GROWTH -> Value.growth(a.getRevenue(), a.getRevenuePriorYear());
      case HIGH_TECH_REVENUE_SHARE -> new Value(a.getHighTechRevenue(), a.getRevenue());
      case POSTGRADUATE_SHARE -> Value.of(a.getPostgraduateShare());
      case RD_TAX_SAVING_PRIOR_YEAR -> Value.of(a.getRdTaxSavingPriorYear());
      case RETURN_ON_NET_ASSETS -> Value.of(a.getReturnOnNetAssets());
      case GRADUATES_HIRED -> Value.of(a.getGraduatesHired());
      case PROVINCIAL_PLATFORMS -> Value.of(a.getProvincialPlatforms());
      case PROVINCIAL_AWARDS -> Value.of(a.getProvincialAwards());
    };
  }

  private Checks validate(InnovationLoanApplication a, int year) {
    Checks checks = new Checks();
    checks.creditCode(a.getCreditCode());
    checks.required("applicationId", a.getApplicationId());
    checks.atLeast("revision", a.getRevision(), 1);
    checks.present("submittedAt", a.getSubmittedAt());
    checks.positive("requestedAmount", a.getRequestedAmount());
    checks.required("bankCode", a.getBankCode());
    checks.between("termMonths", a.getTermMonths(), policy.minTermMonths(), policy.maxTermMonths());
    checks.nonNegative("rdExpense", a.getRdExpense());
    checks.nonNegative("rdExpensePriorYear", a.getRdExpensePriorYear());
    checks.nonNegative("revenue", a.getRevenue());
    checks.nonNegative("revenuePriorYear", a.getRevenuePriorYear());
    checks.nonNegative("techContractTurnover", a.getTechContractTurnover());
    checks.nonNegative("highTechRevenue", a.getHighTechRevenue());
    checks.nonNegative("rdTaxSavingPriorYear", a.getRdTaxSavingPriorYear());
    if (a.getHighTechRevenue() != null
        && a.getRevenue() != null
        && a.getHighTechRevenue().compareTo(a.getRevenue()) > 0) {
      checks.invalid(
          "highTechRevenue",
          Money.format(a.getHighTechRevenue())
              + " is more than revenue "
              + Money.format(a.getRevenue()));
    }
    checks.share("techStaffShare", a.getTechStaffShare());
    checks.share("postgraduateShare", a.getPostgraduateShare());
    checks.present("returnOnNetAssets", a.getReturnOnNetAssets());
    checks.atLeast("inventionPatentApplications", a.getInventionPatentApplications(), 0);
    checks.atLeast("pctApplications", a.getPctApplications(), 0);
    checks.atLeast("graduatesHired", a.getGraduatesHired(), 0);
    checks.atLeast("provincialPlatforms", a.getProvincialPlatforms(), 0);
    checks.atLeast("provincialAwards", a.getProvincialAwards(), 0);
    if (a.getSubmittedAt() != null && !policy.years().contains(year)) {
      checks.unsupportedYear("year of submission", year, policy.years().toString());
    }
    return checks;
  }
}
