package cn.gxq.subsidy.app;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the dashboard must show, worked out independently from the API's {@code /totals} and {@code
 * /programmes}: the browser test compares the page with it.
 */
final class ExpectedDashboard {

  private final List<JsonNode> totals = new ArrayList<>();
  private final Map<String, String> kindOf = new LinkedHashMap<>();

  ExpectedDashboard(JsonNode totals, JsonNode programmes) {
    totals.forEach(this.totals::add);
    programmes.forEach(p -> kindOf.put(p.get("code").asText(), p.get("moneyKind").asText()));
  }

  /** The money kinds of the listed programmes, in listing order, each once. */
  List<String> kinds() {
    return kindOf.values().stream().distinct().toList();
  }

  /** Years in which a zone's own bucket received something that was not rejected. */
  List<Integer> offeredYears() {
    final TreeSet<Integer> years = new TreeSet<>();
    for (JsonNode t : totals) {
      if (isZoneBucket(t) && t.get("received").asLong() - t.get("rejected").asLong() > 0) {
        years.add(t.get("year").asInt());
      }
    }
    return List.copyOf(years);
  }

  /** Every year some totals mention. */
  List<Integer> mentionedYears() {
    final TreeSet<Integer> years = new TreeSet<>();
    totals.forEach(t -> years.add(t.get("year").asInt()));
    return List.copyOf(years);
  }

  /** Approved money of one kind in a year: the ALL sums of its programmes. */
  BigDecimal approved(String kind, int year) {
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    for (JsonNode t : totals) {
      if (t.get("year").asInt() == year && "ALL".equals(zone(t)) && kind.equals(kindOf(t))) {
        sum = sum.add(new BigDecimal(t.get("approvedAmount").asText()));
      }
    }
    return sum;
  }

  /** Approved applications of one kind in a year: the ALL counts of its programmes. */
  long approvedCount(String kind, int year) {
    long sum = 0;
    for (JsonNode t : totals) {
      if (t.get("year").asInt() == year && "ALL".equals(zone(t)) && kind.equals(kindOf(t))) {
        sum += t.get("approved").asLong();
      }
    }
    return sum;
  }

  /** Budget left of one kind: over its zones' budgeted buckets, none counted below 0. */
  BigDecimal budgetLeft(String kind, int year) {
    BigDecimal sum = BigDecimal.ZERO.setScale(2);
    for (JsonNode t : budgeted(kind, year, true)) {
      sum = sum.add(new BigDecimal(t.get("budgetRemaining").asText()).max(BigDecimal.ZERO));
    }
    return sum;
  }

  boolean hasBudget(String kind, int year) {
    return !budgeted(kind, year, true).isEmpty();
  }

  /** ZONE:PROGRAMME of every zone bucket of the year without a budget (recognitions aside). */
  List<String> unbudgetedBuckets(int year) {
    final List<String> out = new ArrayList<>();
    for (String kind : kinds()) {
      if (!"RECOGNITION".equals(kind)) {
        budgeted(kind, year, false)
            .forEach(t -> out.add(zone(t) + ":" + t.get("programme").asText()));
      }
    }
    return out;
  }

  private List<JsonNode> budgeted(String kind, int year, boolean withBudget) {
    final List<JsonNode> out = new ArrayList<>();
    for (JsonNode t : totals) {
      final boolean hasBudget = t.hasNonNull("budget");
      if (t.get("year").asInt() == year
          && isZoneBucket(t)
          && kind.equals(kindOf(t))
          && hasBudget == withBudget) {
        out.add(t);
      }
    }
    return out;
  }

  private String kindOf(JsonNode t) {
    return kindOf.getOrDefault(t.get("programme").asText(), "OTHER:" + t.get("programme").asText());
  }

  private static boolean isZoneBucket(JsonNode t) {
    return !"ALL".equals(zone(t)) && !"UNKNOWN".equals(zone(t));
  }

  private static String zone(JsonNode t) {
    return t.get("zone").asText();
  }
}
