package cn.gxq.subsidy.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Calendar questions answered in the policy's time zone (China Standard Time, Asia/Shanghai): which
 * day and year an instant falls in, and which months of a year a lease covers. {@code
 * 2022-12-31T20:00:00Z} was 2023-01-01 in Beijing.
 */
public final class PolicyCalendar {
  private final ZoneId zone;

  public PolicyCalendar(ZoneId zone) {
    this.zone = zone;
  }

  public ZoneId zone() {
    return zone;
  }

  public LocalDate dateOf(Instant instant) {
    return instant.atZone(zone).toLocalDate();
  }

  public int yearOf(Instant instant) {
    return dateOf(instant).getYear();
  }

  /**
   * The months of {@code year} a lease from {@code start} to {@code end} (both inclusive) covers,
   * counted by day (see {@link LeaseCoverage}). Day fractions, rather than "whole months only",
   * because 发改财金〔2022〕271号 relief is pro rata: a lease starting on the 2nd of a month should not
   * lose that month, nor should a lease ending on the 15th gain it.
   */
  public LeaseCoverage leaseCoverage(LocalDate start, LocalDate end, int year) {
    List<LeaseCoverage.MonthCovered> months = new ArrayList<>();
    for (int m = 1; m <= 12; m++) {
      YearMonth month = YearMonth.of(year, m);
      LocalDate first = start.isAfter(month.atDay(1)) ? start : month.atDay(1);
      LocalDate last = end.isBefore(month.atEndOfMonth()) ? end : month.atEndOfMonth();
      int days = last.isBefore(first) ? 0 : (int) (last.toEpochDay() - first.toEpochDay() + 1);
      months.add(new LeaseCoverage.MonthCovered(month, days));
    }
    return new LeaseCoverage(year, months);
  }

  /**
   * Whether a certificate issued on {@code issuedOn}, valid for {@code validityYears}, is valid on
   * some day of {@code from..to}. It is valid from the issue date up to the day before the same
   * date {@code validityYears} later (国科发火〔2016〕32号: valid 3 years).
   */
  public static boolean validDuring(
      LocalDate issuedOn, int validityYears, LocalDate from, LocalDate to) {
    if (issuedOn == null) {
      return false;
    }
    LocalDate firstInvalidDay = issuedOn.plusYears(validityYears);
    return !issuedOn.isAfter(to) && firstInvalidDay.isAfter(from);
  }

  public static boolean validOn(LocalDate issuedOn, int validityYears, LocalDate day) {
    return validDuring(issuedOn, validityYears, day, day);
  }

  /** Last day of validity, for messages. */
  public static LocalDate lastValidDay(LocalDate issuedOn, int validityYears) {
    return issuedOn.plusYears(validityYears).minusDays(1);
  }
}
