package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.TaxAssessment;
import cn.gxq.subsidy.policy.PolicyBook;
import cn.gxq.subsidy.policy.SizeClass;
import cn.gxq.subsidy.programme.rentrelief.RentReliefPolicy;
import cn.gxq.subsidy.programme.techsme.TechSmeEvaluation;
import cn.gxq.subsidy.programme.techsme.TechSmePolicy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The registry as the application generator sees it: enterprises grouped by the role they can play
 * in each programme, so applicants are drawn where they fit (or deliberately do not).
 */
final class RegistryView {
  private final List<Enterprise> all;
  private final Set<String> codes = new HashSet<>();

  final List<Enterprise> rentReliefEligible;
  final List<Enterprise> nonService;
  final List<Enterprise> serviceTooLarge;
  final List<Enterprise> rdEligible;
  final List<Enterprise> nonResident;
  final List<Enterprise> deemed;
  final List<Enterprise> rdExcludedIndustry;
  final List<Enterprise> innovationCandidates;
  final List<Enterprise> noInnovationStatus;
  final List<Enterprise> techSmeCandidates;

  /** The evaluation's limits, from the policy. */
  private static final TechSmePolicy TECH_SME =
      PolicyBook.loadDefault()
          .current()
          .programmes()
          .bind(TechSmeEvaluation.POLICY_SECTION, TechSmePolicy.class);

  /** The classes rent relief accepts (small and micro), from the policy. */
  private static final Set<SizeClass> RENT_RELIEF_SIZES =
      RentReliefPolicy.of(PolicyBook.loadDefault().current()).eligibleSizeClasses();

  RegistryView(List<Enterprise> registry) {
    if (registry.isEmpty()) {
      throw new IllegalArgumentException("the registry is empty");
    }
    this.all = List.copyOf(registry);
    all.forEach(e -> codes.add(e.getCreditCode()));
    rentReliefEligible =
        select(
            e ->
                individual(e)
                    || (Industry.service(e.getIndustryCode())
                        && RENT_RELIEF_SIZES.contains(size(e))));
    nonService = select(e -> !individual(e) && !Industry.service(e.getIndustryCode()));
    serviceTooLarge =
        select(
            e ->
                !individual(e)
                    && Industry.service(e.getIndustryCode())
                    && !RENT_RELIEF_SIZES.contains(size(e)));
    rdEligible = select(e -> company(e) && taxable(e) && !Industry.rdExcluded(e.getIndustryCode()));
    nonResident = select(e -> company(e) && !e.getTaxResident());
    deemed =
        select(
            e -> company(e) && e.getTaxResident() && e.getTaxAssessment() == TaxAssessment.DEEMED);
    rdExcludedIndustry =
        select(e -> company(e) && taxable(e) && Industry.rdExcluded(e.getIndustryCode()));
    innovationCandidates =
        select(
            e ->
                company(e)
                    && (e.getHighTechCertifiedOn() != null || !e.getTechSmeYears().isEmpty()));
    noInnovationStatus =
        select(
            e -> company(e) && e.getHighTechCertifiedOn() == null && e.getTechSmeYears().isEmpty());
    // Resident companies within the evaluation's limits (staff, revenue and assets), so most
    // rejections come from the score and the declarations rather than from size.
    techSmeCandidates =
        select(
            e ->
                company(e)
                    && e.getTaxResident()
                    && e.getEmployees() <= TECH_SME.maxEmployees()
                    && e.getRevenue().compareTo(TECH_SME.maxSalesRevenue()) <= 0
                    && e.getTotalAssets().compareTo(TECH_SME.maxTotalAssets()) <= 0);
  }

  List<Enterprise> all() {
    return all;
  }

  Set<String> codes() {
    return codes;
  }

  boolean registered(String code) {
    return codes.contains(code);
  }

  static SizeClass size(Enterprise e) {
    return SizeTable.classify(
        e.getIndustryCode(), e.getEmployees(), e.getRevenue(), e.getTotalAssets());
  }

  static boolean individual(Enterprise e) {
    return e.getCreditCode().startsWith("92");
  }

  static boolean company(Enterprise e) {
    return e.getCreditCode().startsWith("91");
  }

  static boolean highTechOn(Enterprise e, LocalDate day) {
    LocalDate issued = e.getHighTechCertifiedOn();
    return issued != null && !issued.isAfter(day) && issued.plusYears(3).isAfter(day);
  }

  /** Holds a valid 高新技术企业 certificate on the day or a 科技型中小企业 registration for its year. */
  static boolean innovationEntityOn(Enterprise e, LocalDate day) {
    return highTechOn(e, day) || e.getTechSmeYears().contains(day.getYear());
  }

  private static boolean taxable(Enterprise e) {
    return e.getTaxResident() && e.getTaxAssessment() == TaxAssessment.ACTUAL;
  }

  private List<Enterprise> select(Predicate<Enterprise> p) {
    List<Enterprise> out = new ArrayList<>();
    for (Enterprise e : all) {
      if (p.test(e)) {
        out.add(e);
      }
    }
    return out;
  }
}
