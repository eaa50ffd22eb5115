package cn.gxq.subsidy.policy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parameters of the innovation-credit loan (创新积分贷; 火炬中心 2022 guide 1.0). Weights, bands and tiers
 * are the project default a zone may override.
 *
 * @param years supported years of submission
 * @param minTermMonths shortest loan term accepted
 * @param maxTermMonths longest loan term accepted
 * @param maxScore the score's full marks (100)
 * @param groups indicator groups and their maximum points
 * @param indicators every indicator with its bands
 * @param tiers credit tiers, highest minimum score first
 */
public record InnovationLoanPolicy(
    YearRange years,
    int minTermMonths,
    int maxTermMonths,
    int maxScore,
    Map<String, Integer> groups,
    Map<LoanIndicator, ScoringIndicator> indicators,
    List<CreditTier> tiers) {
  public InnovationLoanPolicy {
    groups = Map.copyOf(groups);
    indicators = Map.copyOf(indicators);
    tiers = List.copyOf(tiers);
  }

  /** The highest tier the score reaches, or empty below the lowest. */
  public Optional<CreditTier> tierFor(int score) {
    return tiers.stream().filter(t -> score >= t.minScore()).findFirst();
  }
}
