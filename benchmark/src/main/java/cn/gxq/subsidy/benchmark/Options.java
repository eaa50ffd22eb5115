package cn.gxq.subsidy.benchmark;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one benchmark run does. {@code --quick} shrinks every size for a smoke run of a minute or
 * two; explicit options still win over it.
 *
 * @param records records per throughput phase (plain, pass-through and pipeline alike)
 * @param partitions partitions of every topic
 * @param recordBytes value size of the plain and pass-through records
 * @param enterprises registry size of the pipeline phase
 * @param scaleEnterprises registry size of the scale phase
 * @param latencySeconds how long the 20% load is offered
 * @param loadShare offered load of the latency phase, as a share of the measured maximum
 * @param streamsHeap -Xmx of the Streams JVM
 * @param streamsConfig Streams settings for both Streams applications (tuning knobs)
 * @param phases which phases run
 * @param out results directory
 * @param nationalEnterprises registry size of the national-year scenario
 * @param nationalApplications application records of the national-year scenario
 * @param whatIfPolicy the candidate of the national year's what-if replay; null for the bundled
 *     {@value NationalYearPhase#IDENTICAL_POLICY} as it is
 * @param profile whether the 1-thread pipeline's Streams JVM records JFR while it decides
 * @param settleSeconds how long a phase waits at most for the 1-minute load average to fall below 1
 *     before it starts (0: it starts at once); a phase otherwise starts in the load its predecessor
 *     left, which on 2 cores is above 1 after any Streams phase
 */
record Options(
    int records,
    int partitions,
    int recordBytes,
    int enterprises,
    int scaleEnterprises,
    int latencySeconds,
    double loadShare,
    String streamsHeap,
    Map<String, String> streamsConfig,
    Set<String> phases,
    Path out,
    int nationalEnterprises,
    int nationalApplications,
    Path whatIfPolicy,
    boolean profile,
    int settleSeconds) {

  static final List<String> ALL_PHASES =
      List.of(
          "plain",
          "passthrough",
          "skeleton",
          "pipeline",
          "latency",
          "threads",
          "journal",
          "whatif",
          "scale");

  /** Scenarios run only when asked for (--scenario or --phases), never by default. */
  static final List<String> SCENARIOS = List.of(NationalYearPhase.NAME);

  /** The national year at the seed's scale (--scale 1). */
  static final int NATIONAL_ENTERPRISES = 1_000_000;

  static final int NATIONAL_APPLICATIONS = 2_000_000;

  /** The Streams heap of the national year above half a million applications, unless told. */
  static final String NATIONAL_STREAMS_HEAP = "3g";

  static final String USAGE =
      """
      usage: bin/benchmark [--records N] [--partitions P] [--quick] [options]
        --records N            records per throughput phase (1000000; quick 100000)
        --partitions P         partitions of every topic (3)
        --record-bytes B       value size of plain and pass-through records (200)
        --enterprises E        registry size of the pipeline phase (a quarter of --records);
                               of national-year, over --scale
        --scale-enterprises S  registry size of the scale phase (1000000; quick 100000)
        --latency-seconds T    duration of the 20%%-load latency phase (30; quick 10)
        --streams-heap H       -Xmx of the Streams JVM (1g; national-year above 500,000
                               applications 3g)
        --streams-config K=V   a Streams setting for both Streams runs; repeatable
                               (e.g. commit.interval.ms=100, num.stream.threads=2)
        --phases LIST          comma-separated subset of %s
        --out DIR              where results.json goes (benchmark/target)
        --scenario NAME        run one scenario alone: %s
                               (bin/benchmark --scenario national-year, see docs/benchmark.md)
        --scale F              national-year: share of the seed's scale, 1,000,000 enterprises and
                               2,000,000 applications (1; e.g. 0.05 for a quick check)
        --applications A       national-year: application records, over --scale
        --whatif-policy FILE   national-year: the replay's candidate (the bundled 2023.1 unchanged)
        --profile              record JFR (settings=profile) in the pipeline's Streams JVM while it
                               decides (1 thread); print its hottest methods, keep pipeline.jfr
        --settle S             before each phase wait up to S seconds for the 1-minute load
                               average to fall below 1 (0: start at once); what a previous phase
                               left counts as load too, so a quiet-machine run wants about 90

      Every phase notes the load average as it starts (warning when the 1-minute one is above 1)
      and the Streams JVM's CPU time per record it decided or copied.
      """
          .formatted(String.join(",", ALL_PHASES), String.join(",", SCENARIOS));

  /** The Streams settings every run uses unless told otherwise: the app's own. */
  static Map<String, String> defaultStreamsConfig() {
    final Map<String, String> config = new LinkedHashMap<>();
    // Everything else (commit interval, transaction timeout) is the application's own
    // SubsidyTopology.baseConfig, so what is measured is what run ships.
    config.put("num.stream.threads", "1");
    return config;
  }

  static Options parse(String[] args, Path defaultOut) {
    boolean quick = false;
    boolean profile = false;
    for (String a : args) {
      quick |= a.equals("--quick");
      profile |= a.equals("--profile");
    }
    int records = quick ? 100_000 : 1_000_000;
    int partitions = 3;
    int recordBytes = 200;
    int enterprises = -1; // by default a quarter of the applications, see below
    int scale = quick ? 100_000 : 1_000_000;
    int latency = quick ? 10 : 30;
    String heap = "1g";
    final Map<String, String> config = defaultStreamsConfig();
    Set<String> phases = Set.copyOf(ALL_PHASES);
    Path out = defaultOut;
    double scaleFactor = 1.0;
    boolean heapGiven = false;
    int applications = -1;
    Path whatIfPolicy = null;
    int settle = 0;
    for (int i = 0; i < args.length; i++) {
      final String a = args[i];
      if (a.equals("--quick") || a.equals("--profile")) {
        continue;
      }
      if (a.equals("--help") || a.equals("-h")) {
        throw new IllegalArgumentException("");
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("missing value after " + a);
      }
      final String v = args[++i];
      switch (a) {
        case "--records" -> records = positive(a, v);
        case "--partitions" -> partitions = positive(a, v);
        case "--record-bytes" -> recordBytes = positive(a, v);
        case "--enterprises" -> enterprises = positive(a, v);
        case "--scale-enterprises" -> scale = positive(a, v);
        case "--latency-seconds" -> latency = positive(a, v);
        case "--streams-heap" -> {
          heap = v;
          heapGiven = true;
        }
        case "--streams-config" -> {
          final String[] kv = v.split("=", 2);
          if (kv.length != 2) {
            throw new IllegalArgumentException("--streams-config wants KEY=VALUE, got " + v);
          }
          config.put(kv[0], kv[1]);
        }
        case "--phases" -> {
          phases = Set.of(v.split(","));
          for (String p : phases) {
            if (!ALL_PHASES.contains(p) && !SCENARIOS.contains(p)) {
              throw new IllegalArgumentException("unknown phase " + p);
            }
          }
        }
        case "--scenario" -> {
          if (!SCENARIOS.contains(v)) {
            throw new IllegalArgumentException("unknown scenario " + v + "; known: " + SCENARIOS);
          }
          phases = Set.of(v);
        }
        case "--scale" -> {
          try {
            scaleFactor = Double.parseDouble(v);
          } catch (NumberFormatException e) {
            scaleFactor = -1;
          }
          if (!(scaleFactor > 0 && scaleFactor <= 10)) {
            throw new IllegalArgumentException("--scale wants a number in (0, 10], got " + v);
          }
        }
        case "--applications" -> applications = positive(a, v);
        case "--whatif-policy" -> whatIfPolicy = Path.of(v);
        case "--settle" -> {
          try {
            settle = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            settle = -1;
          }
          if (settle < 0) {
            throw new IllegalArgumentException("--settle wants seconds, 0 or more, got " + v);
          }
        }
        case "--out" -> out = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
    }
    final int nationalEnterprises =
        enterprises > 0 ? enterprises : (int) Math.round(NATIONAL_ENTERPRISES * scaleFactor);
    final int nationalApplications =
        applications > 0 ? applications : (int) Math.round(NATIONAL_APPLICATIONS * scaleFactor);
    if (!heapGiven && phases.contains(NationalYearPhase.NAME) && nationalApplications > 500_000) {
      // 1 GiB ran out at 662,312 of the national year's two million applications (a backlog of
      // over a million: docs/benchmark.md); the live set peaked at 2.35 GB.
      heap = NATIONAL_STREAMS_HEAP;
    }
    if (enterprises < 0) {
      // Three programmes, one claim per enterprise and period each: with fewer enterprises the
      // regular applications run out of fresh claims and most turn into duplicates.
      enterprises = Math.max(5_000, records / 4);
    }
    return new Options(
        records,
        partitions,
        recordBytes,
        enterprises,
        scale,
        latency,
        0.20,
        heap,
        Map.copyOf(config),
        phases,
        out,
        nationalEnterprises,
        nationalApplications,
        whatIfPolicy,
        profile,
        settle);
  }

  boolean runs(String phase) {
    return phases.contains(phase);
  }

  private static int positive(String option, String value) {
    try {
      final int n = Integer.parseInt(value.replace("_", "").replace(",", ""));
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException(option + " wants a positive number, got " + value);
  }
}
