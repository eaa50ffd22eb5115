package cn.gxq.subsidy.programme.innovationloan;

import cn.gxq.subsidy.policy.PolicyChecks;
import java.math.BigDecimal;

/**
 * A credit line tier of the innovation-credit loan: from {@code minScore} points, up to {@code cap}
 * yuan (project default).
 */
public record CreditTier(String name, int minScore, BigDecimal cap) {
  public CreditTier {
    PolicyChecks.requireMoney("cap", cap);
  }
}
