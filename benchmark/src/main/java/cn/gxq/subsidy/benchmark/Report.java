package cn.gxq.subsidy.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.utils.internals.AppInfoParser;

/** Collects the phases' figures, prints the table and writes results.json. */
final class Report {

  static final long GIB = 1L << 30;
  // Issue 23's targets. Its CPU target is half of the pipeline's CPU per decided application when
  // the issue was taken up (5208518, docs/benchmark.md: 0.599 and 0.621 ms over a --quick run's
  // whole window, 0.154 over its second half).
  static final double PIPELINE_SHARE_TARGET = 0.30;
  static final double P99_TARGET_MS = 250;
  static final double RESTORE_TARGET_SECONDS = 60;
  static final double WHATIF_TARGET_SECONDS = 180;
  static final double CPU_TARGET_MS = 0.61 / 2;
  static final double CPU_SECOND_HALF_TARGET_MS = 0.154 / 2;
  static final double MILLION = 1_000_000;

  private final Map<String, Object> json = new LinkedHashMap<>();
  private final List<Throughput> throughputs = new ArrayList<>();
  private final Map<String, String> loads = new LinkedHashMap<>();
  private final List<String> warnings = new ArrayList<>();
  private final int settleSeconds;
  private Profile profile;
  private double pipelineSecondHalf = -1;
  private Throughput withoutJournal;
  private double withoutJournalSecondHalf = -1;
  private Throughput baseline;
  private Throughput pipeline;
  private PipelinePhase.LatencyResult latency;
  private ScalePhase.Result scale;
  private WhatIfPhase.Result whatIf;
  private NationalYearPhase.Result national;

