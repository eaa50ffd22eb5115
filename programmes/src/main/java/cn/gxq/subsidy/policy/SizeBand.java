package cn.gxq.subsidy.policy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
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
    large = lowerBounds("large", large);
    medium = lowerBounds("medium", medium);
    small = lowerBounds("small", small);
    if (!large.keySet().equals(medium.keySet()) || !medium.keySet().equals(small.keySet())) {
      throw PolicyChecks.invalid("", "large, medium and small must use the same measures");
    }
    for (SizeMeasure m : large.keySet()) {
      if (large.get(m).compareTo(medium.get(m)) < 0 || medium.get(m).compareTo(small.get(m)) < 0) {
        throw PolicyChecks.invalid(
            "", name(m) + ": lower bounds must not increase from large to medium to small");
      }
    }
  }

  private static Map<SizeMeasure, BigDecimal> lowerBounds(
      String field, Map<SizeMeasure, BigDecimal> bounds) {
    if (bounds.isEmpty()) {
      throw PolicyChecks.invalid(field, "needs at least one of staff, revenue, assets");
    }
    bounds.forEach(
        (measure, bound) -> {
          final String at = field + "." + name(measure);
          if (bound.compareTo(BigDecimal.ONE) < 0) {
            throw PolicyChecks.invalid(at, "must be at least 1, was " + bound.toPlainString());
          }
          if (measure == SizeMeasure.STAFF && bound.stripTrailingZeros().scale() > 0) {
            throw PolicyChecks.invalid(at, "must be a whole number, was " + bound.toPlainString());
          }
          PolicyChecks.requireMoney(at, bound);
        });
    return Map.copyOf(bounds);
  }

  private static String name(SizeMeasure measure) {
    return measure.name().toLowerCase(Locale.ROOT);
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
