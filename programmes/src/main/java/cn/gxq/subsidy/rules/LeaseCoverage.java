package cn.gxq.subsidy.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The months of one year a lease covers, pro rata by day: a month counts as days covered ÷ days in
 * that month. So a lease from 2022-11-01 covers exactly 2 months of 2022, and one from 2022-10-17
 * covers 15/31 + 2. The sum is kept as an exact fraction (over 377580, the least common multiple of
 * 28, 29, 30 and 31) so that comparisons and the rent it is worth are exact.
 */
public record LeaseCoverage(int year, List<MonthCovered> months) {
  /** lcm(28, 29, 30, 31): every month's fraction is a whole number of these parts. */
  private static final long PARTS_PER_MONTH = 377_580L;

  /** Days of one calendar month a lease covers. */
  public record MonthCovered(YearMonth month, int daysCovered) {
    public int daysInMonth() {
      return month.lengthOfMonth();
    }

    long parts() {
      return daysCovered * (PARTS_PER_MONTH / daysInMonth());
    }
  }

  public LeaseCoverage {
    months = List.copyOf(months);
  }

  private long parts() {
    return months.stream().mapToLong(MonthCovered::parts).sum();
  }

  public boolean isEmpty() {
    return parts() == 0;
  }

  /** Whether the lease covers at least this many months of the year. */
  public boolean coversAtLeast(int wholeMonths) {
    return parts() >= wholeMonths * PARTS_PER_MONTH;
  }

  /** Months covered, rounded to 4 decimals for display, trailing zeros dropped ("2", "2.4839"). */
  public BigDecimal monthsForDisplay() {
    BigDecimal exact =
        BigDecimal.valueOf(parts())
            .divide(BigDecimal.valueOf(PARTS_PER_MONTH), 4, RoundingMode.HALF_UP);
    return exact.signum() == 0 ? BigDecimal.ZERO : exact.stripTrailingZeros();
  }

  /** Monthly rent × months covered, rounded half-up to the fen once. */
  public BigDecimal rentFor(BigDecimal monthlyRent) {
    return monthlyRent
        .multiply(BigDecimal.valueOf(parts()))
        .divide(BigDecimal.valueOf(PARTS_PER_MONTH), 2, RoundingMode.HALF_UP);
  }

  /** E.g. {@code 2022-10:15/31 2022-11:30/30 2022-12:31/31}, for decision details. */
  public String describe() {
    return months.stream()
        .filter(m -> m.daysCovered() > 0)
        .map(m -> m.month() + ":" + m.daysCovered() + "/" + m.daysInMonth())
        .collect(Collectors.joining(" "));
  }
}
