package cn.gxq.subsidy.rules;

import cn.gxq.subsidy.policy.SizeBand;
import cn.gxq.subsidy.policy.SizeClass;
import cn.gxq.subsidy.policy.SizeMeasure;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Classifies enterprises by 工信部联企业〔2011〕300号: large, medium and small must meet every lower bound
 * of their class (e.g. industry: medium needs 300 staff <em>and</em> 2000万 revenue), otherwise the
 * enterprise drops a class; micro is anything below small.
 */
public final class SizeClassifier {
  private final List<SizeBand> bands;

  /** Result with the table row used, for decision details. */
  public record Classification(SizeClass sizeClass, String band) {}

  public SizeClassifier(List<SizeBand> bands) {
    this.bands = List.copyOf(bands);
  }

  public Classification classify(
      IndustryCode industry, int employees, BigDecimal revenue, BigDecimal totalAssets) {
    SizeBand band = bandFor(industry);
    for (SizeClass sizeClass : SizeClass.values()) {
      if (sizeClass == SizeClass.MICRO
          || meetsAll(band.lowerBounds(sizeClass), employees, revenue, totalAssets)) {
        return new Classification(sizeClass, band.name());
      }
    }
    throw new AssertionError("MICRO always matches");
  }

  /** The first row whose industries match; the policy guarantees a last "all others" row. */
  public SizeBand bandFor(IndustryCode industry) {
    return bands.stream()
        .filter(b -> industry.inAny(b.industries()))
        .findFirst()
        .orElseThrow(
            () -> new IllegalStateException("no size band for " + industry + " and no \"*\" band"));
  }

  private static boolean meetsAll(
      Map<SizeMeasure, BigDecimal> bounds, int employees, BigDecimal revenue, BigDecimal assets) {
    for (Map.Entry<SizeMeasure, BigDecimal> bound : bounds.entrySet()) {
      BigDecimal value =
          switch (bound.getKey()) {
            case STAFF -> BigDecimal.valueOf(employees);
            case REVENUE -> revenue;
            case ASSETS -> assets;
          };
      if (value.compareTo(bound.getValue()) < 0) {
        return false;
      }
    }
    return true;
  }
}
