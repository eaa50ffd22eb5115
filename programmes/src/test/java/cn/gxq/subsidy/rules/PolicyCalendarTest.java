package cn.gxq.subsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class PolicyCalendarTest {
  private final PolicyCalendar calendar = new PolicyCalendar(ZoneId.of("Asia/Shanghai"));

  @Test
  void newYearsEveInUtcIsNewYearsDayInBeijing() {
    assertThat(calendar.dateOf(Instant.parse("2022-12-31T20:00:00Z")))
        .isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(calendar.yearOf(Instant.parse("2022-12-31T20:00:00Z"))).isEqualTo(2023);
    // 15:59:59Z is 23:59:59 in Beijing, still 2022; 16:00Z is midnight
    assertThat(calendar.yearOf(Instant.parse("2022-12-31T15:59:59Z"))).isEqualTo(2022);
    assertThat(calendar.yearOf(Instant.parse("2022-12-31T16:00:00Z"))).isEqualTo(2023);
  }

  @Test
  void policyTimeZoneIsShanghai() {
    assertThat(Fixtures.POLICY.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void leaseCoveringTheWholeYearCoversTwelveMonths() {
    LeaseCoverage c =
        calendar.leaseCoverage(LocalDate.of(2020, 1, 1), LocalDate.of(2025, 1, 1), 2022);
    assertThat(c.coversAtLeast(12)).isTrue();
    assertThat(c.coversAtLeast(13)).isFalse();
    assertThat(c.monthsForDisplay()).isEqualByComparingTo("12");
  }

  @Test
  void leaseFromNovemberCoversExactlyTwoMonths() {
    LeaseCoverage c =
        calendar.leaseCoverage(LocalDate.of(2022, 11, 1), LocalDate.of(2023, 10, 31), 2022);
    assertThat(c.coversAtLeast(2)).isTrue();
    assertThat(c.coversAtLeast(3)).isFalse();
    assertThat(c.monthsForDisplay().toPlainString()).isEqualTo("2");
    assertThat(c.describe()).isEqualTo("2022-11:30/30 2022-12:31/31");
    // 10 000 × 2 = 20 000.00
    assertThat(c.rentFor(new BigDecimal("10000.00"))).isEqualByComparingTo("20000.00");
  }

  @Test
  void partialMonthsCountByDay() {
    // 17–31 October is 15 of 31 days: 15/31 + 2 = 2.48387… months
    LeaseCoverage c =
        calendar.leaseCoverage(LocalDate.of(2022, 10, 17), LocalDate.of(2023, 3, 31), 2022);
    assertThat(c.monthsForDisplay().toPlainString()).isEqualTo("2.4839");
    // 10 000 × (15/31 + 2) = 4838.7096… + 20 000 = 24 838.709… → 24 838.71
    assertThat(c.rentFor(new BigDecimal("10000.00"))).isEqualByComparingTo("24838.71");
    // A single day of February 2022 (28 days): 1 000 × 1/28 = 35.714… → 35.71
    LeaseCoverage oneDay =
        calendar.leaseCoverage(LocalDate.of(2022, 2, 14), LocalDate.of(2022, 2, 14), 2022);
    assertThat(oneDay.rentFor(new BigDecimal("1000.00"))).isEqualByComparingTo("35.71");
  }

  @Test
  void leaseOutsideTheYearCoversNothing() {
    assertThat(
            calendar
                .leaseCoverage(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), 2022)
                .isEmpty())
        .isTrue();
    assertThat(
            calendar
                .leaseCoverage(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 12, 31), 2022)
                .isEmpty())
        .isTrue();
    assertThat(
            calendar
                .leaseCoverage(LocalDate.of(2021, 1, 1), LocalDate.of(2022, 1, 1), 2022)
                .isEmpty())
        .isFalse();
  }

  @Test
  void certificateIsValidThreeYearsFromTheIssueDate() {
    LocalDate issued = LocalDate.of(2019, 10, 1);
    assertThat(PolicyCalendar.lastValidDay(issued, 3)).isEqualTo(LocalDate.of(2022, 9, 30));
    assertThat(PolicyCalendar.validOn(issued, 3, LocalDate.of(2022, 9, 30))).isTrue();
    assertThat(PolicyCalendar.validOn(issued, 3, LocalDate.of(2022, 10, 1))).isFalse();
    assertThat(PolicyCalendar.validOn(issued, 3, LocalDate.of(2019, 9, 30))).isFalse();
    assertThat(
            PolicyCalendar.validDuring(
                issued, 3, LocalDate.of(2022, 10, 1), LocalDate.of(2022, 12, 31)))
        .isFalse();
    assertThat(
            PolicyCalendar.validDuring(
                LocalDate.of(2019, 10, 2),
                3,
                LocalDate.of(2022, 10, 1),
                LocalDate.of(2022, 12, 31)))
        .isTrue();
    assertThat(
            PolicyCalendar.validDuring(
                LocalDate.of(2022, 12, 31),
                3,
                LocalDate.of(2022, 10, 1),
                LocalDate.of(2022, 12, 31)))
        .isTrue();
    assertThat(
            PolicyCalendar.validDuring(
                null, 3, LocalDate.of(2022, 10, 1), LocalDate.of(2022, 12, 31)))
        .isFalse();
  }
}
