package cn.gxq.subsidy.policy;

import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of the innovation-points score and its bands, highest threshold first; an indicator
 * scores the points of the highest band it reaches, else 0.
 */
public record ScoringIndicator(LoanIndicator indicator, String group, List<ScoreBand> bands) {
  public ScoringIndicator {
    bands = List.copyOf(bands);
  }

  public int points(BigDecimal numerator, BigDecimal denominator) {
    for (ScoreBand band : bands) {
      if (band.reachedBy(numerator, denominator)) {
        return band.points();
      }
    }
    return 0;
  }

  public int maxPoints() {
    return bands.stream().mapToInt(ScoreBand::points).max().orElse(0);
  }
}
