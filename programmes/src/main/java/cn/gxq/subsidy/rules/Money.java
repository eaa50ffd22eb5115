package cn.gxq.subsidy.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Yuan with 2 decimals. Intermediate figures keep full precision ({@link #CALC}); an amount is
 * rounded half-up to the fen once, at the end of its calculation (domain.md).
 */
public final class Money {
  /** 0.00 yuan. */
  public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

  /** Precision of intermediate figures: 34 significant digits, far beyond any fen. */
  public static final MathContext CALC = MathContext.DECIMAL128;

  /**
   * The most one amount may be: 1,000亿 yuan, far above any single claim or zone budget, so that
   * sums of a hundred thousand such amounts still fit the contract's decimal(18,2). A larger figure
   * is a unit or typing mistake, rejected before it can reach a budget or a total.
   */
  public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000.00");

  private Money() {}

  /** Rounds an amount half-up to 2 decimals: the last step of an amount calculation. */
  public static BigDecimal round(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  /** Plain string with 2 decimals, e.g. {@code 12500.00}, for decision details. */
  public static String format(BigDecimal amount) {
    return round(amount).toPlainString();
  }

  /** With thousands separators, e.g. {@code 145,500.00}, for reason messages people read. */
  public static String display(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", round(amount));
  }

  public static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
