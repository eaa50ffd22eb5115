package cn.gxq.subsidy.programme.techsme;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.TechSmeApplication;
import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.programme.techsme.TechSmePolicy.CountBand;
import cn.gxq.subsidy.programme.techsme.TechSmePolicy.ShareBand;
import cn.gxq.subsidy.rules.Checks;
import cn.gxq.subsidy.rules.CreditCode;
import cn.gxq.subsidy.rules.Details;
import cn.gxq.subsidy.rules.Finding;
import cn.gxq.subsidy.rules.Money;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.Outcomes;
import cn.gxq.subsidy.rules.PolicyCalendar;
import cn.gxq.subsidy.rules.ProgrammeRules;
import cn.gxq.subsidy.rules.ReasonCode;
import cn.gxq.subsidy.rules.Registration;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The technology-based SME evaluation (科技型中小企业评价; 国科发政〔2017〕115号). An enterprise that meets every
 * condition is registered for the evaluation year either by a direct route (直通车) or by a score of
 * at least 60 with a tech-staff score above 0. Amounts are always 0: a recognition is not money.
 * Ratios are compared exactly, by cross-multiplying, never by dividing.
 */
public final class TechSmeRules implements ProgrammeRules<TechSmeApplication> {

  /** The direct routes, in the order the rules name them. */
  enum DirectRoute {
    HIGH_TECH_CERTIFICATE,
    NATIONAL_AWARD,
    PROVINCIAL_RD_INSTITUTION,
    LED_STANDARD_DRAFTING
  }

  /** The score and its parts; {@code rdBasis} names the better R&D ratio. */
  record Score(int techStaff, int rd, String rdBasis, int ip) {
    int total() {
      return techStaff + rd + ip;
    }
  }

  private final TechSmePolicy policy;
  private final int highTechValidityYears;
  private final PolicyCalendar calendar;
  private final String policyVersion;

  TechSmeRules(
      TechSmePolicy policy,
      int highTechValidityYears,
      PolicyCalendar calendar,
      String policyVersion) {
    this.policy = policy;
    this.highTechValidityYears = highTechValidityYears;
    this.calendar = calendar;
    this.policyVersion = policyVersion;
  }

  public static TechSmeRules from(Policy policy) {
    return new TechSmeRules(
        policy.programmes().bind(TechSmeEvaluation.POLICY_SECTION, TechSmePolicy.class),
        policy.enterprise().highTechValidityYears(),
        new PolicyCalendar(policy.timeZone()),
        policy.version());
  }

  /** {@code TECH_SME_EVALUATION:<creditCode>:<evaluation year>}: one per enterprise and year. */
  String claimKey(TechSmeApplication a) {
    return Programme.TECH_SME_EVALUATION
        + ":"
        + Outcomes.orEmpty(a.getCreditCode())
        + ":"
        + year(a);
  }

  /** The evaluation year: the year of submission in China Standard Time; 0 when missing. */
  private int year(TechSmeApplication a) {
    return a.getSubmittedAt() == null ? 0 : calendar.yearOf(a.getSubmittedAt());
  }

  @Override
  public Outcome decide(TechSmeApplication a, Enterprise enterprise) {
    final int year = year(a);
    final String claimKey = claimKey(a);
    final Details details = new Details().text("evaluationYear", year);
    final Checks checks = validate(a, year);
    if (checks.failed()) {
      return Outcomes.rejected(year, claimKey, null, checks.findings(), details, policyVersion);
    }
    final LocalDate submittedOn = calendar.dateOf(a.getSubmittedAt());
    details.text("submittedOn", submittedOn);
    if (enterprise == null) {
      return Outcomes.rejected(
          year,
          claimKey,
          null,
          List.of(Outcomes.notRegistered(a.getCreditCode(), submittedOn)),
          details,
          policyVersion);
    }
    final List<Finding> unmet = new ArrayList<>();
    notAnEnterprise(a).ifPresent(unmet::add);
    nonResident(enterprise).ifPresent(unmet::add);
    overSmeLimits(a).ifPresent(unmet::add);
    restrictedProducts(a).ifPresent(unmet::add);
    integrityRecord(a).ifPresent(unmet::add);

    final List<DirectRoute> routes = directRoutes(a, enterprise, submittedOn);
    final Score score = score(a);
    details
        .text("techStaffShare", share(a.getTechStaff(), a.getEmployees()))
        .text("techStaffScore", score.techStaff())
        .text("rdShareOfRevenue", share(a.getRdExpense(), a.getSalesRevenue()))
        .text("rdShareOfCosts", share(a.getRdExpense(), a.getTotalCostsAndExpenses()))
        .text("rdScore", score.rd())
        .text("rdScoreBasis", score.rdBasis())
        .text("ipScore", score.ip())
        .text("score", score.total())
        .text("passScore", policy.passScore())
        .text("directRoute", routes.isEmpty() ? "none" : routes.get(0))
        .text("highTechCertifiedOn", enterprise.getHighTechCertifiedOn());
    if (!unmet.isEmpty()) {
      return Outcomes.rejected(year, claimKey, Money.ZERO, unmet, details, policyVersion);
    }
    if (routes.isEmpty()) {
      final List<Finding> shortfall = scoreShortfall(score);
      if (!shortfall.isEmpty()) {
        return Outcomes.rejected(year, claimKey, Money.ZERO, shortfall, details, policyVersion);
      }
    }
    details.text(Registration.SERIES, Registration.series(year, new CreditCode(a.getCreditCode())));
    return Outcomes.eligible(
        year,
        claimKey,
        Money.ZERO,
        Money.ZERO,
        List.of(registered(year, routes, score, enterprise)),
        details,
        policyVersion);
  }