  Report(Options options) {
    settleSeconds = options.settleSeconds();
    final Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    final var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    machine.put("memoryBytes", os.getTotalMemorySize());
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put(
        "java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    machine.put("kafka", AppInfoParser.getVersion());
    json.put("machine", machine);
    final Map<String, Object> run = new LinkedHashMap<>();
    run.put("records", options.records());
    run.put("partitions", options.partitions());
    run.put("recordBytes", options.recordBytes());
    run.put("enterprises", options.enterprises());
    run.put("scaleEnterprises", options.scaleEnterprises());
    run.put("streamsHeap", options.streamsHeap());
    run.put("streamsConfig", new java.util.TreeMap<>(options.streamsConfig()));
    run.put("phases", new java.util.TreeSet<>(options.phases()));
    if (options.runs(NationalYearPhase.NAME)) {
      run.put("nationalEnterprises", options.nationalEnterprises());
      run.put("nationalApplications", options.nationalApplications());
    }
    json.put("options", run);
    json.put("loadAverageAtPhaseStart", loads);
    json.put("warnings", warnings);
  }

  /**
   * Notes the 1-, 5- and 15-minute load averages as a phase starts, and warns when the 1-minute one
   * is above 1: on this 2-core machine that is another core's worth of work beside the benchmark,
   * and the phase's rates are then low bounds.
   */
  void phaseStarts(String phase, PrintStream out) {
    // The end is noted as it is: nothing is measured after it, so it neither waits nor warns.
    final boolean measured = !phase.equals("end");
    if (measured) {
      settle(phase, out);
    }
    final String line = loadAverage();
    loads.put(phase, line);
    out.println("  load average " + line + " (1, 5, 15 min)");
    final double oneMinute = oneMinute(line);
    if (measured && oneMinute > 1) {
      final String warning =
          String.format(
              "load average %.2f > 1 as %s started: its rates are measured under load",
              oneMinute, phase);
      warnings.add(warning);
      out.println("  WARNING " + warning);
    }
  }

  /** Waits up to {@code --settle} seconds for the 1-minute load average to fall below 1. */
  private void settle(String phase, PrintStream out) {
    final long deadline = System.nanoTime() + settleSeconds * 1_000_000_000L;
    boolean told = false;
    while (oneMinute(loadAverage()) >= 1 && System.nanoTime() < deadline) {
      if (!told) {
        out.printf(
            "  waiting up to %d s for the load average (%s) to fall below 1 before %s%n",
            settleSeconds, loadAverage(), phase);
        told = true;
      }
      try {
        Thread.sleep(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static String loadAverage() {
    try {
      final String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      // not Linux: the JVM's own 1-minute figure, without the 5- and 15-minute ones
      final double one = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      return one < 0 ? "unknown" : String.format("%.2f", one);
    }
  }

  static double oneMinute(String loadAverage) {
    try {
      return Double.parseDouble(loadAverage.split(" ")[0]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  void plain(List<Throughput> results) {
    throughputs.addAll(results);
    final Map<String, Object> m = new LinkedHashMap<>();
    results.forEach(t -> m.put(t.name(), t.json()));
    json.put("machineLimit", m);
  }

  void baseline(Throughput t) {
    baseline = t;
    throughputs.add(t);
    json.put("passThrough", t.json());
  }

  void skeleton(Throughput t) {
    throughputs.add(t);
    final Map<String, Object> m = t.json();
    if (baseline != null) {
      m.put(
          "ratioToBaseline",
          Throughput.round(t.recordsPerSecond() / baseline.recordsPerSecond(), 3));
    }
    json.put("skeleton", m);
  }

  void threads(PipelinePhase.Result result) {
    throughputs.add(result.throughput());
    final Map<String, Object> m = result.throughput().json();
    if (pipeline != null) {
      m.put(
          "ratioToOneThread",
          Throughput.round(
              result.throughput().recordsPerSecond() / pipeline.recordsPerSecond(), 3));
    }
    json.put("pipelineTwoThreads", m);
  }

  /** The pipeline without the arrival journal: the journal's cost is the difference. */
  void withoutJournal(PipelinePhase.Result result) {
    withoutJournal = result.throughput();
    throughputs.add(withoutJournal);
    final Map<String, Object> m = withoutJournal.json();
    m.put("workload", result.workload());
    if (baseline != null) {
      m.put(
          "ratioToBaseline",
          Throughput.round(withoutJournal.recordsPerSecond() / baseline.recordsPerSecond(), 3));
    }
    json.put("pipelineWithoutJournal", m);
    if (pipeline != null && pipeline.cpuSeconds() >= 0 && withoutJournal.cpuSeconds() >= 0) {
      final Map<String, Object> cost = new LinkedHashMap<>();
      final double cpu = pipeline.cpuMillisPerRecord() - withoutJournal.cpuMillisPerRecord();
      cost.put("cpuMillisPerApplication", Throughput.round(cpu, 4));
      cost.put("shareOfPipelineCpu", Throughput.round(cpu / pipeline.cpuMillisPerRecord(), 3));
      cost.put(
          "throughputShare",
          Throughput.round(1 - pipeline.recordsPerSecond() / withoutJournal.recordsPerSecond(), 3));
      final Object half = result.workload().get("streamsCpuMillisPerApplicationSecondHalf");
      if (half instanceof Double d && pipelineSecondHalf >= 0) {
        withoutJournalSecondHalf = d;
        cost.put("cpuMillisPerApplicationSecondHalf", Throughput.round(pipelineSecondHalf - d, 4));
      }
      json.put("arrivalJournalCost", cost);
    }
  }

  void pipeline(PipelinePhase.Result result) {
    pipeline = result.throughput();
    throughputs.add(pipeline);
    final Map<String, Object> m = pipeline.json();
    m.put("workload", result.workload());
    if (baseline != null) {
      m.put("ratioToBaseline", Throughput.round(ratio(), 3));
    }
    json.put("pipeline", m);
    final Object half = result.workload().get("streamsCpuMillisPerApplicationSecondHalf");
    pipelineSecondHalf = half instanceof Double d ? d : -1;
    profile = result.profile();
    if (profile != null) {
      json.put("profile", profile.json());
    }
    latency = result.latency();
    if (latency != null) {
      final Map<String, Object> l = new LinkedHashMap<>();
      l.put("offeredPerSecond", Math.round(latency.offeredPerSecond()));
      l.put("sent", latency.sent());
      l.put("undecided", latency.undecided());
      l.putAll(latency.log().json());
      l.put("heap", heapJson(latency.heap()));
      json.put("latency", l);
    }
  }

  void whatIf(WhatIfPhase.Result result) {
    whatIf = result;
    throughputs.add(result.replay());
    final Map<String, Object> m = result.replay().json();
    m.put("commandSeconds", Throughput.round(result.commandSeconds(), 2));
    m.put("revisionsDecided", result.revisions());
    m.put("againstLiveDecisions", result.live());
    m.put("changedUnderIdenticalPolicy", result.changed());
    m.put("changedByRules", result.changedByRules());
    m.put("changedByCompetition", result.changedByCompetition());
    m.put("cpuSeconds", Throughput.round(result.cpuSeconds(), 1));
    // All the CPU the replay and the broker took, spread over every core: the rate this machine
    // would reach alone, if nothing but CPU limited it.
    m.put("recordsPerSecondIfAlone", Math.round(aloneRate(result)));
    m.put("secondsForOneMillion", Math.round(MILLION / result.replay().recordsPerSecond()));
    json.put("whatIf", m);
  }

  private static double aloneRate(WhatIfPhase.Result result) {
    final int cores = Runtime.getRuntime().availableProcessors();
    return result.cpuSeconds() <= 0
        ? -1
        : result.replay().records() / (result.cpuSeconds() / cores);
  }

  void nationalYear(NationalYearPhase.Result result) {
    national = result;
    json.put(NationalYearPhase.NAME, result.json());
  }

  void scale(ScalePhase.Result result) {
    scale = result;
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("enterprises", result.enterprises());
    m.put("publishSeconds", Throughput.round(result.publishSeconds(), 2));
    m.put("loadSeconds", Throughput.round(result.loadSeconds(), 2));
    m.put("loadHeap", heapJson(result.loadHeap()));
    m.put("stateDirBytes", result.stateBytes());
    m.put("brokerBytes", result.brokerBytes());
    m.put("ledgerApplications", result.applications());
    m.put("ledgerUndecided", result.undecided());
    m.put("restoreSeconds", Throughput.round(result.restoreSeconds(), 2));
    m.put("restoringSeconds", Throughput.round(result.restoringSeconds(), 2));
    m.put("restoredRecords", result.restoredRecords());
    m.put("restoreHeap", heapJson(result.restoreHeap()));
    json.put("scale", m);
  }

  private double ratio() {
    return pipeline.recordsPerSecond() / baseline.recordsPerSecond();
  }

  static Map<String, Object> heapJson(HeapMonitor.Snapshot heap) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("peakUsedBytes", heap.peakUsed());
    m.put("peakAfterGcBytes", heap.peakLive());
    m.put("maxBytes", heap.max());
    m.put("residentPeakBytes", heap.residentPeak());
    return m;
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "?" : String.format("%,d", bytes >> 20);
  }

  void print(PrintStream out) {
    out.println();
    out.printf(
        "%-44s %10s %8s %11s %7s %10s %9s %18s%n",
        "measurement",
        "records",
        "seconds",
        "records/s",
        "MB/s",
        "÷ baseline",
        "CPU ms/r",
        "heap peak/after-GC MB");
    for (Throughput t : throughputs) {
      final String ratio =
          baseline == null
              ? ""
              : String.format("%.2f", t.recordsPerSecond() / baseline.recordsPerSecond());
      final String heap =
          t.heap() == null ? "" : mb(t.heap().peakUsed()) + " / " + mb(t.heap().peakLive());
      final String cpu =
          t.cpuMillisPerRecord() < 0 ? "" : String.format("%.3f", t.cpuMillisPerRecord());
      out.printf(
          "%-44s %,10d %8.2f %,11.0f %7.1f %10s %9s %18s%n",
          t.name(),
          t.records(),
          t.seconds(),
          t.recordsPerSecond(),
          t.megabytesPerSecond(),
          ratio,
          cpu,
          heap);
    }
    if (pipelineSecondHalf >= 0) {
      out.printf(
          "decision pipeline: Streams CPU %.3f ms per decided application over the whole window,"
              + " %.3f ms over its second half (the JIT's warm-up mostly behind, but a low bound:"
              + " the intake and the assessor run ahead of the decisions, so the second half of"
              + " the decisions carries less than half of the work)%n",
          pipeline.cpuMillisPerRecord(), pipelineSecondHalf);
    }

    if (withoutJournal != null && pipeline != null && withoutJournal.cpuSeconds() >= 0) {
      final double cpu = pipeline.cpuMillisPerRecord() - withoutJournal.cpuMillisPerRecord();
      out.printf(
          "arrival journal: %.3f ms Streams CPU per application over the whole window (%.0f%% of"
              + " the pipeline's), %.3f ms over the second half; %.0f%% of the throughput%n",
          cpu,
          100 * cpu / pipeline.cpuMillisPerRecord(),
          withoutJournalSecondHalf < 0 ? Double.NaN : pipelineSecondHalf - withoutJournalSecondHalf,
          100 * (1 - pipeline.recordsPerSecond() / withoutJournal.recordsPerSecond()));
    }
    if (latency != null) {
      final LatencyLog log = latency.log();
      out.printf(
          "%nlatency at %,.0f applications/s (%d sent, %d undecided): p50 %.0f ms, "
              + "p99 %.0f ms, max %.0f ms%n",
          latency.offeredPerSecond(),
          latency.sent(),
          latency.undecided(),
          log.percentileMillis(50),
          log.percentileMillis(99),
          log.percentileMillis(100));
    }
    if (scale != null) {
      out.printf(
          "%nregistry of %,d: published %.1f s, materialised %.1f s; heap peak/after-GC %s / %s MB,"
              + " RSS %s MB; state dir %s MB, broker %s MB%n",
          scale.enterprises(),
          scale.publishSeconds(),
          scale.loadSeconds(),
          mb(scale.loadHeap().peakUsed()),
          mb(scale.loadHeap().peakLive()),
          mb(scale.loadHeap().residentPeak()),
          mb(scale.stateBytes()),
          mb(scale.brokerBytes()));
      out.printf(
          "restore after deleting the state directory: %.1f s from JVM start to RUNNING"
              + " (%.1f s restoring), heap peak/after-GC %s / %s MB, RSS %s MB, records %s%n",
          scale.restoreSeconds(),
          scale.restoringSeconds(),
          mb(scale.restoreHeap().peakUsed()),
          mb(scale.restoreHeap().peakLive()),
          mb(scale.restoreHeap().residentPeak()),
          scale.restoredRecords());
    }
    if (national != null) {
      out.printf("%nnational year (%s):%n", NationalYearPhase.NAME);
      national.summary().forEach(line -> out.println("  " + line));
    }
    out.println(
        "CPU ms/r: the Streams JVM's CPU time (all threads, GC and JIT included) over the"
            + " measured window, per record copied or application decided");
    if (profile != null) {
      out.println();
      profile.summary().forEach(out::println);
    }
    out.println();
    targets().forEach((k, v) -> out.printf("target %-58s %s%n", k, v));
    out.println("load average at each phase's start (1, 5, 15 min): " + loads);
    warnings.forEach(w -> out.println("WARNING " + w));
  }

  private Map<String, String> targets() {
    final Map<String, String> t = new LinkedHashMap<>();
    if (pipeline != null && baseline != null) {
      t.put(
          "pipeline >= 0.30 of pass-through",
          verdict(ratio() >= PIPELINE_SHARE_TARGET, String.format("%.2f", ratio())));
    }
    if (pipeline != null && pipeline.cpuSeconds() >= 0) {
      t.put(
          "Streams CPU per application <= half of 5208518's (0.305 / 0.077 ms)",
          verdict(
              pipeline.cpuMillisPerRecord() <= CPU_TARGET_MS
                  && pipelineSecondHalf >= 0
                  && pipelineSecondHalf <= CPU_SECOND_HALF_TARGET_MS,
              String.format(
                  "%.3f ms whole window, %.3f ms second half",
                  pipeline.cpuMillisPerRecord(), pipelineSecondHalf)));
    }
    if (latency != null) {
      final double p99 = latency.log().percentileMillis(99);
      t.put(
          "p99 submit->decision <= 250 ms at 20% load",
          verdict(p99 <= P99_TARGET_MS && latency.undecided() == 0, String.format("%.0f ms", p99)));
    }
    if (whatIf != null) {
      final double seconds = MILLION / whatIf.replay().recordsPerSecond();
      t.put(
          "1M recorded applications replayed <= 3 min",
          verdict(
              seconds <= WHATIF_TARGET_SECONDS,
              String.format(
                  "%s%.0f s at %,.0f/s (%,d replayed; %.0f s at %,.0f/s by CPU time alone)",
                  // Below a million the start-up and the JIT's warm-up weigh far more: a quick
                  // run's 105,000 records extrapolate to about twice what a million take.
                  whatIf.replay().records() < MILLION
                      ? "extrapolated, warm-up included (measure with --records 1000000): "
                      : "",
                  seconds,
                  whatIf.replay().recordsPerSecond(),
                  whatIf.replay().records(),
                  MILLION / aloneRate(whatIf),
                  aloneRate(whatIf))));
    }
    if (scale != null) {
      final boolean heapOk = scale.restoreHeap().peakUsed() <= GIB;
      t.put(
          "1M registry restored <= 60 s, heap <= 1 GiB",
          verdict(
              scale.restoreSeconds() <= RESTORE_TARGET_SECONDS && heapOk,
              String.format(
                  "%.1f s, %s MB", scale.restoreSeconds(), mb(scale.restoreHeap().peakUsed()))));
    }
    if (national != null) {
      t.putAll(national.targets());
    }
    json.put("targets", t);
    return t;
  }

  private static String verdict(boolean met, String figure) {
    return (met ? "MET    " : "MISSED ") + figure;
  }

  void write(Path file) throws IOException {
    targets();
    Files.createDirectories(file.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), json);
  }
}
