package cn.gxq.subsidy.programme.rentrelief;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.policy.EnterprisePolicy;
import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.rules.Checks;
import cn.gxq.subsidy.rules.CreditCode;
import cn.gxq.subsidy.rules.Details;
import cn.gxq.subsidy.rules.Finding;
import cn.gxq.subsidy.rules.IndustryCode;
import cn.gxq.subsidy.rules.LeaseCoverage;
import cn.gxq.subsidy.rules.Money;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.Outcomes;
import cn.gxq.subsidy.rules.PolicyCalendar;
import cn.gxq.subsidy.rules.ProgrammeRules;
import cn.gxq.subsidy.rules.ReasonCode;
import cn.gxq.subsidy.rules.SizeClassifier;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Rent relief for service-industry small and micro enterprises and individual businesses renting
 * from state-owned landlords (发改财金〔2022〕271号): monthly rent × relief months (3, or 6 in a county
 * listed as a medium- or high-risk area), never more than the months of the year the lease covers,
 * counted pro rata by day ({@link LeaseCoverage}).
 */
public final class RentReliefRules implements ProgrammeRules<RentReliefApplication> {
  private final RentReliefPolicy policy;
  private final EnterprisePolicy enterprisePolicy;
  private final SizeClassifier sizes;
  private final PolicyCalendar calendar;
  private final String policyVersion;

  public RentReliefRules(
      RentReliefPolicy policy,
      EnterprisePolicy enterprisePolicy,
      SizeClassifier sizes,
      PolicyCalendar calendar,
      String policyVersion) {
    this.policy = policy;
    this.enterprisePolicy = enterprisePolicy;
    this.sizes = sizes;
    this.calendar = calendar;
    this.policyVersion = policyVersion;
  }

  public static RentReliefRules from(Policy policy) {
    return new RentReliefRules(
        RentReliefPolicy.of(policy),
        policy.enterprise(),
        new SizeClassifier(policy.sizeBands()),
        new PolicyCalendar(policy.timeZone()),
        policy.version());
  }

  /**
   * {@code RENT_RELIEF:<creditCode>:<year>:<landlord>}, the landlord being {@code USCC=<its code>}
   * when given, else {@code NAME=<its name>} with spaces removed, full-width forms folded (NFKC)
   * and letters upper-cased, so that "ＡＢＣ 物业" and "abc物业" are one landlord.
   */
  public static String claimKey(RentReliefApplication a) {
    String landlordCode = a.getLandlordCreditCode();
    String landlord =
        landlordCode != null && !landlordCode.isBlank()
            ? "USCC=" + landlordCode.trim().toUpperCase(Locale.ROOT)
            : "NAME=" + normaliseName(a.getLandlordName());
    return Programme.RENT_RELIEF
        + ":"
        + Outcomes.orEmpty(a.getCreditCode())
        + ":"
        + a.getYear()
        + ":"
        + landlord;
  }

  static String normaliseName(String name) {
    if (name == null) {
      return "";
    }
    return Normalizer.normalize(name, Normalizer.Form.NFKC)
        .replaceAll("\\s+", "")
        .toUpperCase(Locale.ROOT);
  }