  private Checks validate(TechSmeApplication a, int year) {
    final Checks checks = new Checks();
    checks.creditCode(a.getCreditCode());
    checks.required("applicationId", a.getApplicationId());
    checks.atLeast("revision", a.getRevision(), 1);
    if (checks.present("submittedAt", a.getSubmittedAt()) && year < policy.firstYear()) {
      checks.unsupportedYear(
          "the evaluation year (of submittedAt)", year, policy.firstYear() + " onwards");
    }
    checks.atLeast("employees", a.getEmployees(), 1);
    checks.atLeast("techStaff", a.getTechStaff(), 0);
    if (a.getTechStaff() > a.getEmployees() && a.getEmployees() >= 1) {
      checks.invalid(
          "techStaff",
          "is " + a.getTechStaff() + ", more than all " + a.getEmployees() + " employees");
    }
    checks.nonNegative("salesRevenue", a.getSalesRevenue());
    checks.nonNegative("totalAssets", a.getTotalAssets());
    checks.nonNegative("rdExpense", a.getRdExpense());
    checks.nonNegative("totalCostsAndExpenses", a.getTotalCostsAndExpenses());
    checks.atLeast("classOneIp", a.getClassOneIp(), 0);
    checks.atLeast("classTwoIp", a.getClassTwoIp(), 0);
    return checks;
  }

