package cn.gxq.subsidy.archfixture.rules;

import java.math.BigDecimal;
import java.time.Instant;

/** Deliberately wrong, for HouseRulesTest: a rule that reads the wall clock and uses double. */
public final class ClockReadingRule {

  private double rate = 0.75;

  public boolean lateApplication(Instant submittedAt) {
    return submittedAt.isBefore(Instant.now());
  }

  public BigDecimal deduction(BigDecimal expense) {
    return expense.multiply(BigDecimal.valueOf(rate));
  }
}
