package cn.gxq.subsidy.policy;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns one policy file into a {@link Policy}, checking every entry. Fields named {@code source} or
 * {@code note} are documentation for people and are not read.
 */
final class PolicyParser {
  static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

  private static final BigDecimal ZERO = BigDecimal.ZERO;
  private static final BigDecimal ONE = BigDecimal.ONE;

  /** Rates are fractions (0.75 = 75%); 5 leaves room for any real rate while catching "75". */
  private static final BigDecimal MAX_RATE = new BigDecimal("5");

  private static final BigDecimal MAX_MONEY = new BigDecimal("9999999999999999.99");

  private PolicyParser() {}

  static Policy parse(PolicyNode root) {
    root.allowOnly(
        "version",
        "effectiveFrom",
        "sources",
        "title",
        "note",
        "source",
        "calendar",
        "enterprise",
        "sizeClasses",
        "rentRelief",
        "rdDeduction",
        "innovationLoan",
        "programmes");
    PolicyNode versionNode =
        root.optional("version").orElseThrow(() -> root.fail("version: is missing"));
    String version = versionNode.asText();
    if (!VERSION.matcher(version).matches()) {
      throw versionNode.fail("must be numbers separated by dots, e.g. 2022.1, was " + version);
    }
    return new Policy(
        version,
        timeZone(root.object("calendar")),
        enterprise(root.object("enterprise")),
        sizeBands(root.object("sizeClasses")),
        rentRelief(root.object("rentRelief")),
        rdDeduction(root.object("rdDeduction")),
        innovationLoan(root.object("innovationLoan")),
        effectiveFrom(root),
        root.array("sources").stream().map(PolicyNode::asText).toList(),
        root.sections("programmes"));
  }

  private static LocalDate effectiveFrom(PolicyNode root) {
    String text = root.text("effectiveFrom");
    try {
      return LocalDate.parse(text);
    } catch (DateTimeException e) {
      throw root.optional("effectiveFrom")
          .orElseThrow()
          .fail("must be a date YYYY-MM-DD, was " + text);
    }
  }

  private static ZoneId timeZone(PolicyNode node) {
    node.allowOnly("timeZone", "note", "source");
    String zone = node.text("timeZone");
    try {
      return ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw node.optional("timeZone").orElseThrow().fail("unknown time zone " + zone);
    }
  }

  private static EnterprisePolicy enterprise(PolicyNode node) {
    node.allowOnly(
        "individualBusinessTypePrefix",
        "manufacturing",
        "highTechCertificate",
        "incomeTax",
        "note",
        "source");
    PolicyNode prefixNode =
        node.optional("individualBusinessTypePrefix")
            .orElseThrow(() -> node.fail("individualBusinessTypePrefix: is missing"));
    String prefix = prefixNode.asText();
    if (!prefix.matches("[0-9A-HJ-NP-RTUWXY]{2}")) {
      throw prefixNode.fail("must be two USCC characters, e.g. 92, was " + prefix);
    }
    PolicyNode cert =
        node.object("highTechCertificate").allowOnly("validityYears", "note", "source");
    PolicyNode tax =
        node.object("incomeTax").allowOnly("standardRate", "highTechRate", "note", "source");
    return new EnterprisePolicy(
        prefix,
        node.industries("manufacturing"),
        cert.integer("validityYears", 1, 10),
        tax.decimal("standardRate", ZERO, ONE),
        tax.decimal("highTechRate", ZERO, ONE));
  }

