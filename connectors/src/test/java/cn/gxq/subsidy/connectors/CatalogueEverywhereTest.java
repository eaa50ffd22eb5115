package cn.gxq.subsidy.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code Catalogue} is the one list of programmes; the places that must still spell them out (SQL,
 * JMH constants, documents, samples) are held to it here, in the module that sees them all: its own
 * SQL and samples, the repository's documents and the benchmark's source as files. A place that
 * lacks a programme of the catalogue, or names one it does not have, fails the test, named.
 */
class CatalogueEverywhereTest {

  private static final Path ROOT = Path.of("..");
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern QUOTED = Pattern.compile("[\"']([^\"']+)[\"']");

  private static final Set<String> CODES = set(p -> p.programme().name());
  private static final Set<String> SLUGS = set(ProgrammeDefinition::slug);
  private static final Set<String> NAMES_ZH = set(ProgrammeDefinition::nameZh);
  private static final Set<String> RECORD_KINDS =
      Catalogue.recordKinds().stream().map(RecordKind::name).collect(Collectors.toSet());

  /** What produce publishes: the government's record kinds and finance's settlement. */
  private static final Set<String> PUBLISHED =
      java.util.stream.Stream.concat(
              RECORD_KINDS.stream(), java.util.stream.Stream.of(RecordKind.SETTLEMENT.name()))
          .collect(Collectors.toSet());

  private final List<String> mistakes = new ArrayList<>();

  @Test
  void everyPlaceThatListsProgrammesListsTheCatalogue() {
    // What the government database accepts into its outbox.
    exactly(
        "connectors/sql/government/01-outbox.sql, the aggregatetype CHECK",
        within(
            "connectors/sql/government/01-outbox.sql",
            "CHECK \\(aggregatetype IN\\s*\\(([^)]*)\\)"),
        QUOTED,
        RECORD_KINDS);
    // JMH needs constants: the rules' microbenchmark lists the codes by hand.
    exactly(
        "RulesBenchmark's @Param",
        within(
            "benchmark/src/main/java/cn/gxq/subsidy/benchmark/jmh/RulesBenchmark.java",
            "@Param\\(\\{([^}]*)\\}\\)\\s*public Programme programme"),
        QUOTED,
        CODES);
    // The connectors' end-to-end flow sends one sample application of each programme.
    if (!Samples.programmes().equals(SLUGS)) {
      mistakes.add("connectors' Samples.programmes(): " + difference(Samples.programmes(), SLUGS));
    }
    exactly(
        "docs/http-api.md, GET /totals's programme= values",
        within("docs/http-api.md", "`programme` one of (.*?), `year`"),
        BACKTICKED,
        CODES);
    exactly(
        "docs/connectors.md, the outbox's aggregatetype values",
        within("docs/connectors.md", "`aggregatetype` = ((?:`[^`]+`[\\s|]*)+)"),
        BACKTICKED,
        RECORD_KINDS);
    exactly(
        "docs/contract.md, the programme codes",
        within("docs/contract.md", "Programme codes: ([^.]*)\\."),
        BACKTICKED,
        CODES);
    exactly(
        "docs/contract.md, the application topics",
        all("docs/contract.md", "`subsidy\\.applications\\.([a-z-]+)\\.v1`"),
        SLUGS);
    exactly(
        "docs/contract.md, produce --type",
        split(within("docs/contract.md", "`produce --type ([a-z|-]+)`"), "\\|"),
        PUBLISHED);
    containsAll(
        "docs/decision-details.md, a section per programme",
        all("docs/decision-details.md", "(?m)^## .*`([A-Z_]+)`\\)$"),
        CODES);
    containsAll(
        "docs/domain.md, a section per programme",
        all("docs/domain.md", "(?m)^## Programme \\d+: [^(]*\\(([^;)]+)"),
        NAMES_ZH);
    containsAll(
        "README.md, the programmes it decides (first paragraph)",
        within("README.md", "(?s)^# [^\\n]*\\n\\n(.*?)\\n\\n"),
        NAMES_ZH);
    exactly(
        "README.md, produce --type",
        within("README.md", "T = (.*?): the record kinds"),
        BACKTICKED,
        RECORD_KINDS);
    exactly(
        "README.md, the application topics",
        split(within("README.md", "`subsidy\\.applications\\.\\{([^}]*)\\}\\.v1`"), ","),
        SLUGS);
    exactly(
        "README.md, consume --topic's input types",
        within("README.md", "`consume --topic` also accepts the input types \\(([^)]*)\\)"),
        BACKTICKED,
        RECORD_KINDS);
    // The dashboard lists what GET /programmes answers, and names no programme itself.
    for (String file : List.of("dashboard.js", "index.html")) {
      final String text = read("app/src/main/resources/dashboard/" + file);
      final Set<String> named = new TreeSet<>();
      for (String name : union(CODES, SLUGS, NAMES_ZH)) {
        if (text.contains(name)) {
          named.add(name);
        }
      }
      if (!named.isEmpty()) {
        mistakes.add("the dashboard's " + file + " names programmes itself: " + named);
      }
    }

    assertThat(mistakes).as("places that do not list the catalogue's programmes").isEmpty();
  }

  private void exactly(String place, String region, Pattern item, Set<String> expected) {
    exactly(place, all(region, item), expected);
  }

  private void exactly(String place, Set<String> listed, Set<String> expected) {
    if (!listed.equals(expected)) {
      mistakes.add(place + ": " + difference(listed, expected));
    }
  }

  private void containsAll(String place, Set<String> listed, Set<String> expected) {
    final Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(listed);
    if (!missing.isEmpty()) {
      mistakes.add(place + ": lacks " + missing);
    }
  }

  private void containsAll(String place, String region, Set<String> expected) {
    containsAll(
        place, expected.stream().filter(region::contains).collect(Collectors.toSet()), expected);
  }

  private static String difference(Set<String> listed, Set<String> expected) {
    final Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(listed);
    final Set<String> unknown = new TreeSet<>(listed);
    unknown.removeAll(expected);
    return "lacks " + missing + ", names beside the catalogue " + unknown;
  }

  /** The first group of the first match of {@code regex} in a file, or "" when none. */
  private String within(String file, String regex) {
    final Matcher m = Pattern.compile(regex).matcher(read(file));
    if (!m.find()) {
      mistakes.add(file + ": no longer has the list /" + regex + "/ (update this test)");
      return "";
    }
    return m.group(1);
  }

  /** The first group of every match of {@code regex} in a file. */
  private static Set<String> all(String file, String regex) {
    return all(read(file), Pattern.compile(regex));
  }

  private static Set<String> all(String text, Pattern item) {
    final Set<String> found = new LinkedHashSet<>();
    final Matcher m = item.matcher(text);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  private static Set<String> split(String list, String separator) {
    return Arrays.stream(list.split(separator))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  private static String read(String file) {
    try {
      return Files.readString(ROOT.resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> set(Function<ProgrammeDefinition<?>, String> field) {
    return Catalogue.programmes().stream().map(field).collect(Collectors.toSet());
  }

  @SafeVarargs
  private static Set<String> union(Set<String>... sets) {
    final Set<String> all = new TreeSet<>();
    for (Set<String> s : sets) {
      all.addAll(s);
    }
    return all;
  }
}
