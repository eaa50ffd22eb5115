package cn.gxq.subsidy.rules;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** The figures behind an outcome, as plain strings a clerk can re-check by hand. */
public final class Details {
  private final Map<String, String> values = new LinkedHashMap<>();

  public Details text(String key, Object value) {
    values.put(key, value == null ? "none" : String.valueOf(value));
    return this;
  }

  /** Money: plain string with 2 decimals. */
  public Details money(String key, BigDecimal amount) {
    values.put(key, Money.format(amount));
    return this;
  }

  /** A rate or share with at least 2 decimals, e.g. {@code 0.75}, {@code 1.00}, {@code 0.5001}. */
  public Details rate(String key, BigDecimal rate) {
    BigDecimal stripped = rate.stripTrailingZeros();
    values.put(key, (stripped.scale() < 2 ? stripped.setScale(2) : stripped).toPlainString());
    return this;
  }

  public Map<String, String> asMap() {
    return values;
  }
}
