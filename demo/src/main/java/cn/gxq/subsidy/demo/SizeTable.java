package cn.gxq.subsidy.demo;

import java.math.BigDecimal;

/**
 * The size thresholds of 工信部联企业〔2011〕300号 by industry (domain.md), used both ways: to draw staff,
 * revenue and assets that land in a wanted class, and to classify an enterprise.
 */
final class SizeTable {
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
  private static final long YI = 100_000_000;

  private SizeTable() {}

  static Band bandOf(String industryCode) {
    char s = industryCode.charAt(0);
    int division = Integer.parseInt(industryCode.substring(1, 3));
    if (s == 'A' && division <= 5) {
      return band("agriculture", null, 50 * WAN, null, null, 500 * WAN, null, null, 2 * YI, null);
    }
    if ((s == 'B' || s == 'C' || s == 'D') && division >= 6 && division <= 46) {
      return band("industry", 20L, 300 * WAN, null, 300L, 2000 * WAN, null, 1000L, 4 * YI, null);
    }
    if (s == 'E' && division >= 47 && division <= 50) {
      return band(
          "construction",
          null,
          300 * WAN,
          300 * WAN,
          null,
          6000 * WAN,
          5000 * WAN,
          null,
          8 * YI,
          8 * YI);
    }
    if (industryCode.startsWith("F51")) {
      return band("wholesale", 5L, 1000 * WAN, null, 20L, 5000 * WAN, null, 200L, 4 * YI, null);
    }
    if (industryCode.startsWith("F52")) {
      return band("retail", 10L, 100 * WAN, null, 50L, 500 * WAN, null, 300L, 2 * YI, null);
    }
    if (s == 'G' && division >= 53 && division <= 58) {
      return band("transport", 20L, 200 * WAN, null, 300L, 3000 * WAN, null, 1000L, 3 * YI, null);
    }
    if (s == 'G' && division == 59) {
      return band("storage", 20L, 100 * WAN, null, 100L, 1000 * WAN, null, 200L, 3 * YI, null);
    }
    if (s == 'G' && division == 60) {
      return band("post", 20L, 100 * WAN, null, 300L, 2000 * WAN, null, 1000L, 3 * YI, null);
    }
    if (s == 'H' && (division == 61 || division == 62)) {
      return band(
          "accommodation and catering",
          10L,
          100 * WAN,
          null,
          100L,
          2000 * WAN,
          null,
          300L,
          1 * YI,
          null);
    }
    if (s == 'I' && (division == 63 || division == 64)) {
      return band(
          "information transmission",
          10L,
          100 * WAN,
          null,
          100L,
          1000 * WAN,
          null,
          2000L,
          10 * YI,
          null);
    }
    if (s == 'I' && division == 65) {
      return band(
          "software and IT services",
          10L,
          50 * WAN,
          null,
          100L,
          1000 * WAN,
          null,
          300L,
          1 * YI,
          null);
    }
    if (industryCode.startsWith("K701")) {
      return band(
          "real-estate development",
          null,
          100 * WAN,
          2000 * WAN,
          null,
          1000 * WAN,
          5000 * WAN,
          null,
          20 * YI,
          1 * YI);
    }
    if (industryCode.startsWith("K702")) {
      return band(
          "property management",
          100L,
          500 * WAN,
          null,
          300L,
          1000 * WAN,
          null,
          1000L,
          5000 * WAN,
          null);
    }
    if (s == 'L' && (division == 71 || division == 72)) {
      return band(
          "leasing and business services",
          10L,
          null,
          100 * WAN,
          100L,
          null,
          8000 * WAN,
          300L,
          null,
          12 * YI);
    }
    return band("all others", 10L, null, null, 100L, null, null, 300L, null, null);
  }

  private static Band band(
      String name,
      Long smallStaff,
      Long smallRevenue,
      Long smallAssets,
      Long mediumStaff,
      Long mediumRevenue,
      Long mediumAssets,
      Long largeStaff,
      Long largeRevenue,
      Long largeAssets) {
    return new Band(
        name,
        new Bounds(smallStaff, smallRevenue, smallAssets),
        new Bounds(mediumStaff, mediumRevenue, mediumAssets),
        new Bounds(largeStaff, largeRevenue, largeAssets));
  }

  /** The class an enterprise falls in: the largest whose every lower bound it meets. */
  static SizeClass classify(String industryCode, int staff, BigDecimal revenue, BigDecimal assets) {
    Band band = bandOf(industryCode);
    for (SizeClass c : new SizeClass[] {SizeClass.LARGE, SizeClass.MEDIUM, SizeClass.SMALL}) {
      Bounds b = band.lower(c);
      boolean meets =
          (b.staff() == null || staff >= b.staff())
              && (b.revenue() == null || revenue.compareTo(BigDecimal.valueOf(b.revenue())) >= 0)
              && (b.assets() == null || assets.compareTo(BigDecimal.valueOf(b.assets())) >= 0);
      if (meets) {
        return c;
      }
    }
    return SizeClass.MICRO;
  }

  /**
   * Figures inside {@code target}: every measured figure lies between the class's lower bound and
   * the next class's, so the class is met and the next one missed on every measure. Unmeasured
   * figures follow from the measured ones by typical ratios.
   */
  static Figures draw(Draw draw, String industryCode, SizeClass target) {
    Band band = bandOf(industryCode);
    Bounds lower = band.lower(target);
    Bounds upper =
        target == SizeClass.LARGE ? null : band.lower(SizeClass.values()[target.ordinal() + 1]);
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

  private static Long floor(Long smallBound, int divisor) {
    return smallBound == null ? null : Math.max(5 * WAN, smallBound / divisor);
  }

  /** Whole yuan plus fen in [lo, hi), so rounding never lifts a figure into the next class. */
  private static BigDecimal money(Draw draw, long lo, long hi) {
    double yuan = Math.floor(draw.logUniform((double) lo, (double) (hi - 1)));
    return Money.yuan(yuan + draw.nextInt(100) / 100.0);
  }
}
