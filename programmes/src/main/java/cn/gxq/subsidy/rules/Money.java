package cn.gxq.subsidy.rules;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

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
    return grouped(round(amount));
  }

  /**
   * An amount with all the decimals its scale has and thousands separators: what {@code
   * String.format(Locale.ROOT, "%,.Nf", amount)} writes for an amount of scale N ≥ 0, without
   * parsing a format on every call (the formatter was 6% of the stream thread's samples in a
   * profile of the pipeline).
   */
  public static String grouped(BigDecimal amount) {
    final String plain = amount.toPlainString();
    final int digits = plain.startsWith("-") ? 1 : 0;
    final int point = plain.indexOf('.') < 0 ? plain.length() : plain.indexOf('.');
    final StringBuilder out = new StringBuilder(plain.length() + point / 3);
    out.append(plain, 0, digits);
    for (int i = digits; i < point; i++) {
      if (i > digits && (point - i) % 3 == 0) {
        out.append(',');
      }
      out.append(plain.charAt(i));
    }
    return out.append(plain, point, plain.length()).toString();
  }

  public static BigDecimal min(BigDecimal a, BigDecimal b) {
    return a.compareTo(b) <= 0 ? a : b;
  }
}
