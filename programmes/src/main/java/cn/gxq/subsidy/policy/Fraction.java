package cn.gxq.subsidy.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
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

  /** A fraction as a policy file writes it: a number, or a string {@code "a/b"}. */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static Fraction parse(Object written) {
    final String text = written.toString();
    final int slash = text.indexOf('/');
    try {
      return slash < 0
          ? new Fraction(new BigDecimal(text.trim()), BigDecimal.ONE)
          : new Fraction(
              new BigDecimal(text.substring(0, slash).trim()),
              new BigDecimal(text.substring(slash + 1).trim()));
    } catch (IllegalArgumentException e) { // NumberFormatException, or a denominator not positive
      throw new IllegalArgumentException(
          "must be a number or a fraction like \"2/3\" with a positive denominator, was " + text,
          e);
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