  private Optional<Finding> notAnEnterprise(TechSmeApplication a) {
    final String type = new CreditCode(a.getCreditCode()).typePrefix();
    if (type.equals(policy.enterpriseTypePrefix())) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            ReasonCode.NOT_AN_ENTERPRISE,
            "credit code type "
                + type
                + " is not an enterprise ("
                + policy.enterpriseTypePrefix()
                + "); individual businesses (92) and cooperatives (93) cannot be evaluated as"
                + " technology-based SMEs"));
  }

  private static Optional<Finding> nonResident(Enterprise enterprise) {
    if (enterprise.getTaxResident()) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            ReasonCode.NON_RESIDENT,
            "the registry lists the enterprise as non-resident for income tax; the evaluation is for"
                + " resident enterprises only; if it has become resident, update the registry and"
                + " submit a new revision"));
  }

  private Optional<Finding> overSmeLimits(TechSmeApplication a) {
    final List<String> over = new ArrayList<>();
    if (a.getEmployees() > policy.maxEmployees()) {
      over.add(a.getEmployees() + " staff (at most " + policy.maxEmployees() + ")");
    }
    if (a.getSalesRevenue().compareTo(policy.maxSalesRevenue()) > 0) {
      over.add(
          "sales revenue "
              + Money.display(a.getSalesRevenue())
              + " (at most "
              + Money.display(policy.maxSalesRevenue())
              + ")");
    }
    if (a.getTotalAssets().compareTo(policy.maxTotalAssets()) > 0) {
      over.add(
          "total assets "
              + Money.display(a.getTotalAssets())
              + " (at most "
              + Money.display(policy.maxTotalAssets())
              + ")");
    }
    if (over.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            ReasonCode.EXCEEDS_SME_LIMITS,
            "not a small or medium enterprise by the evaluation's limits: "
                + String.join(", ", over)));
  }

  private static Optional<Finding> restrictedProducts(TechSmeApplication a) {
    if (!a.getRestrictedProducts()) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            ReasonCode.RESTRICTED_PRODUCTS,
            "a product is in the state's prohibited, restricted or eliminated catalogue"));
  }

  private static Optional<Finding> integrityRecord(TechSmeApplication a) {
    final List<String> records = new ArrayList<>();
    if (a.getSeriousIncident()) {
      records.add(
          "a serious safety, quality, environmental or research-integrity incident in the previous"
              + " or current year");
    }
    if (a.getAbnormalOrViolationListed()) {
      records.add("listed for abnormal operations or serious violations (as declared)");
    }
    if (records.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Finding(ReasonCode.INTEGRITY_RECORD, String.join("; ", records)));
  }

  private List<DirectRoute> directRoutes(
      TechSmeApplication a, Enterprise enterprise, LocalDate submittedOn) {
    final List<DirectRoute> routes = new ArrayList<>();
    if (PolicyCalendar.validOn(
        enterprise.getHighTechCertifiedOn(), highTechValidityYears, submittedOn)) {
      routes.add(DirectRoute.HIGH_TECH_CERTIFICATE);
    }
    if (a.getNationalAwardTopThree()) {
      routes.add(DirectRoute.NATIONAL_AWARD);
    }
    if (a.getProvincialRdInstitution()) {
      routes.add(DirectRoute.PROVINCIAL_RD_INSTITUTION);
    }
    if (a.getLedStandardDrafting()) {
      routes.add(DirectRoute.LED_STANDARD_DRAFTING);
    }
    return routes;
  }

  Score score(TechSmeApplication a) {
    final int techStaff =
        shareBand(
            BigDecimal.valueOf(a.getTechStaff()),
            BigDecimal.valueOf(a.getEmployees()),
            policy.techStaffShare());
    final int byRevenue =
        shareBand(a.getRdExpense(), a.getSalesRevenue(), policy.rdShareOfRevenue());
    final int byCosts =
        shareBand(a.getRdExpense(), a.getTotalCostsAndExpenses(), policy.rdShareOfCosts());
    // The enterprise may choose either ratio; the better one is the one it would choose.
    final int rd = Math.max(byRevenue, byCosts);
    final String basis = byCosts > byRevenue ? "COSTS" : "REVENUE";
    return new Score(techStaff, rd, basis, ipPoints(a));
  }

  /** Points of the first band the share part ÷ whole reaches; a zero whole reaches none. */
  private static int shareBand(BigDecimal part, BigDecimal whole, List<ShareBand> bands) {
    if (whole.signum() <= 0) {
      return 0;
    }
    for (ShareBand band : bands) {
      if (part.compareTo(whole.multiply(band.atLeast())) >= 0) {
        return band.points();
      }
    }
    return 0;
  }

  private int ipPoints(TechSmeApplication a) {
    if (a.getClassOneIp() >= 1) {
      return policy.classOneIpPoints();
    }
    for (CountBand band : policy.classTwoIp()) {
      if (a.getClassTwoIp() >= band.atLeast()) {
        return band.points();
      }
    }
    return 0;
  }

  private List<Finding> scoreShortfall(Score score) {
    final List<Finding> findings = new ArrayList<>();
    if (score.total() < policy.passScore()) {
      findings.add(
          new Finding(
              ReasonCode.SCORE_BELOW_THRESHOLD,
              "score "
                  + score.total()
                  + " = tech staff "
                  + score.techStaff()
                  + " + R&D "
                  + score.rd()
                  + " + intellectual property "
                  + score.ip()
                  + ", below the "
                  + policy.passScore()
                  + " needed, and no direct route applies"));
    }
    if (score.techStaff() == 0) {
      findings.add(
          new Finding(
              ReasonCode.NO_TECH_STAFF_SCORE,
              "the tech-staff score is 0 (tech staff below the lowest band of all staff); a score"
                  + " passes only with tech-staff points above 0"));
    }
    return findings;
  }

  private Finding registered(
      int year, List<DirectRoute> routes, Score score, Enterprise enterprise) {
    final String why =
        routes.isEmpty()
            ? "score "
                + score.total()
                + " = tech staff "
                + score.techStaff()
                + " + R&D "
                + score.rd()
                + " + intellectual property "
                + score.ip()
                + ", at least "
                + policy.passScore()
                + ", with tech-staff points above 0"
            : "direct route " + describe(routes.get(0), enterprise);
    return new Finding(
        ReasonCode.ELIGIBLE,
        "registered as a technology-based SME (科技型中小企业) for " + year + ": " + why);
  }

  private String describe(DirectRoute route, Enterprise enterprise) {
    return switch (route) {
      case HIGH_TECH_CERTIFICATE ->
          "a high-tech enterprise certificate of "
              + enterprise.getHighTechCertifiedOn()
              + ", valid "
              + highTechValidityYears
              + " years";
      case NATIONAL_AWARD -> "a national science and technology award as one of the first three";
      case PROVINCIAL_RD_INSTITUTION -> "a provincial-or-higher R&D institution";
      case LED_STANDARD_DRAFTING -> "led the drafting of a standard";
    };
  }

  /** A share for people to read, 4 decimals; the rules never compare this rounded figure. */
  private static String share(Number part, Number whole) {
    final BigDecimal w = new BigDecimal(whole.toString());
    if (w.signum() <= 0) {
      return "undefined (denominator 0)";
    }
    return new BigDecimal(part.toString()).divide(w, 4, RoundingMode.HALF_UP).toPlainString();
  }
}
