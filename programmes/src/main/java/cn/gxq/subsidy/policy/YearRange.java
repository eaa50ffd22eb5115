package cn.gxq.subsidy.policy;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * Inclusive range of years; {@code to} null means open-ended ("2023 on"). In policy files: {@code
 * {"from": 2018, "to": 2020}}, {@code to} left out when open-ended.
 *
 * @param from first year
 * @param to last year, or null when the rule has no end date
 */
public record YearRange(int from, @JsonSetter(nulls = Nulls.SET) Integer to) {
  public YearRange {
    PolicyChecks.requireYear("from", from);
    if (to != null) {
      PolicyChecks.requireBetween("to", to, from, 2999);
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
