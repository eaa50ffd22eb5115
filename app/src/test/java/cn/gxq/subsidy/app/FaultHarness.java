package cn.gxq.subsidy.app;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.ExpectedDeadLetter;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.demo.HostileRecord;
import cn.gxq.subsidy.demo.HostileRecords;
import cn.gxq.subsidy.demo.Mix;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.registry.LocalSchemaRegistry;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import cn.gxq.subsidy.topology.TopicSetup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One fault run: the broker (or a three-node cluster) and two application instances (same
 * application id) as child JVMs, the registry in-process, a feeder publishing a long demo stream
 * with hostile records in it, and the seeded chaos schedule; then the verifier's checks, the check
 * that every acknowledged send is in the log, and a one-line verdict.
 */
final class FaultHarness {

  static final int PARTITIONS = 3;
  static final int LARGE_VALUE_BYTES = 900_000;
  private static final Instant START = Instant.parse("2022-03-01T00:00:00Z");

  private final FaultPlan plan;
  private final Consumer<String> log;
  private final Topics topics = Topics.defaults();

  FaultHarness(FaultPlan plan, Consumer<String> log) {
    this.plan = plan;
    this.log = log;
  }

  /** The outcome: the verifier's report, the faults done, and the verdict line. */
  record Verdict(
      FaultVerifier.Report report,
      FaultPlan plan,
      int kills,
      int brokerRestarts,
      List<Long> leaderStallsMillis,
      long ackedMissing,
      int underReplicated,
      long feederFailures,
      List<String> problems,
      long seconds) {
    boolean passed() {
      return problems.isEmpty() && report.passed();
    }

    String line() {
      final String cluster =
          plan.brokers() == 1
              ? ""
              : String.format(
                  "brokers=%d acks=%s minIsr=%d ",
                  plan.brokers(), plan.acks(), plan.minInsyncReplicas());
      final String stalls =
          leaderStallsMillis.stream()
              .map(ms -> String.format("%.1fs", ms / 1000.0))
              .collect(java.util.stream.Collectors.joining(",", "[", "]"));
      return String.format(
          "FAULT VERDICT: %s %sapplications=%d decisions=%d kills=%d brokerRestarts=%d"
              + " leaderKills=%d ackedMissing=%d underReplicated=%d leaderStalls=%s"
              + " deadLetters=%d/%d totalsBuckets=%d uncertainSends=%d in %d s",
          passed() ? "PASS" : "FAIL",
          cluster,
          report.applications(),
          report.decisions(),
          kills,
          brokerRestarts,
          leaderStallsMillis.size(),
          ackedMissing,
          underReplicated,
          stalls,
          report.deadLetters(),
          report.deadLettersExpected(),
          report.totalsBuckets(),
          feederFailures,
          seconds);
    }
  }

  Verdict run() throws Exception {
    final long begin = System.nanoTime();
    final Path runDir = Files.createTempDirectory("subsidy-fault");
    log.accept("run directory " + runDir + ", plan " + plan);
    final List<FaultAppNode> nodes = new ArrayList<>();
    FaultCluster broker = null;
    Admin admin = null;
    FaultProgress progress = null;
    LocalSchemaRegistry registry = null;
    SchemaRegistryClient client = null;
    FaultFeeder feeder = null;
    try {
      final String classPath = FaultClassPath.snapshot(runDir.resolve("classpath"));
      final short replication = (short) Math.min(3, plan.brokers());
      broker = new FaultCluster(runDir, classPath, plan.brokers(), brokerProperties()).start();
      log.accept("brokers at " + broker.bootstrap());
      admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrap()));
      registry =
          LocalSchemaRegistry.builder()
              .bootstrapServers(broker.bootstrap())
              .port(0)
              .replicationFactor(replication)
              .start();
      client = new RestSchemaRegistryClient(registry.url());
      TopicSetup.ensure(
          admin,
          topics,
          PARTITIONS,
          replication,
          plan.brokers() == 1 ? 0 : plan.minInsyncReplicas());
      final List<Generated> timeline = scenario().timeline(plan.applications());
      final List<HostileRecord> hostile = hostile(client);
      final FaultExpectation expected = new FaultExpectation(timeline, hostile, topics);
      log.accept(
          String.format(
              "timeline %d records (%d applications), %d hostile",
              timeline.size(),
              timeline.stream().filter(Generated::isApplication).count(),
              hostile.size()));

