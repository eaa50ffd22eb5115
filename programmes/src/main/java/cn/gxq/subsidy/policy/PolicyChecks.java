package cn.gxq.subsidy.policy;

import java.math.BigDecimal;

/**
 * The checks policy records make in their constructors on what Jackson bound. A failed check names
 * the field within its entry; binding adds the file and the entry's path, e.g. {@code
 * policy-2022.1.json: rdDeduction.rates[3].rate: must be between 0 and 5, was 75}.
 */
public final class PolicyChecks {

  /** Rates are fractions (0.75 = 75%); 5 leaves room for any real rate while catching "75". */
  private static final BigDecimal MAX_RATE = new BigDecimal("5");

  private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999999999.99");

  private PolicyChecks() {}

  /** A check failed on one field of an entry, or on the entry as a whole when field is empty. */
  static final class Failure extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    Failure(String field, String problem) {
      super(problem);
      this.field = field;
    }

    String field() {
      return field;
    }
  }

  /**
   * A failed check.
   *
   * @param field the field within the entry, e.g. {@code rate} or {@code bands[2]}; empty for the
   *     entry as a whole
   */
  public static IllegalArgumentException invalid(String field, String problem) {
    return new Failure(field, problem);
  }

  public static int requireBetween(String field, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(field, "must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  public static BigDecimal requireBetween(
      String field, BigDecimal value, BigDecimal min, BigDecimal max) {
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw invalid(
          field,
          "must be between "
              + min.toPlainString()
              + " and "
              + max.toPlainString()
              + ", was "
              + value.toPlainString());
    }
    return value;
  }

  /** A year of the data: a tax year, a relief year. */
  public static int requireYear(String field, int value) {
    return requireBetween(field, value, 1900, 2999);
  }

  /** A share of a whole: 0 to 1. */
  public static BigDecimal requireShare(String field, BigDecimal value) {
    return requireBetween(field, value, BigDecimal.ZERO, BigDecimal.ONE);
  }

  /** A rate, which may exceed 100% (a 100% extra deduction is 1.00). */
  public static BigDecimal requireRate(String field, BigDecimal value) {
    return requireBetween(field, value, BigDecimal.ZERO, MAX_RATE);
  }

  /** Yuan, not negative, to the fen at most. */
  public static BigDecimal requireMoney(String field, BigDecimal value) {
    requireBetween(field, value, BigDecimal.ZERO, MAX_MONEY);
    if (value.stripTrailingZeros().scale() > 2) {
      throw invalid(field, "must be yuan to the fen (two decimals) at most, was " + value);
    }
    return value;
  }

  /** A threshold compared with money or ratios alike, so only its size is bounded. */
  public static BigDecimal requireThreshold(String field, BigDecimal value) {
    return requireBetween(field, value, MAX_MONEY.negate(), MAX_MONEY);
  }
}
