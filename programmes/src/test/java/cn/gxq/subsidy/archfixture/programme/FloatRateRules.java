package cn.gxq.subsidy.archfixture.programme;

import java.math.BigDecimal;

/** Deliberately wrong, for HouseRulesTest: a programme's rules computing a share in double. */
public final class FloatRateRules {

  public double reliefShare(int months) {
    return months / 12.0;
  }

  public BigDecimal relief(BigDecimal rent, float rate) {
    return rent.multiply(new BigDecimal(Float.toString(rate)));
  }
}
