package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.ApplicationGenerator;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.demo.Mix;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The full decision pipeline on demo data: registry and budgets published and materialised first,
 * then every application as fast as it goes (throughput), then a paced share of that rate
 * (latency), both on one warm Streams JVM.
 */
final class PipelinePhase {

  static final long SEED = 20221L;
  static final Instant START = Instant.parse("2022-01-04T01:00:00Z");
  static final String APP_ID = "bench-pipeline";

  /**
   * Submissions 30 s apart on average: a million applications span a year from {@link #START}. The
   * demo's 10 minutes would date them 19 years ahead, and brokers refuse records dated more than an
   * hour past their clock.
   */
  static final Duration MEAN_GAP = Duration.ofSeconds(30);

  /**
   * What the phase measured.
   *
   * @param profile the JFR reading of the throughput window, null unless {@code --profile}
   */
  record Result(
      Throughput throughput,
      Map<String, Object> workload,
      LatencyResult latency,
      Profile profile) {}

  /** The latency phase's outcome. */
  record LatencyResult(
      double offeredPerSecond,
      int sent,
      int undecided,
      LatencyLog log,
      HeapMonitor.Snapshot heap) {}

  private final Cluster cluster;
  private final Options options;
  private final Workers workers;
  private final PrintStream out;
  private final Topics topics;
  private final String appId;
  private final int threads;
  private final boolean journal;

  PipelinePhase(Cluster cluster, Options options, Workers workers, PrintStream out) {
    this(cluster, options, workers, out, 1);
  }

  /** A run with {@code threads} stream threads, on topics and an application id of its own. */
  PipelinePhase(Cluster cluster, Options options, Workers workers, PrintStream out, int threads) {
    this(cluster, options, workers, out, threads, true);
  }

  /**
   * A run with or without the arrival journal; without, on topics and an application id of its own,
   * so that the two runs' difference is what the journal costs.
   */
  PipelinePhase(
      Cluster cluster,
      Options options,
      Workers workers,
      PrintStream out,
      int threads,
      boolean journal) {
    this.cluster = cluster;
    this.options = options;
    this.workers = workers;
    this.out = out;
    this.threads = threads;
    this.journal = journal;
    final String variant = (threads == 1 ? "" : threads + "t") + (journal ? "" : "nj");
    this.topics = new Topics("bench" + variant + ".");
    this.appId = variant.isEmpty() ? APP_ID : APP_ID + "-" + variant;
  }

  /**
   * The workload every phase that decides applications sends: the same seed, registry size, start
   * and pace, so the skeleton, the pipeline and the what-if replay meet the same records.
   */
  static DemoScenario scenario(Options options) {
    return DemoScenario.of(SEED, options.enterprises(), START, MEAN_GAP, Mix.defaults());
  }