  private static List<SizeBand> sizeBands(PolicyNode node) {
    node.allowOnly("bands", "note", "source");
    List<PolicyNode> bands = node.array("bands");
    List<SizeBand> out = new ArrayList<>();
    for (int i = 0; i < bands.size(); i++) {
      PolicyNode band =
          bands
              .get(i)
              .allowOnly("name", "industries", "large", "medium", "small", "note", "source");
      List<IndustryPattern> industries = band.industries("industries");
      boolean catchAll = industries.stream().anyMatch(p -> p.kind() == IndustryPattern.Kind.ANY);
      if (catchAll != (i == bands.size() - 1)) {
        throw band.fail(
            catchAll
                ? "\"*\" (all others) must be the last band"
                : "industries: the last band must be \"*\" (all others)");
      }
      Map<SizeMeasure, BigDecimal> large = thresholds(band.object("large"));
      Map<SizeMeasure, BigDecimal> medium = thresholds(band.object("medium"));
      Map<SizeMeasure, BigDecimal> small = thresholds(band.object("small"));
      if (!large.keySet().equals(medium.keySet()) || !medium.keySet().equals(small.keySet())) {
        throw band.fail("large, medium and small must use the same measures");
      }
      for (SizeMeasure m : large.keySet()) {
        if (large.get(m).compareTo(medium.get(m)) < 0
            || medium.get(m).compareTo(small.get(m)) < 0) {
          throw band.fail(
              m.name().toLowerCase(java.util.Locale.ROOT)
                  + ": lower bounds must not increase from large to medium to small");
        }
      }
      out.add(new SizeBand(band.text("name"), industries, large, medium, small));
    }
    return out;
  }

  private static Map<SizeMeasure, BigDecimal> thresholds(PolicyNode node) {
    node.allowOnly("staff", "revenue", "assets");
    Map<SizeMeasure, BigDecimal> out = new EnumMap<>(SizeMeasure.class);
    node.optional("staff")
        .ifPresent(
            n -> out.put(SizeMeasure.STAFF, BigDecimal.valueOf(n.asInt(1, Integer.MAX_VALUE))));
    node.optional("revenue")
        .ifPresent(n -> out.put(SizeMeasure.REVENUE, n.asDecimal(ONE, MAX_MONEY)));
    node.optional("assets")
        .ifPresent(n -> out.put(SizeMeasure.ASSETS, n.asDecimal(ONE, MAX_MONEY)));
    if (out.isEmpty()) {
      throw node.fail("needs at least one of staff, revenue, assets");
    }
    return out;
  }

  private static RentReliefPolicy rentRelief(PolicyNode node) {
    node.allowOnly(
        "years",
        "serviceIndustries",
        "eligibleSizeClasses",
        "individualBusinessMustBeServiceIndustry",
        "note",
        "source");
    List<RentReliefYear> years = new ArrayList<>();
    for (PolicyNode y : node.array("years")) {
      y.allowOnly("year", "reliefMonths", "riskAreaReliefMonths", "note", "source");
      int year = y.integer("year", 1900, 2999);
      if (years.stream().anyMatch(r -> r.year() == year)) {
        throw y.fail("year " + year + " listed twice");
      }
      int months = y.integer("reliefMonths", 0, 12);
      years.add(new RentReliefYear(year, months, y.integer("riskAreaReliefMonths", months, 12)));
    }
    Set<SizeClass> classes = EnumSet.noneOf(SizeClass.class);
    for (PolicyNode c : node.array("eligibleSizeClasses")) {
      try {
        classes.add(SizeClass.valueOf(c.asText()));
      } catch (IllegalArgumentException e) {
        throw c.fail("must be one of LARGE, MEDIUM, SMALL, MICRO, was " + c.asText());
      }
    }
    return new RentReliefPolicy(
        years,
        node.industries("serviceIndustries"),
        classes,
        node.bool("individualBusinessMustBeServiceIndustry"));
  }