  @Override
  public Outcome decide(RentReliefApplication a, Enterprise enterprise) {
    int year = a.getYear();
    String claimKey = claimKey(a);
    Details details = new Details();

    Checks checks = validate(a);
    Optional<RentReliefYear> reliefYear = policy.year(year);
    if (reliefYear.isEmpty()) {
      checks.unsupportedYear(
          "year",
          year,
          policy.years().stream()
              .map(y -> Integer.toString(y.year()))
              .collect(Collectors.joining(", ")));
    }
    if (checks.failed()) {
      return Outcomes.rejected(year, claimKey, null, checks.findings(), details, policyVersion);
    }
    LocalDate submittedOn = calendar.dateOf(a.getSubmittedAt());
    if (enterprise == null) {
      return Outcomes.rejected(
          year,
          claimKey,
          null,
          List.of(Outcomes.notRegistered(a.getCreditCode(), submittedOn)),
          details,
          policyVersion);
    }
    Optional<IndustryCode> industry = IndustryCode.parse(enterprise.getIndustryCode());
    if (industry.isEmpty()) {
      return Outcomes.rejected(
          year,
          claimKey,
          null,
          List.of(Outcomes.badRegistryIndustry(enterprise)),
          details,
          policyVersion);
    }

    List<Finding> findings = new ArrayList<>();
    boolean individual =
        new CreditCode(a.getCreditCode())
            .typePrefix()
            .equals(enterprisePolicy.individualBusinessTypePrefix());
    details
        .text("individualBusiness", individual)
        .text("industryCode", industry.get())
        .text("landlordStateOwned", a.getLandlordStateOwned())
        .text("sublessor", a.getSublessor());

    if (!a.getLandlordStateOwned()) {
      findings.add(
          new Finding(
              ReasonCode.LANDLORD_NOT_STATE_OWNED,
              "landlord "
                  + a.getLandlordName()
                  + " is not state-owned; relief from other landlords is voluntary and not part of this programme: ask the landlord directly, or correct landlordStateOwned if it is state-owned"));
    }
    if (a.getSublessor()) {
      findings.add(
          new Finding(
              ReasonCode.SUBLESSOR_NOT_ELIGIBLE,
              "the applicant sub-lets these premises; relief goes to the actual occupant, who should apply, and an intermediary landlord must pass the relief on"));
    }
    boolean service = industry.get().isServiceIndustry(policy.serviceIndustries());
    details.text("serviceIndustry", service);
    if (!service && (!individual || policy.individualBusinessMustBeServiceIndustry())) {
      findings.add(
          new Finding(
              ReasonCode.NOT_SERVICE_INDUSTRY,
              "main business "
                  + industry.get()
                  + " is not a service industry (GB/T 4754 "
                  + policy.serviceIndustries()
                  + "); if the registered industry is out of date, update it in the registry and submit a new revision"));
    }
    if (individual) {
      details.text("sizeClass", "not classified (individual business)");
    } else {
      SizeClassifier.Classification size =
          sizes.classify(
              industry.get(),
              enterprise.getEmployees(),
              enterprise.getRevenue(),
              enterprise.getTotalAssets());
      details.text("sizeClass", size.sizeClass()).text("sizeBand", size.band());
      if (!policy.eligibleSizeClasses().contains(size.sizeClass())) {
        findings.add(
            new Finding(
                ReasonCode.NOT_SMALL_OR_MICRO,
                "classified "
                    + size.sizeClass()
                    + " under 工信部联企业〔2011〕300号 ("
                    + size.band()
                    + ": "
                    + enterprise.getEmployees()
                    + " staff, revenue "
                    + Money.format(enterprise.getRevenue())
                    + ", assets "
                    + Money.format(enterprise.getTotalAssets())
                    + "); only "
                    + policy.eligibleSizeClasses()
                    + " enterprises qualify; if the registry figures are out of date, update them and submit a new revision"));
      }
    }

    LeaseCoverage coverage = calendar.leaseCoverage(a.getLeaseStart(), a.getLeaseEnd(), year);
    boolean riskListed = a.getCountyRiskListed();
    int grantedMonths =
        riskListed ? reliefYear.get().riskAreaReliefMonths() : reliefYear.get().reliefMonths();
    BigDecimal amount;
    String reliefMonths;
    if (coverage.coversAtLeast(grantedMonths)) {
      amount = a.getMonthlyRent().multiply(BigDecimal.valueOf(grantedMonths));
      reliefMonths = Integer.toString(grantedMonths);
    } else {
      amount = coverage.rentFor(a.getMonthlyRent());
      reliefMonths = coverage.monthsForDisplay().toPlainString();
    }
    details
        .money("monthlyRent", a.getMonthlyRent())
        .text("leaseStart", a.getLeaseStart())
        .text("leaseEnd", a.getLeaseEnd())
        .text("leaseMonthsInYear", coverage.monthsForDisplay().toPlainString())
        .text("leaseDaysByMonth", coverage.describe())
        .text("riskListed", riskListed)
        .text("countyCode", a.getCountyCode())
        .text("reliefMonthsGranted", grantedMonths)
        .text("reliefMonths", reliefMonths)
        .money("reliefAmount", amount);
    if (coverage.isEmpty()) {
      findings.add(
          new Finding(
              ReasonCode.LEASE_NOT_IN_YEAR,
              "the lease "
                  + a.getLeaseStart()
                  + ".."
                  + a.getLeaseEnd()
                  + " covers no day of "
                  + year
                  + "; correct the lease dates if they are wrong"));
    }

    if (!findings.isEmpty()) {
      return Outcomes.rejected(year, claimKey, amount, findings, details, policyVersion);
    }
    final String arithmetic =
        coverage.coversAtLeast(grantedMonths)
            ? Money.display(a.getMonthlyRent())
                + " monthly rent × "
                + grantedMonths
                + " relief months = "
                + Money.display(amount)
                + ": "
                + (riskListed ? "the county is risk-listed, so " : "")
                + grantedMonths
                + " months of "
                + year
                + "'s rent are relieved and the lease covers them"
            : "rent for the "
                + reliefMonths
                + " lease months in "
                + year
                + " = "
                + Money.display(amount)
                + ": the lease covers less of "
                + year
                + " than the "
                + grantedMonths
                + " relief months granted, so only that rent is relieved";
    return Outcomes.eligible(
        year,
        claimKey,
        amount,
        amount,
        List.of(new Finding(ReasonCode.ELIGIBLE, arithmetic)),
        details,
        policyVersion);
  }

  private Checks validate(RentReliefApplication a) {
    Checks checks = new Checks();
    checks.creditCode(a.getCreditCode());
    checks.required("applicationId", a.getApplicationId());
    checks.atLeast("revision", a.getRevision(), 1);
    checks.present("submittedAt", a.getSubmittedAt());
    checks.required("landlordName", a.getLandlordName());
    String landlordCode = a.getLandlordCreditCode();
    if (landlordCode != null && !landlordCode.isBlank()) {
      CreditCode.problem(landlordCode.trim())
          .ifPresent(
              p ->
                  checks.invalid(
                      "landlordCreditCode",
                      landlordCode + " " + p + " (leave it empty when unknown)"));
    }
    if (a.getCountyCode() == null || !a.getCountyCode().matches("\\d{6}")) {
      checks.invalid(
          "countyCode", "must be the 6-digit county-level division code, was " + a.getCountyCode());
    }
    checks.inOrder("leaseStart", a.getLeaseStart(), "leaseEnd", a.getLeaseEnd());
    checks.positive("monthlyRent", a.getMonthlyRent());
    return checks;
  }
}
