package cn.gxq.subsidy.policy;

import java.math.BigDecimal;

/**
 * A band of a scoring indicator: "≥ threshold → points" or, when not inclusive, "> threshold →
 * points" (the table's "> 0" bands).
 */
public record ScoreBand(BigDecimal threshold, boolean inclusive, int points) {

  /**
   * Whether {@code numerator ÷ denominator} reaches the band. Compared as numerator against
   * threshold × denominator, so edges like 6 ÷ 100 ≥ 6% are exact.
   *
   * @param denominator positive
   */
  public boolean reachedBy(BigDecimal numerator, BigDecimal denominator) {
    int cmp = numerator.compareTo(threshold.multiply(denominator));
    return inclusive ? cmp >= 0 : cmp > 0;
  }

  @Override
  public String toString() {
    return (inclusive ? "≥" : ">") + threshold.toPlainString() + " → " + points;
  }
}
