package cn.gxq.subsidy.programme.rddeduction;

import cn.gxq.subsidy.policy.PolicyChecks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;

/**
 * A different rate for a whole-month period at the end of a tax year (2022年第28号: 100% for
 * 2022-10-01..12-31).
 *
 * @param from first day
 * @param to last day
 * @param rate extra deduction rate in the period
 */
public record PeriodRate(LocalDate from, LocalDate to, BigDecimal rate) {
  public PeriodRate {
    PolicyChecks.requireRate("rate", rate);
    final boolean wholeMonthsToYearEnd =
        from.getDayOfMonth() == 1
            && to.getMonthValue() == 12
            && to.getDayOfMonth() == 31
            && from.getYear() == to.getYear();
    if (!wholeMonthsToYearEnd) {
      throw PolicyChecks.invalid(
          "",
          "must run from the first day of a month to 31 December of the same year, was "
              + from
              + ".."
              + to);
    }
  }

  /**
   * Whole months of the period (3 for a quarter); where R&D of the period is not declared it is
   * taken as this many twelfths of the year's.
   */
  public int months() {
    return (int) Period.between(from, to.plusDays(1)).toTotalMonths();
  }
}
