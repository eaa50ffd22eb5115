package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.policy.PolicyBook;
import cn.gxq.subsidy.policy.SizeBand;
import cn.gxq.subsidy.policy.SizeClass;
import cn.gxq.subsidy.policy.SizeMeasure;
import cn.gxq.subsidy.rules.IndustryCode;
import cn.gxq.subsidy.rules.SizeClassifier;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The size thresholds of 工信部联企业〔2011〕300号 by industry, read from the policy (its {@code
 * sizeClasses} table), used both ways: to draw staff, revenue and assets that land in a wanted
 * class, and to classify an enterprise as the rules do. A policy edit moves the demo with it.
 */
final class SizeTable {
  private static final SizeClassifier CLASSIFIER =
      new SizeClassifier(PolicyBook.loadDefault().current().sizeBands());

  /** Lower bounds of one class; null where the industry does not measure it. */
  record Bounds(Long staff, Long revenue, Long assets) {}

  /** Lower bounds of small, medium and large for one group of industries. */
  record Band(String name, Bounds small, Bounds medium, Bounds large) {
    Bounds lower(SizeClass c) {
      return switch (c) {
        case MICRO -> null;
        case SMALL -> small;
        case MEDIUM -> medium;
        case LARGE -> large;
      };
    }
  }

  /** Staff, revenue and assets of an enterprise. */
  record Figures(int staff, BigDecimal revenue, BigDecimal assets) {}

  private static final long WAN = 10_000;

  private SizeTable() {}

  /** The row of the policy's size table the industry falls in. */
  static Band bandOf(String industryCode) {
    SizeBand band = CLASSIFIER.bandFor(industry(industryCode));
    return new Band(band.name(), bounds(band.small()), bounds(band.medium()), bounds(band.large()));
  }

  private static Bounds bounds(Map<SizeMeasure, BigDecimal> lower) {
    return new Bounds(
        whole(lower.get(SizeMeasure.STAFF)),
        whole(lower.get(SizeMeasure.REVENUE)),
        whole(lower.get(SizeMeasure.ASSETS)));
  }

  private static Long whole(BigDecimal bound) {
    return bound == null ? null : bound.longValueExact();
  }

  private static IndustryCode industry(String code) {
    return IndustryCode.parse(code)
        .orElseThrow(() -> new IllegalArgumentException("not an industry code: " + code));
  }

  /** The class an enterprise falls in, as the rules classify it. */
  static SizeClass classify(String industryCode, int staff, BigDecimal revenue, BigDecimal assets) {
    return CLASSIFIER.classify(industry(industryCode), staff, revenue, assets).sizeClass();
  }

  /**
   * Figures inside {@code target}: every measured figure lies between the class's lower bound and
   * the next class's, so the class is met and the next one missed on every measure. Unmeasured
   * figures follow from the measured ones by typical ratios.
   */
  static Figures draw(Draw draw, String industryCode, SizeClass target) {
    Band band = bandOf(industryCode);
    Bounds lower = band.lower(target);
    Bounds upper = target == SizeClass.LARGE ? null : band.lower(larger(target));
    Bounds small = band.small();

    Long staffLo = lower == null ? Long.valueOf(1) : lower.staff();
    Long staffHi = upper == null ? (staffLo == null ? null : staffLo * 4) : upper.staff();
    Long revLo = lower == null ? floor(small.revenue(), 5) : lower.revenue();
    Long revHi = upper == null ? (revLo == null ? null : revLo * 4) : upper.revenue();
    Long assetsLo = lower == null ? floor(small.assets(), 10) : lower.assets();
    Long assetsHi = upper == null ? (assetsLo == null ? null : assetsLo * 3) : upper.assets();

    Integer staff =
        staffHi == null || staffLo == null
            ? null
            : (int) Math.floor(draw.logUniform(staffLo, staffHi));
    BigDecimal revenue = revHi == null || revLo == null ? null : money(draw, revLo, revHi);
    BigDecimal assets =
        assetsHi == null || assetsLo == null ? null : money(draw, assetsLo, assetsHi);

    // Derive what the industry does not measure from what it does.
    if (staff == null) {
      double perHead = draw.uniform(30 * WAN, 150 * WAN);
      double basis = revenue != null ? revenue.doubleValue() : assets.doubleValue() / 2;
      staff = (int) Math.max(1, Math.min(5000, Math.round(basis / perHead)));
    }
    if (revenue == null) {
      double perHead = draw.uniform(15 * WAN, 80 * WAN);
      revenue = Money.yuan(Math.floor(staff * perHead));
    }
    if (assets == null) {
      assets = Money.yuan(Math.floor(revenue.doubleValue() * draw.uniform(0.4, 1.8)));
    }
    return new Figures(staff, revenue, assets);
  }

  private static SizeClass larger(SizeClass sizeClass) {
    return switch (sizeClass) {
      case MICRO -> SizeClass.SMALL;
      case SMALL -> SizeClass.MEDIUM;
      case MEDIUM -> SizeClass.LARGE;
      case LARGE -> throw new IllegalArgumentException("LARGE is the largest class");
    };
  }

  private static Long floor(Long smallBound, int divisor) {
    return smallBound == null ? null : Math.max(5 * WAN, smallBound / divisor);
  }

  /** Whole yuan plus fen in [lo, hi), so rounding never lifts a figure into the next class. */
  private static BigDecimal money(Draw draw, long lo, long hi) {
    double yuan = Math.floor(draw.logUniform((double) lo, (double) (hi - 1)));
    return Money.yuan(yuan + draw.nextInt(100) / 100.0);
  }
}
