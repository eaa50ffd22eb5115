package cn.gxq.subsidy.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns random draws into contract decimals: money at scale 2, shares at scale 4 (the Avro schemas
 * reject any other scale).
 */
final class Money {
  static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  private Money() {}

  static BigDecimal yuan(double amount) {
    return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
  }

  static BigDecimal yuan(long amount) {
    return BigDecimal.valueOf(amount).setScale(2, RoundingMode.UNNECESSARY);
  }

  /** Rounds to a whole multiple of {@code unit} yuan, as people ask for round sums. */
  static BigDecimal roundTo(double amount, long unit) {
    return yuan(Math.max(unit, Math.round(amount / unit) * unit));
  }

  static BigDecimal share(double fraction) {
    return BigDecimal.valueOf(fraction).setScale(4, RoundingMode.HALF_UP);
  }

  static BigDecimal times(BigDecimal amount, double factor) {
    return amount.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP);
  }
}