  Result run(boolean withLatency) throws Exception {
    cluster.createContractTopics(topics, options.partitions());
    final DemoScenario scenario = scenario(options);
    final RecordEncoder encoder = new RecordEncoder(topics, cluster.registryClient());
    try (KafkaProducer<String, byte[]> producer = Clients.batchedProducer(cluster.bootstrap())) {
      for (Generated g : scenario.enterprises()) {
        producer.send(encoder.encode(g).record(), Failures.CALLBACK);
      }
      for (Generated g : scenario.budgets()) {
        producer.send(encoder.encode(g).record(), Failures.CALLBACK);
      }
      producer.flush();
      Failures.check();
    }
    out.printf(
        "  pipeline     registry of %,d enterprises and budgets published%n",
        options.enterprises());
    final ApplicationGenerator generator = scenario.applicationGenerator();
    final List<Prepared> applications = prepare(generator, encoder, options.records());
    final Map<String, Object> workload = describe(applications);

    try (StreamsProcess streams = workers.pipeline(appId, topics.prefix(), threads, journal);
        DecisionWatcher watcher = new DecisionWatcher(cluster.bootstrap(), topics.decisions());
        KafkaProducer<String, byte[]> producer = Clients.batchedProducer(cluster.bootstrap())) {
      streams.awaitRunning(Duration.ofMinutes(2));
      awaitCaughtUp(topics.enterprises());
      awaitCaughtUp(topics.budgets());
      out.println("  pipeline     registry and budgets materialised; sending applications");
      applications.forEach(p -> watcher.expect(p.decisionKey()));
      final Path jfr = options.out().resolve("pipeline.jfr");
      final boolean profiling = options.profile() && threads == 1 && journal;
      if (profiling) {
        streams.startProfile(jfr);
      }
      final double cpuBefore = streams.cpuSeconds();
      final long began = System.nanoTime();
      final Progress progress = new Progress(out, "pipeline");
      for (int i = 0; i < applications.size(); i++) {
        producer.send(applications.get(i).record(), Failures.CALLBACK);
        if ((i & 0xFFF) == 0) {
          progress.tick(
              "decided", () -> applications.size() - watcher.pending(), applications.size());
        }
      }
      producer.flush();
      Failures.check();
      final double[] half = {-1, -1};
      awaitDecided(
          watcher,
          progress,
          applications.size(),
          () -> {
            half[0] = streams.cpuSeconds();
            half[1] = applications.size() - watcher.pending();
          });
      final double cpuAfter = streams.cpuSeconds();
      Profile profile = null;
      if (profiling) {
        streams.stopProfile();
        profile = Profile.read(jfr);
      }
      final long decided = applications.size() - watcher.pending();
      final double seconds = (watcher.lastResolvedNanos() - began) / 1e9;
      workload.put("undecided", watcher.pending());
      workload.put("decisionsByStatus", new TreeMap<>(watcher.statuses()));
      // Write amplification: records (and EOS markers) per topic for this many applications.
      final Map<String, Long> offsets = cluster.endOffsets(topics.prefix(), appId);
      workload.put("endOffsets", offsets);
      workload.put(
          "changelogRecordsPerApplication (incl. transaction markers)",
          Throughput.round(perApplication(offsets, "-changelog", applications.size()), 2));
      workload.put(
          "repartitionRecordsPerApplication (incl. transaction markers)",
          Throughput.round(perApplication(offsets, "-repartition", applications.size()), 2));
      // The first half carries the JIT's warm-up (a --profile run showed the compiler threads
      // at 40% of the JVM's CPU). The second half is no clean steady state either: every
      // application is sent at once, the stages before the ledger run ahead, and by the time half
      // are decided most of the rest have been assessed, so it undercounts an application's cost.
      // A long run's whole window (--records 1000000) is the fairer steady figure.
      if (half[0] >= 0 && cpuAfter >= 0 && decided > half[1]) {
        workload.put(
            "streamsCpuMillisPerApplicationSecondHalf",
            Throughput.round((cpuAfter - half[0]) * 1000 / (decided - half[1]), 4));
      }
      final HeapMonitor.Snapshot heapAfterThroughput = streams.heap();
      final Throughput throughput =
          new Throughput(
              !journal
                  ? "decision pipeline without arrival journal"
                  : threads == 1
                      ? "decision pipeline (EOS v2, Avro)"
                      : "decision pipeline, " + threads + " stream threads",
              decided,
              applications.stream().mapToLong(p -> p.value().length + p.key().length()).sum(),
              seconds,
              heapAfterThroughput,
              cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore);
      LatencyResult latency = null;
      if (withLatency) {
        latency =
            latency(
                generator,
                encoder,
                watcher,
                streams,
                throughput.recordsPerSecond() * options.loadShare());
      } else {
        streams.stop();
      }
      if (threads != 1 || !journal) {
        return new Result(throughput, workload, latency, profile);
      }
      // Counted in process on the same workload, after the clocks have stopped.
      final DemoScenario fresh = scenario(options);
      workload.put(
          "stateCost",
          StateCost.measure(fresh, fresh.applicationGenerator().take(applications.size())));
      return new Result(throughput, workload, latency, profile);
    }
  }

