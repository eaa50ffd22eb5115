package cn.gxq.subsidy.programme.innovationloan;

import cn.gxq.subsidy.policy.PolicyChecks;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.math.BigDecimal;

/**
 * A band of a scoring indicator: "≥ threshold → points" or, when not inclusive, "> threshold →
 * points" (the table's "> 0" bands). Policy files write {@code {"atLeast": 0.1, "points": 15}} or
 * {@code {"above": 0, "points": 1}}.
 */
public record ScoreBand(BigDecimal threshold, boolean inclusive, int points) {
  public ScoreBand {
    PolicyChecks.requireThreshold(inclusive ? "atLeast" : "above", threshold);
    PolicyChecks.requireBetween("points", points, 1, Integer.MAX_VALUE);
  }

  @JsonCreator
  static ScoreBand of(
      @JsonProperty("atLeast") @JsonSetter(nulls = Nulls.SET) BigDecimal atLeast,
      @JsonProperty("above") @JsonSetter(nulls = Nulls.SET) BigDecimal above,
      @JsonProperty("points") int points) {
    if ((atLeast == null) == (above == null)) {
      throw PolicyChecks.invalid("", "needs exactly one of atLeast, above");
    }
    return atLeast != null
        ? new ScoreBand(atLeast, true, points)
        : new ScoreBand(above, false, points);
  }

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
