package cn.gxq.subsidy.programme.rddeduction;

import cn.gxq.subsidy.policy.Fraction;
import cn.gxq.subsidy.policy.IndustryPattern;
import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.policy.PolicyChecks;
import cn.gxq.subsidy.policy.YearRange;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Parameters of the R&D expense super-deduction.
 *
 * @param taxYears supported tax years
 * @param rates the rate table (财税〔2018〕99号, 2021年第13号, 2022年第16号, 2022年第28号, 2023年第7号)
 * @param otherRelatedRatio r in the cap "five main categories × r ÷ (1 − r)" on other related
 *     expenses (2021年第28号: 10%)
 * @param overseas how much overseas contracted R&D counts (财税〔2018〕64号)
 * @param equipmentExtras equipment extra deductions for high-tech enterprises, by period
 * @param excludedIndustries 财税〔2015〕119号 excluded industries
 * @param excludedIncomeShareLimit excluded when the income share from them exceeds this (50%)
 */
public record RdDeductionPolicy(
    YearRange taxYears,
    List<RdRate> rates,
    BigDecimal otherRelatedRatio,
    Overseas overseas,
    List<EquipmentExtra> equipmentExtras,
    List<IndustryPattern> excludedIndustries,
    BigDecimal excludedIncomeShareLimit) {
  public RdDeductionPolicy {
    rates = List.copyOf(rates);
    for (int i = 0; i < rates.size(); i++) {
      final RdRate row = rates.get(i);
      for (RdRate earlier : rates.subList(0, i)) {
        if (earlier.kind() == row.kind() && earlier.taxYears().overlaps(row.taxYears())) {
          throw PolicyChecks.invalid(
              "rates[" + i + "]",
              "tax years "
                  + row.taxYears()
                  + " overlap an earlier "
                  + row.kind()
                  + " row for "
                  + earlier.taxYears());
        }
      }
    }
    requireEveryRate(taxYears, rates);
    PolicyChecks.requireBetween(
        "otherRelatedRatio", otherRelatedRatio, BigDecimal.ZERO, new BigDecimal("0.99"));
    equipmentExtras = List.copyOf(equipmentExtras);
    for (int i = 0; i < equipmentExtras.size(); i++) {
      final int year = equipmentExtras.get(i).taxYear();
      if (equipmentExtras.subList(0, i).stream().anyMatch(e -> e.taxYear() == year)) {
        throw PolicyChecks.invalid(
            "equipmentExtras[" + i + "]", "tax year " + year + " listed twice");
      }
    }
    excludedIndustries = List.copyOf(excludedIndustries);
    PolicyChecks.requireShare("excludedIncomeShareLimit", excludedIncomeShareLimit);
  }

  /** This programme's section of a policy version, bound and checked. */
  public static RdDeductionPolicy of(Policy policy) {
    return policy.programmes().bindTopLevel(RdDeduction.POLICY_SECTION, RdDeductionPolicy.class);
  }

  /**
   * @param costShare share of overseas contracted R&D that counts (80%)
   * @param capShareOfDomestic cap on overseas R&D as a share of eligible domestic R&D (2/3)
   */
  public record Overseas(BigDecimal costShare, Fraction capShareOfDomestic) {
    public Overseas {
      PolicyChecks.requireShare("costShare", costShare);
      PolicyChecks.requireRate("capShareOfDomestic", capShareOfDomestic.of(BigDecimal.ONE));
    }
  }

  // Every supported tax year needs a rate for every kind, or a decision could find none. An
  // open-ended range is checked a year past the last year any row names.
  private static void requireEveryRate(YearRange taxYears, List<RdRate> rates) {
    int lastNamed = taxYears.from();
    for (RdRate r : rates) {
      lastNamed =
          Math.max(lastNamed, r.taxYears().to() != null ? r.taxYears().to() : r.taxYears().from());
    }
    final int last = taxYears.to() != null ? taxYears.to() : lastNamed + 1;
    for (int year = taxYears.from(); year <= last; year++) {
      for (RdEnterpriseKind kind : RdEnterpriseKind.values()) {
        final int y = year;
        if (rates.stream().noneMatch(r -> r.kind() == kind && r.taxYears().contains(y))) {
          throw PolicyChecks.invalid(
              "rates", "no " + kind + " rate for tax year " + year + ", which taxYears supports");
        }
      }
    }
  }

  public BigDecimal overseasCostShare() {
    return overseas.costShare();
  }

  public Fraction overseasCapOfDomestic() {
    return overseas.capShareOfDomestic();
  }

  public Optional<RdRate> rate(int taxYear, RdEnterpriseKind kind) {
    return rates.stream()
        .filter(r -> r.kind() == kind && r.taxYears().contains(taxYear))
        .findFirst();
  }

  public Optional<EquipmentExtra> equipmentExtra(int taxYear) {
    return equipmentExtras.stream().filter(e -> e.taxYear() == taxYear).findFirst();
  }
}