  private static double perApplication(Map<String, Long> offsets, String suffix, int n) {
    return offsets.entrySet().stream()
            .filter(e -> e.getKey().endsWith(suffix))
            .mapToLong(Map.Entry::getValue)
            .sum()
        / (double) n;
  }

  private LatencyResult latency(
      ApplicationGenerator generator,
      RecordEncoder encoder,
      DecisionWatcher watcher,
      StreamsProcess streams,
      double rate)
      throws Exception {
    final int count = (int) Math.max(1, Math.round(rate * options.latencySeconds()));
    out.printf(
        "  latency      offering %,.0f applications/s (%.0f%% of the maximum) for %d s%n",
        rate, options.loadShare() * 100, options.latencySeconds());
    final List<Prepared> applications = prepare(generator, encoder, count);
    final LatencyLog log = new LatencyLog();
    watcher.measureInto(log);
    final long interval = (long) (1e9 / rate);
    try (KafkaProducer<String, byte[]> producer = Clients.promptProducer(cluster.bootstrap())) {
      final Progress progress = new Progress(out, "latency");
      final long began = System.nanoTime();
      for (int i = 0; i < count; i++) {
        final long due = began + i * interval;
        long now;
        while ((now = System.nanoTime()) < due) {
          LockSupport.parkNanos(due - now);
        }
        final Prepared p = applications.get(i);
        watcher.expect(p.decisionKey(), now);
        producer.send(p.record(), Failures.CALLBACK);
        progress.tick("decided", log::size, count);
      }
      producer.flush();
      Failures.check();
      final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (watcher.pending() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    return new LatencyResult(rate, count, watcher.pending(), log, streams.stop());
  }

  private List<Prepared> prepare(ApplicationGenerator generator, RecordEncoder encoder, int n) {
    final List<Prepared> prepared = new ArrayList<>(n);
    final Progress progress = new Progress(out, "generating");
    for (int i = 0; i < n; i++) {
      prepared.add(encoder.encode(generator.next()));
      progress.tick("applications", prepared::size, n);
    }
    return prepared;
  }

  /** Shares of the workload by topic, revision kind and size. */
  private static Map<String, Object> describe(List<Prepared> applications) {
    final Map<String, Object> m = new LinkedHashMap<>();
    final Map<String, Long> byTopic = new TreeMap<>();
    long amendments = 0;
    long bytes = 0;
    for (Prepared p : applications) {
      byTopic.merge(p.topic(), 1L, Long::sum);
      if (!p.decisionKey().endsWith("#1")) {
        amendments++;
      }
      bytes += p.value().length;
    }
    m.put("applications", applications.size());
    m.put("byTopic", byTopic);
    m.put("laterRevisions", amendments);
    m.put("meanValueBytes", applications.isEmpty() ? 0 : bytes / applications.size());
    return m;
  }

  private void awaitCaughtUp(String topic) throws Exception {
    final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (!cluster.caughtUp(appId, topic)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(appId + " never caught up with " + topic);
      }
      Thread.sleep(100);
    }
  }

  /** Until every application is decided, or nothing is for a minute. */
  static void awaitDecided(DecisionWatcher watcher, Progress progress, int total)
      throws InterruptedException {
    awaitDecided(watcher, progress, total, () -> {});
  }

  /** As above, running {@code atHalf} once as the decided reach half of {@code total}. */
  static void awaitDecided(DecisionWatcher watcher, Progress progress, int total, Runnable atHalf)
      throws InterruptedException {
    boolean halfway = false;
    int last = watcher.pending();
    long lastChange = System.nanoTime();
    while (watcher.pending() > 0) {
      progress.tick("decided", () -> total - watcher.pending(), total);
      final int now = watcher.pending();
      if (!halfway && total - now >= total / 2) {
        halfway = true;
        atHalf.run();
      }
      if (now != last) {
        last = now;
        lastChange = System.nanoTime();
      } else if (System.nanoTime() - lastChange > TimeUnit.MINUTES.toNanos(1)) {
        return; // reported as undecided
      }
      Thread.sleep(5);
    }
  }
}
