package cn.gxq.subsidy.rules;

import cn.gxq.subsidy.policy.IndustryPattern;
import cn.gxq.subsidy.policy.SizeBand;
import cn.gxq.subsidy.policy.SizeClass;
import cn.gxq.subsidy.policy.SizeMeasure;
import java.math.BigDecimal;
import java.util.ArrayList;
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

  /**
   * The class of an enterprise by the row of its industry. A bare division code (e.g. {@code K70},
   * no group digit) whose division has rows of its own for some of its groups (real-estate
   * development K701 and property management K702) cannot be told apart between them: it is sized
   * by each of those rows and takes the larger class, so that an enterprise is never called smaller
   * than either reading of its industry would call it.
   */
  public Classification classify(
      IndustryCode industry, int employees, BigDecimal revenue, BigDecimal totalAssets) {
    final List<SizeBand> rows = rowsFor(industry);
    if (rows.size() == 1) {
      return classify(rows.get(0), employees, revenue, totalAssets);
    }
    Classification larger = null;
    final List<String> each = new ArrayList<>();
    for (SizeBand row : rows) {
      final Classification c = classify(row, employees, revenue, totalAssets);
      each.add(row.name() + ": " + c.sizeClass());
      if (larger == null || c.sizeClass().ordinal() < larger.sizeClass().ordinal()) {
        larger = c;
      }
    }
    return new Classification(
        larger.sizeClass(),
        larger.band()
            + ", the larger class of division "
            + industry
            + "'s rows ("
            + String.join(", ", each)
            + ")");
  }

  private static Classification classify(
      SizeBand band, int employees, BigDecimal revenue, BigDecimal totalAssets) {
    for (SizeClass sizeClass : SizeClass.values()) {
      if (sizeClass == SizeClass.MICRO
          || meetsAll(band.lowerBounds(sizeClass), employees, revenue, totalAssets)) {
        return new Classification(sizeClass, band.name());
      }
    }
    throw new AssertionError("MICRO always matches");
  }

  /**
   * The rows that size an industry: the first row whose industries match it, or, for a bare
   * division code, the rows before it that name groups of that division.
   */
  List<SizeBand> rowsFor(IndustryCode industry) {
    final SizeBand first = bandFor(industry);
    if (industry.digits().length() != 2) {
      return List.of(first);
    }
    final List<SizeBand> groups = new ArrayList<>();
    for (SizeBand band : bands) {
      if (band == first) {
        break;
      }
      if (band.industries().stream().anyMatch(p -> namesGroupOf(p, industry))) {
        groups.add(band);
      }
    }
    return groups.isEmpty() ? List.of(first) : groups;
  }

  /** Whether a pattern names a group or class inside a bare division code, e.g. K701 in K70. */
  private static boolean namesGroupOf(IndustryPattern pattern, IndustryCode division) {
    return pattern.kind() == IndustryPattern.Kind.PREFIX
        && pattern.fromSection() == division.section()
        && pattern.prefix().length() > division.digits().length()
        && pattern.prefix().startsWith(division.digits());
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
