package cn.gxq.subsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.programme.Rulebook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * docs/decision-details.md explains every key a decision's {@code details} can hold: every key
 * written in the rules' and the ledger's sources, and every key the rules write over thousands of
 * the demo's applications (valid, invalid, unregistered, ineligible), which also catches a key
 * built at run time. Keys with a variable part ({@code value.rdIntensity}) are documented as a
 * pattern ({@code value.<indicator>}) with the list of indicators or groups.
 */
class DecisionDetailsDocTest {

  private static final Path DOC = Path.of("..", "docs", "decision-details.md");
  private static final Path SOURCES = Path.of("src", "main", "java", "cn", "gxq", "subsidy");

  /** The programmes module: shared rule pieces and each programme's package. */
  private static final Path PROGRAMMES =
      Path.of("..", "programmes", "src", "main", "java", "cn", "gxq", "subsidy");

  private static final Pattern DOC_ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\|(.*)$");
  private static final Pattern BACKTICKED = Pattern.compile("`(\\w+)`");

  /** A key the rules give {@code Details}: {@code .text("key", …)}, {@code .money(…)}, … */
  private static final Pattern RULES_KEY =
      Pattern.compile("\\.(?:text|money|rate)\\(\\s*\"([^\"]+)\"");

  /** A key the ledger puts in a decision's details map. */
  private static final Pattern LEDGER_KEY = Pattern.compile("details\\s*\\.put\\(\\s*\"([^\"]+)\"");

  /** Keys with a variable part: the prefix, and the pattern the document writes for it. */
  private static final Map<String, String> VARIABLE =
      Map.of(
          "value.",
          "value.<indicator>",
          "points.",
          "points.<indicator>",
          "group.",
          "group.<group>");

  @Test
  void everyKeyWrittenInTheSourcesIsDocumented() throws IOException {
    final Set<String> keys = new TreeSet<>();
    keys.addAll(keysIn(PROGRAMMES.resolve("rules"), RULES_KEY));
    keys.addAll(keysIn(PROGRAMMES.resolve("programme"), RULES_KEY));
    keys.addAll(keysIn(SOURCES.resolve("ledger"), LEDGER_KEY));
    // Not vacuous: the scan finds the three programmes' keys and the ledger's.
    assertThat(keys)
        .hasSizeGreaterThan(60)
        .contains(
            "reliefMonths", "extraDeduction", "creditLine", "waitlistPosition", "value.", "score");

    final Set<String> documented = documented().keySet();
    final Set<String> missing = new TreeSet<>();
    for (String key : keys) {
      final String asDocumented = VARIABLE.getOrDefault(key, key);
      if (!documented.contains(asDocumented)) {
        missing.add(asDocumented);
      }
    }
    assertThat(missing).as("keys written in the sources but missing from " + DOC).isEmpty();
  }

  @Test
  void everyKeyTheRulesWriteOverTheDemosApplicationsIsDocumented() throws IOException {
    final DemoScenario scenario =
        DemoScenario.standard(2022L, 400, Instant.parse("2022-01-04T01:00:00Z"));
    final Map<String, Enterprise> registry =
        scenario.registry().stream()
            .collect(Collectors.toMap(Enterprise::getCreditCode, Function.identity(), (a, b) -> b));
    final Rulebook rulebook = Rulebook.fromDefaultPolicy();
    final Set<String> seen = new TreeSet<>();
    scenario
        .applications()
        .limit(4000)
        .filter(Generated::isApplication)
        .forEach(
            g -> {
              final SpecificRecord application = g.value();
              final Object code =
                  application.get(application.getSchema().getField("creditCode").pos());
              final Enterprise enterprise = code == null ? null : registry.get(code.toString());
              seen.addAll(rulebook.decide(application, enterprise).details().keySet());
            });
    assertThat(seen)
        .contains(
            "reliefMonths",
            "extraDeduction",
            "creditLine",
            "points.rdIntensity",
            "group.growth",
            "techStaffScore");

    final Map<String, String> documented = documented();
    final Set<String> missing = new TreeSet<>();
    for (String key : seen) {
      final String prefix =
          VARIABLE.keySet().stream().filter(key::startsWith).findFirst().orElse("");
      if (prefix.isEmpty()) {
        if (!documented.containsKey(key)) {
          missing.add(key);
        }
      } else if (!variablePartsOf(VARIABLE.get(prefix), documented)
          .contains(key.substring(prefix.length()))) {
        missing.add(key);
      }
    }
    assertThat(missing).as("keys decisions hold but " + DOC + " does not explain").isEmpty();
  }

  /** The indicators (the paragraph after the table) or groups (the row's own text) documented. */
  private static Set<String> variablePartsOf(String pattern, Map<String, String> documented)
      throws IOException {
    final String text;
    if (pattern.endsWith("<indicator>")) {
      final String doc = Files.readString(DOC);
      text = doc.substring(doc.indexOf("Indicators ("));
    } else {
      text = documented.getOrDefault(pattern, "");
    }
    final Set<String> parts = new TreeSet<>();
    final Matcher m = BACKTICKED.matcher(text);
    while (m.find()) {
      parts.add(m.group(1));
    }
    return parts;
  }

  /** Documented key → the rest of its table row. */
  private static Map<String, String> documented() throws IOException {
    final Map<String, String> rows = new java.util.LinkedHashMap<>();
    final Matcher m = DOC_ROW.matcher(Files.readString(DOC));
    while (m.find()) {
      rows.put(m.group(1), m.group(2));
    }
    assertThat(rows).as("rows of " + DOC).hasSizeGreaterThan(60);
    return rows;
  }

  private static Set<String> keysIn(Path dir, Pattern key) throws IOException {
    final Set<String> keys = new TreeSet<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        final Matcher m = key.matcher(Files.readString(file));
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    return keys;
  }
}
