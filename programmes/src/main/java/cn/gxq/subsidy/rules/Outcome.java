package cn.gxq.subsidy.rules;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The result of applying one programme's rules to one application revision.
 *
 * @param verdict eligible or rejected
 * @param year the programme year: rent-relief year, R&D tax year, or a loan's year of submission
 *     (Asia/Shanghai); budgets and totals are kept per this year
 * @param claimKey identifies the claim "one per enterprise and period" (contract); never null
 * @param requestedAmount what the applicant asked for or the rule computed before caps, yuan, scale
 *     2; null when the application is too invalid to say
 * @param eligibleAmount what may be approved, yuan, scale 2; zero when rejected
 * @param findings reasons, in the order found; never empty for a rejection
 * @param details the figures the rule used, so a clerk can re-check the arithmetic
 * @param policyVersion version of the policy data that produced this outcome
 */
public record Outcome(
    Verdict verdict,
    int year,
    String claimKey,
    BigDecimal requestedAmount,
    BigDecimal eligibleAmount,
    List<Finding> findings,
    Map<String, String> details,
    String policyVersion) {
  public Outcome {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(claimKey, "claimKey");
    Objects.requireNonNull(eligibleAmount, "eligibleAmount");
    Objects.requireNonNull(policyVersion, "policyVersion");
    findings = List.copyOf(findings);
    details = Map.copyOf(details);
  }
}
