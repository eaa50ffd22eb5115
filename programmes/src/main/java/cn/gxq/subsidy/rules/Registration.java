package cn.gxq.subsidy.rules;

/**
 * Registration numbers of recognitions (e.g. 科技型中小企业入库编号): {@code YYYY} + the credit code's six
 * region digits + a six-digit serial, unique within the year. The rules name the series in {@link
 * #SERIES}; the router, which sees every claim of an enterprise, draws the serial and writes the
 * number to {@link #NUMBER} when the claim is held.
 */
public final class Registration {

  /** Details key of the series an eligible recognition is numbered in: year + region digits. */
  public static final String SERIES = "registrationSeries";

  /** Details key of the number given to an approved recognition. */
  public static final String NUMBER = "registrationNumber";

  /** Serials have six digits. */
  public static final int MAX_SERIAL = 999_999;

  private Registration() {}

  public static String series(int year, CreditCode code) {
    return year + code.regionCode();
  }

  /**
   * The number of a serial in a series.
   *
   * @throws IllegalStateException when the serial does not fit six digits
   */
  public static String number(String series, int serial) {
    if (serial < 0 || serial > MAX_SERIAL) {
      throw new IllegalStateException(
          "registration serial " + serial + " of series " + series + " does not fit six digits");
    }
    return series + String.format("%06d", serial);
  }
}
