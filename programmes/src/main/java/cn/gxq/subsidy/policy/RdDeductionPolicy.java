package cn.gxq.subsidy.policy;

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
 * @param overseasCostShare share of overseas contracted R&D that counts (80%)
 * @param overseasCapOfDomestic cap on overseas R&D as a share of eligible domestic R&D (2/3)
 * @param equipmentExtras equipment extra deductions for high-tech enterprises, by period
 * @param excludedIndustries 财税〔2015〕119号 excluded industries
 * @param excludedIncomeShareLimit excluded when the income share from them exceeds this (50%)
 */
public record RdDeductionPolicy(
    YearRange taxYears,
    List<RdRate> rates,
    BigDecimal otherRelatedRatio,
    BigDecimal overseasCostShare,
    Fraction overseasCapOfDomestic,
    List<EquipmentExtra> equipmentExtras,
    List<IndustryPattern> excludedIndustries,
    BigDecimal excludedIncomeShareLimit) {
  public RdDeductionPolicy {
    rates = List.copyOf(rates);
    equipmentExtras = List.copyOf(equipmentExtras);
    excludedIndustries = List.copyOf(excludedIndustries);
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