  private static RdDeductionPolicy rdDeduction(PolicyNode node) {
    node.allowOnly(
        "taxYears",
        "rates",
        "otherRelatedRatio",
        "overseas",
        "equipmentExtras",
        "excludedIndustries",
        "excludedIncomeShareLimit",
        "note",
        "source");
    YearRange taxYears = node.years("taxYears");
    List<RdRate> rates = new ArrayList<>();
    for (PolicyNode r : node.array("rates")) {
      r.allowOnly("taxYears", "kind", "rate", "latePeriod", "note", "source");
      YearRange years = r.years("taxYears");
      RdEnterpriseKind kind;
      try {
        kind = RdEnterpriseKind.valueOf(r.text("kind"));
      } catch (IllegalArgumentException e) {
        throw r.optional("kind")
            .orElseThrow()
            .fail("must be one of MANUFACTURING, TECH_SME, OTHER, was " + r.text("kind"));
      }
      BigDecimal rate = r.decimal("rate", ZERO, MAX_RATE);
      PeriodRate late = null;
      if (r.optional("latePeriod").isPresent()) {
        PolicyNode p = r.object("latePeriod").allowOnly("from", "to", "rate", "note", "source");
        late = new PeriodRate(p.date("from"), p.date("to"), p.decimal("rate", ZERO, MAX_RATE));
        requireWholeMonthsAtYearEnd(p, late.from(), late.to());
        if (years.to() == null
            || years.from() != years.to()
            || years.from() != late.from().getYear()) {
          throw p.fail(
              "a late period needs a row for its single tax year "
                  + late.from().getYear()
                  + ", row covers "
                  + years);
        }
      }
      for (RdRate earlier : rates) {
        if (earlier.kind() == kind && earlier.taxYears().overlaps(years)) {
          throw r.fail(
              "tax years "
                  + years
                  + " overlap an earlier "
                  + kind
                  + " row for "
                  + earlier.taxYears());
        }
      }
      rates.add(
          new RdRate(
              years, kind, rate, late, r.optional("source").map(PolicyNode::asText).orElse("")));
    }
    // Every supported tax year needs a rate for every kind, or a decision could find none.
    int lastExplicit =
        rates.stream()
            .mapToInt(
                r ->
                    Math.max(
                        r.taxYears().from(), r.taxYears().to() == null ? 0 : r.taxYears().to()))
            .max()
            .orElse(taxYears.from());
    int lastToCheck =
        taxYears.to() != null ? taxYears.to() : Math.max(lastExplicit, taxYears.from()) + 1;
    for (int year = taxYears.from(); year <= lastToCheck; year++) {
      for (RdEnterpriseKind kind : RdEnterpriseKind.values()) {
        final int y = year;
        if (rates.stream().noneMatch(r -> r.kind() == kind && r.taxYears().contains(y))) {
          throw node.fail(
              "rates: no " + kind + " rate for tax year " + year + ", which taxYears supports");
        }
      }
    }
    PolicyNode overseas =
        node.object("overseas").allowOnly("costShare", "capShareOfDomestic", "note", "source");
    List<EquipmentExtra> extras = new ArrayList<>();
    for (PolicyNode e : node.array("equipmentExtras")) {
      e.allowOnly("from", "to", "extraRate", "note", "source");
      LocalDate from = e.date("from");
      LocalDate to = e.date("to");
      if (to.isBefore(from) || to.getYear() != from.getYear()) {
        throw e.fail("from " + from + " to " + to + " must be in order and within one tax year");
      }
      if (extras.stream().anyMatch(x -> x.taxYear() == from.getYear())) {
        throw e.fail("tax year " + from.getYear() + " listed twice");
      }
      extras.add(new EquipmentExtra(from, to, e.decimal("extraRate", ZERO, MAX_RATE)));
    }
    return new RdDeductionPolicy(
        taxYears,
        rates,
        node.decimal("otherRelatedRatio", ZERO, new BigDecimal("0.99")),
        overseas.decimal("costShare", ZERO, ONE),
        overseas.fraction("capShareOfDomestic", ZERO, MAX_RATE),
        extras,
        node.industries("excludedIndustries"),
        node.decimal("excludedIncomeShareLimit", ZERO, ONE));
  }

  private static void requireWholeMonthsAtYearEnd(PolicyNode node, LocalDate from, LocalDate to) {
    boolean ok =
        from.getDayOfMonth() == 1
            && to.getMonthValue() == 12
            && to.getDayOfMonth() == 31
            && from.getYear() == to.getYear();
    if (!ok) {
      throw node.fail(
          "must run from the first day of a month to 31 December of the same year, was "
              + from
              + ".."
              + to);
    }
  }

