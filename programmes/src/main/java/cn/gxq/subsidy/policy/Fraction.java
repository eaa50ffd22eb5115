package cn.gxq.subsidy.policy;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A ratio kept as numerator and denominator so that shares like 2/3 stay exact in the data. In
 * policy files: a number ({@code 0.8}) or a string ({@code "2/3"}).
 */
public record Fraction(BigDecimal numerator, BigDecimal denominator) {
  public Fraction {
    if (denominator.signum() <= 0) {
      throw new IllegalArgumentException("denominator must be positive");
    }
  }

  /** {@code amount × numerator ÷ denominator}, unrounded (34 significant digits). */
  public BigDecimal of(BigDecimal amount) {
    return amount.multiply(numerator).divide(denominator, MathContext.DECIMAL128);
  }

  @Override
  public String toString() {
    return denominator.compareTo(BigDecimal.ONE) == 0
        ? numerator.toPlainString()
        : numerator.toPlainString() + "/" + denominator.toPlainString();
  }
}
