package cn.gxq.subsidy.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A JSON node that knows its file and path, so every load error names the bad entry. */
final class PolicyNode {
  private final String file;
  private final String path;
  private final JsonNode json;

  private PolicyNode(String file, String path, JsonNode json) {
    this.file = file;
    this.path = path;
    this.json = json;
  }

  static PolicyNode root(String file, JsonNode json) {
    PolicyNode root = new PolicyNode(file, "", json);
    if (!json.isObject()) {
      throw root.fail("must be a JSON object");
    }
    return root;
  }

  String path() {
    return path;
  }

  PolicyException fail(String message) {
    return new PolicyException(file + ": " + (path.isEmpty() ? "" : path + ": ") + message);
  }

  private String childPath(String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** Rejects unknown fields, so that a misspelt key is not silently ignored. */
  PolicyNode allowOnly(String... names) {
    Set<String> allowed = Set.of(names);
    Iterator<String> it = json.fieldNames();
    while (it.hasNext()) {
      String name = it.next();
      if (!allowed.contains(name)) {
        throw new PolicyNode(file, childPath(name), json.get(name))
            .fail("unknown field (expected one of " + String.join(", ", names) + ")");
      }
    }
    return this;
  }

  Optional<PolicyNode> optional(String name) {
    JsonNode child = json.get(name);
    if (child == null || child.isNull()) {
      return Optional.empty();
    }
    return Optional.of(new PolicyNode(file, childPath(name), child));
  }

  PolicyNode object(String name) {
    PolicyNode child = optional(name).orElseThrow(() -> missing(name));
    if (!child.json.isObject()) {
      throw child.fail("must be an object");
    }
    return child;
  }

  List<PolicyNode> array(String name) {
    PolicyNode child = optional(name).orElseThrow(() -> missing(name));
    if (!child.json.isArray()) {
      throw child.fail("must be an array");
    }
    List<PolicyNode> out = new ArrayList<>();
    for (int i = 0; i < child.json.size(); i++) {
      out.add(new PolicyNode(file, child.path + "[" + i + "]", child.json.get(i)));
    }
    return out;
  }

  /** The programmes' own sections, each left for its programme to bind; absent means none. */
  PolicySections sections(String name) {
    Optional<PolicyNode> child = optional(name);
    if (child.isEmpty()) {
      return PolicySections.none(file);
    }
    if (!child.get().json.isObject()) {
      throw child.get().fail("must be an object");
    }
    Map<String, JsonNode> sections = new LinkedHashMap<>();
    child.get().json.fields().forEachRemaining(e -> sections.put(e.getKey(), e.getValue()));
    return new PolicySections(file, sections);
  }

  /** The fields of an object, in file order. */
  List<String> fieldNames() {
    List<String> names = new ArrayList<>();
    json.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private PolicyException missing(String name) {
    return new PolicyNode(file, childPath(name), null).fail("is missing");
  }

  String text(String name) {
    PolicyNode child = optional(name).orElseThrow(() -> missing(name));
    return child.asText();
  }

  /** This node as non-blank text. */
  String asText() {
    if (!json.isTextual() || json.asText().isBlank()) {
      throw fail("must be a non-blank string, was " + json);
    }
    return json.asText();
  }

  boolean bool(String name) {
    PolicyNode child = optional(name).orElseThrow(() -> missing(name));
    if (!child.json.isBoolean()) {
      throw child.fail("must be true or false, was " + child.json);
    }
    return child.json.booleanValue();
  }

  int integer(String name, int min, int max) {
    return optional(name).orElseThrow(() -> missing(name)).asInt(min, max);
  }

  int asInt(int min, int max) {
    if (!json.isIntegralNumber() || !json.canConvertToInt()) {
      throw fail("must be a whole number, was " + json);
    }
    int value = json.intValue();
    if (value < min || value > max) {
      throw fail("must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  BigDecimal decimal(String name, BigDecimal min, BigDecimal max) {
    return optional(name).orElseThrow(() -> missing(name)).asDecimal(min, max);
  }

  /** A number, or a string holding one (so money may be written "20000000.00"). */
  BigDecimal asDecimal(BigDecimal min, BigDecimal max) {
    BigDecimal value;
    if (json.isNumber()) {
      value = json.decimalValue();
    } else if (json.isTextual()) {
      try {
        value = new BigDecimal(json.asText().trim());
      } catch (NumberFormatException e) {
        throw fail("must be a number, was " + json);
      }
    } else {
      throw fail("must be a number, was " + json);
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw fail(
          "must be between "
              + min.toPlainString()
              + " and "
              + max.toPlainString()
              + ", was "
              + value.toPlainString());
    }
    return value;
  }

  /** A number, or a string {@code "a/b"}; the value must lie in [min, max]. */
  Fraction fraction(String name, BigDecimal min, BigDecimal max) {
    PolicyNode child = optional(name).orElseThrow(() -> missing(name));
    Fraction fraction;
    if (child.json.isTextual() && child.json.asText().contains("/")) {
      String[] parts = child.json.asText().split("/", -1);
      try {
        fraction = new Fraction(new BigDecimal(parts[0].trim()), new BigDecimal(parts[1].trim()));
      } catch (RuntimeException e) {
        throw child.fail(
            "must be a number or a fraction like \"2/3\" with a positive denominator, was "
                + child.json);
      }
    } else {
      fraction = new Fraction(child.asDecimal(min, max), BigDecimal.ONE);
    }
    BigDecimal value = fraction.of(BigDecimal.ONE);
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw child.fail(
          "must be between "
              + min.toPlainString()
              + " and "
              + max.toPlainString()
              + ", was "
              + fraction);
    }
    return fraction;
  }

  LocalDate date(String name) {
    PolicyNode child = optional(name).orElseThrow(() -> missing(name));
    try {
      return LocalDate.parse(child.asText());
    } catch (DateTimeParseException e) {
      throw child.fail("must be a date YYYY-MM-DD, was " + child.json);
    }
  }

  /** {@code {"from": 2018, "to": 2020}}; {@code to} absent or null means open-ended. */
  YearRange years(String name) {
    PolicyNode node = object(name).allowOnly("from", "to");
    int from = node.integer("from", 1900, 2999);
    Integer to = node.optional("to").isPresent() ? node.integer("to", from, 2999) : null;
    return new YearRange(from, to);
  }

  List<IndustryPattern> industries(String name) {
    List<IndustryPattern> out = new ArrayList<>();
    for (PolicyNode element : array(name)) {
      try {
        out.add(IndustryPattern.parse(element.asText()));
      } catch (IllegalArgumentException e) {
        throw element.fail(e.getMessage());
      }
    }
    return out;
  }
}