  private static InnovationLoanPolicy innovationLoan(PolicyNode node) {
    node.allowOnly(
        "years",
        "termMonths",
        "maxScore",
        "groups",
        "indicators",
        "tiers",
        "projectDefault",
        "note",
        "source");
    YearRange years = node.years("years");
    PolicyNode term = node.object("termMonths").allowOnly("min", "max", "note");
    int minTerm = term.integer("min", 1, 1200);
    int maxTerm = term.integer("max", minTerm, 1200);
    int maxScore = node.integer("maxScore", 1, 10000);
    PolicyNode groupsNode = node.object("groups");
    Map<String, Integer> groups = new LinkedHashMap<>();
    for (String g : groupsNode.fieldNames()) {
      groups.put(g, groupsNode.integer(g, 0, maxScore));
    }
    if (groups.values().stream().mapToInt(Integer::intValue).sum() != maxScore) {
      throw groupsNode.fail(
          "group maxima must add up to maxScore "
              + maxScore
              + ", add up to "
              + groups.values().stream().mapToInt(Integer::intValue).sum());
    }
    Map<LoanIndicator, ScoringIndicator> indicators = new EnumMap<>(LoanIndicator.class);
    Map<String, Integer> groupPoints = new LinkedHashMap<>();
    for (PolicyNode i : node.array("indicators")) {
      i.allowOnly("key", "group", "bands", "note", "source");
      String key = i.text("key");
      LoanIndicator indicator =
          LoanIndicator.byKey(key).orElseThrow(() -> i.fail("key: unknown indicator " + key));
      if (indicators.containsKey(indicator)) {
        throw i.fail("key: indicator " + key + " listed twice");
      }
      String group = i.text("group");
      if (!groups.containsKey(group)) {
        throw i.fail("group: " + group + " is not one of the groups " + groups.keySet());
      }
      List<ScoreBand> bands = new ArrayList<>();
      for (PolicyNode b : i.array("bands")) {
        b.allowOnly("atLeast", "above", "points");
        boolean inclusive = b.optional("atLeast").isPresent();
        if (inclusive == b.optional("above").isPresent()) {
          throw b.fail("needs exactly one of atLeast, above");
        }
        BigDecimal threshold =
            b.decimal(inclusive ? "atLeast" : "above", MAX_MONEY.negate(), MAX_MONEY);
        ScoreBand band = new ScoreBand(threshold, inclusive, b.integer("points", 1, maxScore));
        if (!bands.isEmpty()) {
          ScoreBand previous = bands.get(bands.size() - 1);
          if (previous.threshold().compareTo(threshold) <= 0
              || previous.points() <= band.points()) {
            throw b.fail("bands must go from the highest threshold and points to the lowest");
          }
        }
        bands.add(band);
      }
      ScoringIndicator scoring = new ScoringIndicator(indicator, group, bands);
      indicators.put(indicator, scoring);
      groupPoints.merge(group, scoring.maxPoints(), Integer::sum);
    }
    for (LoanIndicator indicator : LoanIndicator.values()) {
      if (!indicators.containsKey(indicator)) {
        throw node.fail(
            "indicators: " + indicator.key() + " is missing (give it no bands to switch it off)");
      }
    }
    for (Map.Entry<String, Integer> g : groups.entrySet()) {
      int points = groupPoints.getOrDefault(g.getKey(), 0);
      if (points > g.getValue()) {
        throw node.fail(
            "indicators: group "
                + g.getKey()
                + " can score "
                + points
                + " points, more than its maximum "
                + g.getValue());
      }
    }
    List<CreditTier> tiers = new ArrayList<>();
    for (PolicyNode t : node.array("tiers")) {
      t.allowOnly("name", "minScore", "cap", "note");
      CreditTier tier =
          new CreditTier(
              t.text("name"),
              t.integer("minScore", 0, maxScore),
              t.decimal("cap", ZERO, MAX_MONEY));
      if (!tiers.isEmpty() && tiers.get(tiers.size() - 1).minScore() <= tier.minScore()) {
        throw t.fail("tiers must go from the highest minScore to the lowest");
      }
      tiers.add(tier);
    }
    if (tiers.isEmpty()) {
      throw node.fail("tiers: at least one tier is needed");
    }
    return new InnovationLoanPolicy(years, minTerm, maxTerm, maxScore, groups, indicators, tiers);
  }
}
