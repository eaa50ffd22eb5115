package cn.gxq.subsidy.programme.innovationloan;

import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.policy.PolicyChecks;
import cn.gxq.subsidy.policy.YearRange;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters of the innovation-credit loan (创新积分贷; 火炬中心 2022 guide 1.0). Weights, bands and tiers
 * are the project default a zone may override (the file says so in {@code projectDefault}, for
 * people).
 *
 * @param years supported years of submission
 * @param termMonths loan terms accepted
 * @param maxScore the score's full marks (100)
 * @param groups indicator groups and their maximum points
 * @param indicators every indicator with its bands
 * @param tiers credit tiers, highest minimum score first
 */
@JsonIgnoreProperties("projectDefault")
public record InnovationLoanPolicy(
    YearRange years,
    TermMonths termMonths,
    int maxScore,
    Map<String, Integer> groups,
    List<ScoringIndicator> indicators,
    List<CreditTier> tiers) {
  public InnovationLoanPolicy {
    PolicyChecks.requireBetween("maxScore", maxScore, 1, 10000);
    groups = Map.copyOf(groups);
    groups.forEach((g, max) -> PolicyChecks.requireBetween("groups." + g, max, 0, maxScore));
    final int maxima = groups.values().stream().mapToInt(Integer::intValue).sum();
    if (maxima != maxScore) {
      throw PolicyChecks.invalid(
          "groups", "group maxima must add up to maxScore " + maxScore + ", add up to " + maxima);
    }
    indicators = List.copyOf(indicators);
    requireEveryIndicatorOnce(indicators, groups);
    tiers = List.copyOf(tiers);
    if (tiers.isEmpty()) {
      throw PolicyChecks.invalid("tiers", "at least one tier is needed");
    }
    for (int i = 0; i < tiers.size(); i++) {
      PolicyChecks.requireBetween(
          "tiers[" + i + "].minScore", tiers.get(i).minScore(), 0, maxScore);
      if (i > 0 && tiers.get(i - 1).minScore() <= tiers.get(i).minScore()) {
        throw PolicyChecks.invalid(
            "tiers[" + i + "]", "tiers must go from the highest minScore to the lowest");
      }
    }
  }

  /** This programme's section of a policy version, bound and checked. */
  public static InnovationLoanPolicy of(Policy policy) {
    return policy
        .programmes()
        .bindTopLevel(InnovationLoan.POLICY_SECTION, InnovationLoanPolicy.class);
  }

  /**
   * @param min shortest loan term accepted; @param max longest
   */
  public record TermMonths(int min, int max) {
    public TermMonths {
      PolicyChecks.requireBetween("min", min, 1, 1200);
      PolicyChecks.requireBetween("max", max, min, 1200);
    }
  }

  // Each indicator once, in a known group, and no group able to score more than its maximum.
  private static void requireEveryIndicatorOnce(
      List<ScoringIndicator> indicators, Map<String, Integer> groups) {
    final List<LoanIndicator> seen = new ArrayList<>();
    final Map<String, Integer> points = new HashMap<>();
    for (int i = 0; i < indicators.size(); i++) {
      final ScoringIndicator scoring = indicators.get(i);
      if (seen.contains(scoring.indicator())) {
        throw PolicyChecks.invalid(
            "indicators[" + i + "].key",
            "indicator " + scoring.indicator().key() + " listed twice");
      }
      if (!groups.containsKey(scoring.group())) {
        throw PolicyChecks.invalid(
            "indicators[" + i + "].group",
            scoring.group() + " is not one of the groups " + groups.keySet());
      }
      seen.add(scoring.indicator());
      points.merge(scoring.group(), scoring.maxPoints(), Integer::sum);
    }
    for (LoanIndicator indicator : LoanIndicator.values()) {
      if (!seen.contains(indicator)) {
        throw PolicyChecks.invalid(
            "indicators", indicator.key() + " is missing (give it no bands to switch it off)");
      }
    }
    points.forEach(
        (group, most) -> {
          if (most > groups.get(group)) {
            throw PolicyChecks.invalid(
                "indicators",
                "group "
                    + group
                    + " can score "
                    + most
                    + " points, more than its maximum "
                    + groups.get(group));
          }
        });
  }

  public int minTermMonths() {
    return termMonths.min();
  }

  public int maxTermMonths() {
    return termMonths.max();
  }

  /** The bands of an indicator; every indicator has an entry. */
  public ScoringIndicator indicator(LoanIndicator indicator) {
    return indicators.stream().filter(i -> i.indicator() == indicator).findFirst().orElseThrow();
  }

  /** The highest tier the score reaches, or empty below the lowest. */
  public Optional<CreditTier> tierFor(int score) {
    return tiers.stream().filter(t -> score >= t.minScore()).findFirst();
  }
}
