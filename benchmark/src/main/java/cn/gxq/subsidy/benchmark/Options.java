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
    Path out) {

  static final List<String> ALL_PHASES =
      List.of(
          "plain", "passthrough", "skeleton", "pipeline", "latency", "threads", "whatif", "scale");

  static final String USAGE =
      """
      usage: bin/benchmark [--records N] [--partitions P] [--quick] [options]
        --records N            records per throughput phase (1000000; quick 100000)
        --partitions P         partitions of every topic (3)
        --record-bytes B       value size of plain and pass-through records (200)
        --enterprises E        registry size of the pipeline phase (a quarter of --records)
        --scale-enterprises S  registry size of the scale phase (1000000; quick 100000)
        --latency-seconds T    duration of the 20%%-load latency phase (30; quick 10)
        --streams-heap H       -Xmx of the Streams JVM (1g)
        --streams-config K=V   a Streams setting for both Streams runs; repeatable
                               (e.g. commit.interval.ms=100, num.stream.threads=2)
        --phases LIST          comma-separated subset of %s
        --out DIR              where results.json goes (benchmark/target)
      """
          .formatted(String.join(",", ALL_PHASES));

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
    for (String a : args) {
      quick |= a.equals("--quick");
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
    for (int i = 0; i < args.length; i++) {
      final String a = args[i];
      if (a.equals("--quick")) {
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
        case "--streams-heap" -> heap = v;
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
            if (!ALL_PHASES.contains(p)) {
              throw new IllegalArgumentException("unknown phase " + p);
            }
          }
        }
        case "--out" -> out = Path.of(v);
        default -> throw new IllegalArgumentException("unknown option " + a);
      }
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
        out);
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
