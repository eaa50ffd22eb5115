package cn.gxq.subsidy.app.reconcile;

import java.math.BigDecimal;

/** One bucket's figures of one day, as either side counts them. */
public record DayFigures(
    long movements,
    BigDecimal change,
    BigDecimal toRecover,
    BigDecimal settled,
    BigDecimal recovered) {

  static final BigDecimal ZERO = new BigDecimal("0.00");

  public static final DayFigures NONE = new DayFigures(0, ZERO, ZERO, ZERO, ZERO);

  /** Equal figure by figure, amounts by value (0 equals 0.00). */
  public boolean agrees(DayFigures other) {
    return movements == other.movements
        && change.compareTo(other.change) == 0
        && toRecover.compareTo(other.toRecover) == 0
        && settled.compareTo(other.settled) == 0
        && recovered.compareTo(other.recovered) == 0;
  }

  @Override
  public String toString() {
    return movements
        + " movements, change "
        + change.toPlainString()
        + ", to recover "
        + toRecover.toPlainString()
        + ", settled "
        + settled.toPlainString()
        + ", recovered "
        + recovered.toPlainString();
  }
}
