package cn.gxq.subsidy.policy;

/**
 * Inclusive range of years; {@code to} null means open-ended ("2023 on").
 *
 * @param from first year
 * @param to last year, or null when the rule has no end date
 */
public record YearRange(int from, Integer to) {
  public YearRange {
    if (to != null && to < from) {
      throw new IllegalArgumentException("to " + to + " before from " + from);
    }
  }

  public boolean contains(int year) {
    return year >= from && (to == null || year <= to);
  }

  public boolean overlaps(YearRange other) {
    boolean thisEndsBefore = to != null && to < other.from;
    boolean otherEndsBefore = other.to != null && other.to < from;
    return !thisEndsBefore && !otherEndsBefore;
  }

  @Override
  public String toString() {
    if (to == null) {
      return from + " onwards";
    }
    return from == to ? Integer.toString(from) : from + "–" + to;
  }
}
