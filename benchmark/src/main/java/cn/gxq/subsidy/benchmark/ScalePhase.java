package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.EnterpriseGenerator;
import cn.gxq.subsidy.demo.Generated;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * A registry of a million enterprises: how long it takes to publish and materialise, what it costs
 * in heap and disk, and how long the application takes to restore all its state from the changelogs
 * (the registry from its own topic) after its state directory is deleted.
 */
final class ScalePhase {

  static final String APP_ID = "bench-scale";
  private static final int LEDGER_APPLICATIONS = 20_000;

  /** What the phase measured. */
  record Result(
      int enterprises,
      double publishSeconds,
      double loadSeconds,
      HeapMonitor.Snapshot loadHeap,
      long stateBytes,
      long brokerBytes,
      int applications,
      int undecided,
      double restoreSeconds,
      double restoringSeconds,
      Map<String, Long> restoredRecords,
      HeapMonitor.Snapshot restoreHeap) {}

  private final Cluster cluster;
  private final Options options;
  private final Workers workers;
  private final PrintStream out;
  private final Topics topics = new Topics("scale.");

  ScalePhase(Cluster cluster, Options options, Workers workers, PrintStream out) {
    this.cluster = cluster;
    this.options = options;
    this.workers = workers;
    this.out = out;
  }

  Result run() throws Exception {
    cluster.createContractTopics(topics, options.partitions());
    final int n = options.scaleEnterprises();
    final RecordEncoder encoder = new RecordEncoder(topics, cluster.registryClient());
    final double publishSeconds;
    final double loadSeconds;
    final HeapMonitor.Snapshot loadHeap;
    final int applications = Math.min(LEDGER_APPLICATIONS, Math.max(1, n / 50));
    final int undecided;
    try (StreamsProcess streams = workers.pipeline(APP_ID, topics.prefix(), 1);
        KafkaProducer<String, byte[]> producer = Clients.batchedProducer(cluster.bootstrap())) {
      streams.awaitRunning(Duration.ofMinutes(2));
      final EnterpriseGenerator registry =
          new EnterpriseGenerator(PipelinePhase.SEED, PipelinePhase.START);
      final Progress progress = new Progress(out, "scale load");
      final long began = System.nanoTime();
      for (int i = 0; i < n; i++) {
        producer.send(encoder.encode(Generated.of(registry.next())).record(), Failures.CALLBACK);
        final int sent = i;
        progress.tick("published", () -> sent, n);
      }
      producer.flush();
      Failures.check();
      publishSeconds = (System.nanoTime() - began) / 1e9;
      while (!cluster.caughtUp(APP_ID, topics.enterprises())) {
        progress.tick("published (materialising)", () -> n, n);
        Thread.sleep(50);
      }
      loadSeconds = (System.nanoTime() - began) / 1e9;
      out.printf(
          "  scale        %,d enterprises published in %.1f s, materialised after %.1f s%n",
          n, publishSeconds, loadSeconds);
      undecided = ledgerState(producer, encoder, applications, Math.min(n, 20_000));
      loadHeap = streams.stop();
    }
    final Path stateDir = workers.stateDir(APP_ID);
    final long stateBytes = Cluster.sizeOf(stateDir);
    final long brokerBytes = cluster.topicBytes(topics.prefix()) + cluster.topicBytes(APP_ID);
    deleteRecursively(stateDir);
    out.printf("  scale        state directory (%,d MB) deleted; restoring%n", stateBytes >> 20);
    try (StreamsProcess streams = workers.pipeline(APP_ID, topics.prefix(), 1)) {
      final long running = streams.awaitRunning(Duration.ofMinutes(10));
      final List<StreamsProcess.Restored> restored = streams.restored();
      final long lastRestore =
          restored.stream().mapToLong(StreamsProcess.Restored::endedMillis).max().orElse(running);
      final double restoreSeconds =
          (Math.max(running, lastRestore) - streams.startedMillis()) / 1e3;
      final long firstRestore =
          restored.stream().mapToLong(r -> r.endedMillis() - r.millis()).min().orElse(lastRestore);
      final double restoringSeconds = (lastRestore - firstRestore) / 1e3;
      final Map<String, Long> records = new TreeMap<>();
      restored.forEach(r -> records.merge(r.store(), r.records(), Math::max));
      out.printf(
          "  scale        restored in %.1f s (%.1f s restoring): %s%n",
          restoreSeconds, restoringSeconds, records);
      return new Result(
          n,
          publishSeconds,
          loadSeconds,
          loadHeap,
          stateBytes,
          brokerBytes,
          applications,
          undecided,
          restoreSeconds,
          restoringSeconds,
          records,
          streams.stop());
    }
  }

  /** Budgets and some applications, so the ledger has state to restore too. */
  private int ledgerState(
      KafkaProducer<String, byte[]> producer, RecordEncoder encoder, int count, int registered)
      throws Exception {
    // The first enterprises of the generator are the scenario's registry: same seed and start.
    final DemoScenario scenario =
        DemoScenario.standard(PipelinePhase.SEED, registered, PipelinePhase.START);
    try (DecisionWatcher watcher = new DecisionWatcher(cluster.bootstrap(), topics.decisions())) {
      for (Generated g : scenario.budgets()) {
        producer.send(encoder.encode(g).record(), Failures.CALLBACK);
      }
      for (Generated g : scenario.applicationGenerator().take(count)) {
        final Prepared p = encoder.encode(g);
        watcher.expect(p.decisionKey());
        producer.send(p.record(), Failures.CALLBACK);
      }
      producer.flush();
      Failures.check();
      final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (watcher.pending() > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      out.printf(
          "  scale        %,d applications decided for ledger state%n", count - watcher.pending());
      return watcher.pending();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
