package cn.gxq.subsidy.programme.rddeduction;

import cn.gxq.subsidy.policy.PolicyChecks;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Extra deduction on equipment a 高新技术企业 buys in a period (2022年第28号: 100% for 2022-10-01..12-31,
 * certificate valid at any time in the period).
 *
 * @param from first day
 * @param to last day
 * @param extraRate extra deduction rate on the equipment cost
 */
public record EquipmentExtra(LocalDate from, LocalDate to, BigDecimal extraRate) {
  public EquipmentExtra {
    if (to.isBefore(from) || to.getYear() != from.getYear()) {
      throw PolicyChecks.invalid(
          "", "from " + from + " to " + to + " must be in order and within one tax year");
    }
    PolicyChecks.requireRate("extraRate", extraRate);
  }

  public int taxYear() {
    return from.getYear();
  }
}
