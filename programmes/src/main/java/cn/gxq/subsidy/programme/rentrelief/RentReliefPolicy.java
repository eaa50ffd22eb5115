package cn.gxq.subsidy.programme.rentrelief;

import cn.gxq.subsidy.policy.IndustryPattern;
import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.policy.PolicyChecks;
import cn.gxq.subsidy.policy.SizeClass;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Parameters of the rent-relief programme (发改财金〔2022〕271号).
 *
 * @param years the supported relief years and their relief months
 * @param serviceIndustries the tertiary sector (GB/T 4754 sections F to T)
 * @param eligibleSizeClasses size classes that qualify (small and micro)
 * @param individualBusinessMustBeServiceIndustry whether 个体工商户 must also be in a service industry;
 *     domain.md lists them apart from "服务业 small or micro enterprises"
 */
public record RentReliefPolicy(
    List<RentReliefYear> years,
    List<IndustryPattern> serviceIndustries,
    Set<SizeClass> eligibleSizeClasses,
    boolean individualBusinessMustBeServiceIndustry) {
  public RentReliefPolicy {
    for (int i = 0; i < years.size(); i++) {
      final int year = years.get(i).year();
      if (years.subList(0, i).stream().anyMatch(y -> y.year() == year)) {
        throw PolicyChecks.invalid("years[" + i + "]", "year " + year + " listed twice");
      }
    }
    years = List.copyOf(years);
    serviceIndustries = List.copyOf(serviceIndustries);
    eligibleSizeClasses = Set.copyOf(eligibleSizeClasses);
  }

  /** This programme's section of a policy version, bound and checked. */
  public static RentReliefPolicy of(Policy policy) {
    return policy.programmes().bindTopLevel(RentRelief.POLICY_SECTION, RentReliefPolicy.class);
  }

  public Optional<RentReliefYear> year(int year) {
    return years.stream().filter(y -> y.year() == year).findFirst();
  }
}