      for (String name : List.of("node-a", "node-b")) {
        nodes.add(
            new FaultAppNode(
                    name,
                    runDir,
                    classPath,
                    broker.bootstrap(),
                    registry.url(),
                    "fault-" + plan.seed(),
                    PARTITIONS,
                    replication)
                .start());
      }
      progress = new FaultProgress(admin, topics.decisions(), PARTITIONS).start();
      feeder =
          new FaultFeeder(
                  broker.bootstrap(),
                  client,
                  topics,
                  timeline,
                  hostile,
                  plan.perSecond(),
                  plan.acks())
              .start();
      final long feedStart = System.nanoTime();
      final FaultChaos chaos = new FaultChaos(plan, log);
      chaos.run(feedStart, broker, admin, progress, nodes);
      final List<String> problems = new ArrayList<>();
      if (!feeder.awaitDone(plan.timeout())) {
        problems.add("feeder did not finish within " + plan.timeout());
      }
      log.accept(
          String.format(
              "t=%ds feeder done: %d sent, %d failed",
              (System.nanoTime() - feedStart) / 1_000_000_000L, feeder.sent(), feeder.failed()));
      if (feeder.failed() > 0) {
        log.accept(
            feeder.failed()
                + " sends failed ("
                + feeder.firstFailure()
                + "); checking the topics for them");
        problems.addAll(new FaultUncertainSends(broker.bootstrap()).check(feeder.uncertain()));
      }
      final FaultAckedCheck.Result acked =
          new FaultAckedCheck(broker.bootstrap())
              .check(
                  feeder.acks(),
                  topics.all(Catalogue.programmes()).stream()
                      .filter(Topics.TopicSpec::compacted)
                      .map(Topics.TopicSpec::name)
                      .collect(java.util.stream.Collectors.toSet()));
      log.accept(
          String.format(
              "acknowledged sends: %d checked, %d not in the log %s",
              acked.checked(), acked.missing(), acked.examples()));
      if (acked.missing() > 0) {
        problems.add(acked.missing() + " acknowledged sends not in the log: " + acked.examples());
      }
      final FaultVerifier.Report report =
          new FaultVerifier(broker.bootstrap(), client, topics).verify(expected, plan.timeout());
      final List<Long> stalls = new ArrayList<>();
      for (FaultChaos.LeaderKill kill : chaos.leaderKills()) {
        final long end = Math.min(kill.windowEndNanos(), System.nanoTime());
        final long stall = progress.longestGapMillis(kill.atNanos(), end);
        stalls.add(stall);
        log.accept(
            String.format(
                "leader kill of %s: decisions stalled at most %d ms (over %d s after it);"
                    + " replicas back in sync %d ms after its restart",
                kill.node(), stall, (end - kill.atNanos()) / 1_000_000_000L, kill.rejoinMillis()));
      }
      // A restarted node catches up within seconds; a minute covers a slow machine.
      final List<String> behind = FaultCluster.awaitInSync(admin, Duration.ofSeconds(60));
      if (!behind.isEmpty()) {
        problems.add("under-replicated at the end: " + behind);
      }
      for (FaultAppNode node : nodes) {
        final String state = node.state();
        if (!node.isAlive() || !"RUNNING".equals(state)) {
          problems.add(
              node.name()
                  + " is "
                  + (node.isAlive() ? state : "dead")
                  + " at the end; see "
                  + node.log());
        }
      }
      return new Verdict(
          report,
          plan,
          chaos.kills(),
          chaos.brokerRestarts(),
          stalls,
          acked.missing(),
          behind.size(),
          feeder.failed(),
          List.copyOf(problems),
          (System.nanoTime() - begin) / 1_000_000_000L);
    } finally {
      for (FaultAppNode node : nodes) {
        quietly(node);
      }
      quietly(feeder);
      quietly(progress);
      quietly(client);
      quietly(registry);
      quietly(admin);
      quietly(broker);
      FaultChildProcess.killAll();
      deleteTree(runDir.resolve("classpath")); // the logs and the broker's data stay
    }
  }

  /** The min-ISR experiment sets the cluster's default too: internal topics and changelogs. */
  private Map<String, String> brokerProperties() {
    if (plan.brokers() == 1) {
      return Map.of();
    }
    final String minIsr = Integer.toString(plan.minInsyncReplicas());
    return Map.of("min.insync.replicas", minIsr, "transaction.state.log.min.isr", minIsr);
  }

  /** The demo stream over about a year of event time, a quarter as many enterprises. */
  private DemoScenario scenario() {
    final int enterprises = Math.max(400, plan.applications() / 4);
    final Duration gap =
        Duration.ofMillis(
            Math.max(60_000L, Duration.ofDays(300).toMillis() / Math.max(1, plan.applications())));
    return DemoScenario.of(plan.seed(), enterprises, START, gap, Mix.defaults());
  }

  /**
   * The wire-level hostile records of every input topic, minus what the broker itself refuses (a
   * missing key on a compacted topic) and a null value on the registry topic, which is a tombstone
   * there (HostileInputTest covers it).
   */
  private List<HostileRecord> hostile(SchemaRegistryClient client) {
    final HostileRecords factory = new HostileRecords(plan.seed() ^ 0xBADL, START);
    final List<HostileRecord> out = new ArrayList<>();
    for (RecordKind type : Catalogue.recordKinds()) {
      final String topic = type.topic(topics);
      final int schemaId = client.register(topic + "-value", schemaOf(type));
      for (HostileRecord r : factory.all(type.name(), schemaId, LARGE_VALUE_BYTES)) {
        final boolean compacted = type == RecordKind.ENTERPRISE || type == RecordKind.BUDGET;
        if (compacted && r.expected() == ExpectedDeadLetter.MISSING_KEY) {
          continue;
        }
        if (type == RecordKind.ENTERPRISE && r.expected() == ExpectedDeadLetter.NULL_VALUE) {
          continue;
        }
        // On a compacted topic a later record with the same key may be compacted away before
        // anyone reads it (event-time timestamps months apart roll segments at once), so each
        // hostile record there gets a key of its own.
        out.add(
            compacted
                ? new HostileRecord(
                    r.description(),
                    r.topicKind(),
                    r.key() + "-H" + out.size(),
                    r.value(),
                    r.expected())
                : r);
      }
    }
    return out;
  }

  static Schema schemaOf(RecordKind type) {
    try {
      return (Schema) type.recordClass().getMethod("getClassSchema").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path dir) {
    try (java.util.stream.Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException ignored) {
      // a temp directory: leftovers are harmless
    }
  }

  private static void quietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // best effort: the next child must still be stopped
    }
  }
}
