package cn.gxq.subsidy.whatif;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import cn.gxq.subsidy.topology.PipelineObserver;
import cn.gxq.subsidy.topology.ReplayHooks;
import cn.gxq.subsidy.topology.SubsidySerdes;
import cn.gxq.subsidy.topology.SubsidyTopology;
import cn.gxq.subsidy.topology.TopicSetup;
import cn.gxq.subsidy.topology.TopologySettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * One what-if replay: the decision topology, unchanged, as its own Kafka Streams application {@code
 * whatif.NAME}, reading the live inputs up to a snapshot of their ends and writing only {@code
 * whatif.NAME.}-prefixed topics. It starts clean and returns when everything in the snapshot is
 * decided.
 */
public final class WhatIfReplay {

  /** Where and how to replay; {@code budgets} (JSON lines) replaces the live budgets, or null. */
  public record Settings(
      String name,
      Topics live,
      Properties client,
      Path stateDir,
      Path budgets,
      Map<String, String> streamsOverrides) {}

  /**
   * What was replayed and how long it took, and the end of the live decisions as they stood when
   * the replay began (see {@link LiveCut}).
   */
  record Outcome(
      Topics topics, long records, Duration took, Map<TopicPartition, Long> liveDecisions) {}

  /**
   * Batch settings: a replay is judged by its throughput, not by a decision's latency. A commit
   * every second instead of every 30 ms ends a transaction (markers, offset commit, flushed caches)
   * 30 times less often, and a larger record cache folds more of the ledger's repeated writes to
   * the same bucket before they reach RocksDB and the changelogs.
   */
  static final int COMMIT_INTERVAL_MS = 1000;

  static final long CACHE_BYTES = 64L * 1024 * 1024;

  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration PROGRESS = Duration.ofSeconds(5);

  /** After gates skip, what they released is committed within a commit interval or two. */
  private static final Duration SKIP_SETTLES = Duration.ofMillis(3 * COMMIT_INTERVAL_MS);

  private final Settings settings;

  WhatIfReplay(Settings settings) {
    this.settings = settings;
  }

  static String applicationId(String name) {
    return "whatif." + name;
  }

  static String prefix(String name) {
    return applicationId(name) + ".";
  }

  Outcome run(SchemaRegistryClient registry, Rulebook rulebook, PrintStream progress)
      throws Exception {
    final String applicationId = applicationId(settings.name());
    final Topics topics =
        settings.live().writingUnder(prefix(settings.name()), settings.budgets() != null);
    try (Admin admin = Admin.create(settings.client())) {
      final int partitions = prepareTopics(admin, topics, registry, progress);
      final LiveCut.Taken cut = takeCut(admin, progress);
      final LiveOrder order = liveOrder(cut.cut(), registry, partitions, progress);
      final InputSnapshot snapshot = InputSnapshot.take(admin, inputs(topics));
      progress.printf(
          "whatif: replaying %,d records of %s up to their ends now%n",
          snapshot.size(), String.join(", ", inputs(topics)));
      // Registration numbers are dealt out over the router's partitions, the registry's, as live.
      final int routerPartitions =
          describe(admin, settings.live().enterprises()).partitions().size();
      final Properties config = config(applicationId, topics, snapshot, order, routerPartitions);
      final Topology topology = topology(config, topics, registry, rulebook, order);
      final ReplayWatch watch =
          new ReplayWatch(
              admin, applicationId, snapshot, ownTopics(topology, topics, applicationId));
      final long started = System.nanoTime();
      final long records = replay(topology, config, watch, order, started, progress);
      final Duration took = Duration.ofNanos(System.nanoTime() - started);
      reportOrder(order, progress);
      return new Outcome(topics, records, took, cut.cut().decisions());
    }
  }

  /**
   * Checks there is something to replay, clears an earlier run of the same name and creates the
   * run's topics like the live ones; returns the live applications' partition count.
   */
  private int prepareTopics(
      Admin admin, Topics topics, SchemaRegistryClient registry, PrintStream progress)
      throws Exception {
    requireLiveInputs(admin, settings.live());
    WhatIfCleanup.deleteRun(admin, settings.name());
    final TopicDescription applications =
        describe(admin, settings.live().applications(Catalogue.of(Programme.RENT_RELIEF)));
    TopicSetup.ensure(
        admin,
        topics,
        applications.partitions().size(),
        (short) applications.partitions().get(0).replicas().size());
    if (settings.budgets() != null) {
      final int published =
          BudgetFile.publish(settings.budgets(), settings.client(), registry, topics.budgets());
      progress.printf(
          "whatif: %d budgets from %s replace the live ones%n", published, settings.budgets());
    }
    return applications.partitions().size();
  }

