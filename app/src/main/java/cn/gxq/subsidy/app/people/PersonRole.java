package cn.gxq.subsidy.app.people;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The roles of people on the HTTP API (contract, "HTTP API"); the public needs none. */
public enum PersonRole {
  /** A zone officer: the applications, histories and decisions of their own zones. */
  OFFICER,
  /** Finance staff: every decision, the totals, movements and reconciliation. */
  FINANCE,
  /** A policy analyst: what-if results and totals. */
  ANALYST,
  /** An auditor: everything, read-only, including the access log. */
  AUDITOR,
  /** An operator: the metrics. */
  OPERATOR;

  /** The name people and files use: {@code officer}, {@code finance}, … */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role of a label, or a message naming the known ones. */
  public static PersonRole named(String label) {
    for (PersonRole role : values()) {
      if (role.label().equals(label)) {
        return role;
      }
    }
    throw new IllegalArgumentException("unknown role '" + label + "'; known: " + labels());
  }

  public static String labels() {
    return Arrays.stream(values()).map(PersonRole::label).collect(Collectors.joining(", "));
  }
}
