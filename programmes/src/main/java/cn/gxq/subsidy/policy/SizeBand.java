package cn.gxq.subsidy.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One row of the 工信部联企业〔2011〕300号 table: the industries it covers and, per class, the lower bounds
 * an enterprise must meet on every measure of the row.
 *
 * @param name row name, for details and messages
 * @param industries industries of the row; {@code *} for "all others"
 * @param large lower bounds of LARGE (the SME ceiling)
 * @param medium lower bounds of MEDIUM
 * @param small lower bounds of SMALL; below any of them is MICRO
 */
public record SizeBand(
    String name,
    List<IndustryPattern> industries,
    Map<SizeMeasure, BigDecimal> large,
    Map<SizeMeasure, BigDecimal> medium,
    Map<SizeMeasure, BigDecimal> small) {
  public SizeBand {
    industries = List.copyOf(industries);
    large = Map.copyOf(large);
    medium = Map.copyOf(medium);
    small = Map.copyOf(small);
  }

  /** Lower bounds of a class; empty for MICRO, which has none. */
  public Map<SizeMeasure, BigDecimal> lowerBounds(SizeClass sizeClass) {
    return switch (sizeClass) {
      case LARGE -> large;
      case MEDIUM -> medium;
      case SMALL -> small;
      case MICRO -> Map.of();
    };
  }
}
