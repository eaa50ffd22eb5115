package cn.gxq.subsidy.programme.innovationloan;

import cn.gxq.subsidy.policy.PolicyChecks;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/**
 * One indicator of the innovation-points score and its bands, highest threshold first; an indicator
 * scores the points of the highest band it reaches, else 0.
 */
public record ScoringIndicator(
    @JsonProperty("key") LoanIndicator indicator, String group, List<ScoreBand> bands) {
  public ScoringIndicator {
    bands = List.copyOf(bands);
    for (int i = 1; i < bands.size(); i++) {
      final ScoreBand previous = bands.get(i - 1);
      if (previous.threshold().compareTo(bands.get(i).threshold()) <= 0
          || previous.points() <= bands.get(i).points()) {
        throw PolicyChecks.invalid(
            "bands[" + i + "]",
            "bands must go from the highest threshold and points to the lowest");
      }
    }
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