  private LiveCut.Taken takeCut(Admin admin, PrintStream progress) throws Exception {
    final boolean hasJournal =
        admin.listTopics().names().get().contains(settings.live().arrivals());
    final LiveCut.Taken cut = LiveCut.take(admin, settings.live(), hasJournal);
    if (!cut.consistent()) {
      progress.printf(
          "whatif: live kept committing while the cut was taken; a decision or two at its edge"
              + " may be compared one step early or late%n");
    }
    return cut;
  }

  /**
   * The live topology, unchanged, with the gates of live's order at its hooks when there is one.
   */
  private static Topology topology(
      Properties config,
      Topics topics,
      SchemaRegistryClient registry,
      Rulebook rulebook,
      LiveOrder order) {
    final StreamsBuilder builder =
        new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)));
    SubsidyTopology.build(
        builder,
        topics,
        new SubsidySerdes(registry),
        rulebook,
        TopologySettings.defaults()
            .forReplay(order == null ? ReplayHooks.LIVE : new ReplayHooks(order, order)),
        PipelineObserver.NONE);
    return builder.build(config);
  }

  /** Runs the replay until the snapshot is decided; returns the records replayed. */
  private long replay(
      Topology topology,
      Properties config,
      ReplayWatch watch,
      LiveOrder order,
      long started,
      PrintStream progress)
      throws Exception {
    try (KafkaStreams streams = new KafkaStreams(topology, config)) {
      // Ctrl-C leaves the group at once, so the same name can run again without waiting for the
      // session to time out.
      final Thread hook = new Thread(() -> leave(streams), "whatif-shutdown");
      Runtime.getRuntime().addShutdownHook(hook);
      try {
        // Whatever stops a stream thread stops the replay, and the command says what it was.
        final AtomicReference<String> failure = new AtomicReference<>();
        streams.setUncaughtExceptionHandler(
            e -> {
              failure.compareAndSet(null, rootMessage(e));
              return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
            });
        streams.cleanUp(); // a previous run of this name left state behind
        streams.start();
        final long records = await(streams, watch, order, failure, started, progress);
        leave(streams);
        return records;
      } finally {
        try {
          Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
          // the JVM is shutting down and the hook is leaving the group
        }
      }
    }
  }

  /** What the gates could not keep of live's order, if anything. */
  private static void reportOrder(LiveOrder order, PrintStream progress) {
    if (order == null) {
      return;
    }
    if (order.beyondCut() > 0) {
      progress.printf(
          "whatif: %,d records live had not met yet when the what-if began were not replayed%n",
          order.beyondCut());
    }
    if (order.registryNotFound() > 0) {
      progress.printf(
          "whatif: %,d revisions met a registry version other than live's: the version live met"
              + " is beyond the registry's history now%n",
          order.registryNotFound());
    }
    if (order.skipped() > 0) {
      progress.printf(
          "whatif: %,d records live met never came in the replay (a candidate that fails on what"
              + " live decided?); the rest kept live's order without them%n",
          order.skipped());
    }
  }

  /** The innermost cause's message: Kafka Streams wraps what a processor threw. */
  private static String rootMessage(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage() != null ? cause.getMessage() : cause.toString();
  }

  private static void leave(KafkaStreams streams) {
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
  }

  /**
   * Polls until the snapshot is decided. Drained with records still held at a gate means they wait
   * for records that will not come: the gates are told to skip those, and the replay is done only
   * once what they then released has been committed and drained too.
   */
  private long await(
      KafkaStreams streams,
      ReplayWatch watch,
      LiveOrder order,
      AtomicReference<String> failure,
      long started,
      PrintStream progress)
      throws InterruptedException, ExecutionException {
    long lastShown = started;
    long lastSkip = 0;
    final ReplayProgress meter = new ReplayProgress();
    while (true) {
      final KafkaStreams.State state = streams.state();
      if (state == KafkaStreams.State.ERROR
          || state == KafkaStreams.State.PENDING_ERROR
          || state == KafkaStreams.State.NOT_RUNNING) {
        final String why = failure.get();
        throw new IllegalStateException(
            "the replay's Kafka Streams stopped: " + state + (why == null ? "" : ": " + why));
      }
      final ReplayWatch.Status status = watch.poll();
      final long now = System.nanoTime();
      final long held = order == null ? 0 : order.held();
      final boolean settled = lastSkip == 0 || now - lastSkip > SKIP_SETTLES.toNanos();
      final boolean done = status.done() && held == 0 && settled;
      if (done || now - lastShown >= PROGRESS.toNanos()) {
        progress.println(meter.line(status, Duration.ofNanos(now - started)));
        lastShown = now;
      } else {
        meter.observe(status, Duration.ofNanos(now - started));
      }
      if (done) {
        return status.total();
      }
      if (status.done() && held > 0 && settled && order.skipMissing()) {
        progress.printf(
            "whatif: %,d records wait for records live met before them that the replay has not"
                + " met; going on without those%n",
            held);
        lastSkip = now;
      }
      Thread.sleep(POLL.toMillis());
    }
  }

  /**
   * Live's arrival journal up to the cut, taken before the inputs' snapshot so that every record it
   * names lies inside that snapshot; null when there is none to keep.
   */
  private LiveOrder liveOrder(
      LiveCut cut, SchemaRegistryClient registry, int partitions, PrintStream progress) {
    final String journal = settings.live().arrivals();
    if (cut.journal() == null) {
      progress.printf(
          "whatif: no arrival journal %s: competitors are met in the replay's own order, so"
              + " decisions that depend on who came first may differ from live%n",
          journal);
      return null;
    }
    if (cut.journal().size() != partitions) {
      progress.printf(
          "whatif: the arrival journal %s has %d partitions, the application topics %d: its"
              + " order is not the tasks'; competitors are met in the replay's own order%n",
          journal, cut.journal().size(), partitions);
      return null;
    }
    final LiveOrder order =
        LiveOrder.read(
            settings.client(),
            new SubsidySerdes(registry).arrival().deserializer(),
            cut.journal(),
            settings.budgets() == null);
    progress.printf(
        "whatif: live's arrival journal names %,d records its router and ledger met%n",
        order.size());
    return order;
  }

  private Properties config(
      String applicationId,
      Topics topics,
      InputSnapshot snapshot,
      LiveOrder order,
      int routerPartitions) {
    final Properties props =
        SubsidyTopology.baseConfig(
            applicationId, settings.client().getProperty("bootstrap.servers"), topics);
    props.putAll(settings.client());
    props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, CACHE_BYTES);
    props.put(StreamsConfig.PROCESSOR_WRAPPER_CLASS_CONFIG, SnapshotFilter.class.getName());
    // Without it every StreamsConfig warns that global processing ignores the processing
    // exception handler; none is configured, so failing on an error there is what happens anyway.
    props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    props.put(SnapshotFilter.SNAPSHOT_CONFIG, snapshot.encode());
    props.put(TopologySettings.ROUTER_PARTITIONS_CONFIG, Integer.toString(routerPartitions));
    props.putAll(settings.streamsOverrides());
    return props;
  }

  /**
   * The topics the replay reads up to the snapshot: applications, and budgets (its own or live).
   */
  static List<String> inputs(Topics topics) {
    final List<String> inputs = new ArrayList<>();
    for (ProgrammeDefinition<?> programme : Catalogue.programmes()) {
      inputs.add(topics.applications(programme));
    }
    inputs.add(topics.budgets());
    inputs.add(topics.settlements());
    return inputs;
  }

  /**
   * Every topic the topology reads that it also writes: all its sources but inputs and registry.
   */
  private static Set<String> ownTopics(Topology topology, Topics topics, String applicationId) {
    final Set<String> own = new HashSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
          own.addAll(source.topicSet());
        }
      }
    }
    own.removeAll(inputs(topics));
    own.remove(topics.enterprises());
    // Repartition topics are named without the application id in the description.
    final Set<String> named = new HashSet<>();
    for (String topic : own) {
      named.add(topic.endsWith("-repartition") ? applicationId + "-" + topic : topic);
    }
    return named;
  }

  /** A replay reads what was recorded; it never creates a live topic that is missing. */
  private static void requireLiveInputs(Admin admin, Topics live)
      throws InterruptedException, ExecutionException {
    final Set<String> existing = admin.listTopics().names().get();
    final List<String> inputs = new ArrayList<>(inputs(live));
    inputs.add(live.enterprises());
    final List<String> missing = inputs.stream().filter(t -> !existing.contains(t)).toList();
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "nothing recorded to replay: no topic " + String.join(", ", missing));
    }
  }

  private static TopicDescription describe(Admin admin, String topic)
      throws InterruptedException, ExecutionException {
    return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
  }
}
