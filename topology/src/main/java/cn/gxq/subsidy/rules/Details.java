package cn.gxq.subsidy.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures behind an outcome, as plain strings a clerk can re-check by hand. */
final class Details {
  private final Map<String, String> values = new LinkedHashMap<>();

  Details text(String key, Object value) {
    values.put(key, value == null ? "none" : String.valueOf(value));
    return this;
  }

  /** Money: plain string with 2 decimals. */
  Details money(String key, BigDecimal amount) {
    values.put(key, Money.format(amount));
    return this;
  }

  /** A rate or share as the policy gives it, e.g. {@code 0.75}. */
  Details rate(String key, BigDecimal rate) {
    values.put(key, rate.toPlainString());
    return this;
  }

  Map<String, String> asMap() {
    return values;
  }
}
