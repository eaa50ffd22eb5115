package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.avro.internal.Arrival;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import cn.gxq.subsidy.programme.Rulebook;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The decision pipeline. Two trips through the broker per application, and no more:
 *
 * <pre>
 *  application topics ─ intake ─ re-key by credit code ══▶ join registry as of submittedAt
 *      ─ programme rules ─ router (revisions, claims) ─┐
 *  budgets ─ intake ───────────────────────────────────┼─ re-key by bucket ══▶ bucket ledger ─▶ decisions
 *                                  hand-overs ─────────┘   (budgets, line, sequences)    ─▶ totals ══▶ ALL sums
 * </pre>
 *
 * <p>Every ZONE:PROGRAMME:YEAR is decided on its own partition. An application lives in one bucket
 * at a time; the router sends each revision to that bucket first, which settles it or hands it over
 * to the bucket it moves to (see {@link cn.gxq.subsidy.ledger.BudgetLedger}).
 */
public final class SubsidyTopology {

  static final String BY_ENTERPRISE = "applications-by-enterprise";
  static final String BY_BUCKET = "ledger-by-bucket";

  /** The commit interval the application ships with (see {@link #baseConfig}). */
  public static final int COMMIT_INTERVAL_MS = 30;

  static final String BY_ALL = "totals-by-programme";

  /**
   * The processors whose order of meeting records decides competition (see {@link ArrivalJournal});
   * a replay reaches them through {@link ArrivalGates}, never by these names.
   */
  private static final String ROUTE = "route";

  private static final String LEDGER = "ledger";

  private SubsidyTopology() {}

  /**
   * The internal topics whose every version a restore needs: the registry store's changelog, which
   * exists only where the topology is not optimized to reuse the registry topic.
   */
  public static List<String> changelogsKeepingEveryVersion(String applicationId) {
    return List.of(applicationId + "-" + LedgerStores.ENTERPRISES + "-changelog");
  }

  public static Topology build(
      Topics topics, SubsidySerdes serdes, Rulebook rulebook, TopologySettings settings) {
    return build(topics, serdes, rulebook, settings, PipelineObserver.NONE);
  }

  public static Topology build(
      Topics topics,
      SubsidySerdes serdes,
      Rulebook rulebook,
      TopologySettings settings,
      PipelineObserver observer) {
    final StreamsBuilder builder = new StreamsBuilder();
    build(builder, topics, serdes, rulebook, settings, observer);
    return builder.build(optimized());
  }

  public static void build(
      StreamsBuilder builder,
      Topics topics,
      SubsidySerdes serdes,
      Rulebook rulebook,
      TopologySettings settings,
      PipelineObserver observer) {
    // The registry, kept with its history so each application meets the enterprise as it was.
    // Optimized, the registry topic itself (kept whole) is the store's changelog; should a
    // deployment turn that off, its own changelog must keep every version too (Streams would
    // compact it after a lag the versions' event-time timestamps have long passed).
    final KTable<String, Enterprise> registry =
        builder.table(
            topics.enterprises(),
            Consumed.with(Serdes.String(), serdes.enterprise()).withName("read-registry"),
            Materialized.<String, Enterprise>as(
                    Stores.persistentVersionedKeyValueStore(
                        LedgerStores.ENTERPRISES, settings.registryHistory()))
                .withKeySerde(Serdes.String())
                .withValueSerde(serdes.enterprise())
                .withLoggingEnabled(new HashMap<>(Topics.Kept.EVERY_VERSION.configs())));

    KStream<String, Routed<byte[]>> intake = null;
    for (ProgrammeDefinition<?> programme : Catalogue.programmes()) {
      final String name = slug(programme.programme());
      final KStream<String, Routed<byte[]>> one =
          builder.stream(
                  topics.applications(programme),
                  Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-" + name))
              .process(
                  () -> new ApplicationIntake(serdes.applicationHeader(programme)),
                  Named.as("intake-" + name));
      intake = intake == null ? one : intake.merge(one, Named.as("merge-" + name));
    }
    final KStream<String, byte[]> admitted = deadLettersOf(intake, topics, "intake", observer);

    // Re-key by credit code: the one repartition that brings each application to its registry.
    // The router beside the join settles claims and sends each revision to its home bucket.
    addRouterStores(builder, serdes, settings);
    final KStream<String, Routed<Proposal>> assessed =
        admitted
            .repartition(
                Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(BY_ENTERPRISE))
            .leftJoin(registry, Submission::new, asOfSubmission(serdes, settings))
            .process(
                () ->
                    new Assessor(
                        serdes.anyApplication(), rulebook, settings.replay().registryPins()),
                Named.as("assess"),
                settings.replay().registryPins() == RegistryPins.NONE
                    ? new String[0]
                    : new String[] {LedgerStores.ENTERPRISES});
    final KStream<String, Proposal> proposals = deadLettersOf(assessed, topics, "assess", observer);
    if (settings.journalsArrivals()) {
      journal(
          proposals.mapValues(ArrivalJournal::atRouter, Named.as("router-arrival")),
          topics,
          serdes,
          "router");
    }
    final KStream<String, LedgerCommand> routed =
        proposals.process(
            () -> settings.replay().gates().beforeRouter(new LedgerRouter()),
            Named.as(ROUTE),
            LedgerStores.ROUTES,
            LedgerStores.CLAIMS,
            LedgerStores.REGISTRATIONS);

    final KStream<String, LedgerCommand> allotments =
        deadLettersOf(
            builder.stream(
                    topics.budgets(),
                    Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-budgets"))
                .process(
                    () -> new BudgetIntake(serdes.budget().deserializer()),
                    Named.as("intake-budgets")),
            topics,
            "budgets",
            observer);

    // Re-key by bucket: each ZONE:PROGRAMME:YEAR is decided on its own partition, so a programme's
    // work spreads over all of them. Hand-overs between buckets come back in through their topic.
    addLedgerStores(builder, serdes, settings);
    final KStream<String, LedgerCommand> handovers =
        builder.stream(
            topics.ledgerHandovers(),
            Consumed.with(Serdes.String(), serdes.ledgerCommand()).withName("read-handovers"));
    final KStream<String, LedgerCommand> commands =
        routed
            .merge(allotments, Named.as("merge-budgets"))
            .repartition(
                Repartitioned.with(Serdes.String(), serdes.ledgerCommand()).withName(BY_BUCKET))
            .merge(handovers, Named.as("merge-handovers"));
    if (settings.journalsArrivals()) {
      journal(
          commands.mapValues(ArrivalJournal::atLedger, Named.as("ledger-arrival")),
          topics,
          serdes,
          "ledger");
    }
    final KStream<String, LedgerOutput> ledger =
        commands.process(
            () ->
                settings
                    .replay()
                    .gates()
                    .beforeLedger(new BucketLedgerProcessor(settings.totalsInterval(), observer)),
            Named.as(LEDGER),
            LedgerStores.HOLDINGS,
            LedgerStores.BUCKETS,
            LedgerStores.LINE,
            LedgerStores.PARKED);

    ledger
        .split(Named.as("ledger-"))
        .branch(
            (key, out) -> out.decision() != null,
            Branched.withConsumer(
                decisions -> {
                  final KStream<String, Decision> decided =
                      decisions.mapValues(LedgerOutput::decision, Named.as("decision"));
                  decided.to(
                      topics.decisions(),
                      Produced.with(Serdes.String(), serdes.decision())
                          .withName("write-decisions"));
                  FinanceFlow.add(builder, decided, topics, serdes, settings, observer);
                },
                "decisions"))
        .branch(
            (key, out) -> out.handover() != null,
            Branched.withConsumer(
                moves ->
                    moves
                        .mapValues(LedgerOutput::handover, Named.as("handover"))
                        .to(
                            topics.ledgerHandovers(),
                            Produced.with(Serdes.String(), serdes.ledgerCommand())
                                .withName("write-handovers")),
                "handovers"))
        .defaultBranch(
            Branched.withConsumer(
                totals ->
                    writeTotals(
                        totals.mapValues(LedgerOutput::totals, Named.as("totals")),
                        builder,
                        topics,
                        serdes,
                        settings,
                        observer),
                "totals"));

    if (settings.servesQueries()) {
      addQueryStores(builder, topics, serdes);
    }
  }

  /**
   * Writes a step's arrivals to the journal, keyed as the step's input is: the same key and
   * partition count put each entry on the partition of the task that met the record, after
   * everything that task met before it.
   */
  private static void journal(
      KStream<String, Arrival> arrivals, Topics topics, SubsidySerdes serdes, String step) {
    arrivals.to(
        topics.arrivals(),
        Produced.with(Serdes.String(), serdes.arrival()).withName("write-" + step + "-arrivals"));
  }

  /**
   * The current decision per application, for the HTTP API: the decisions topic as a table,
   * partitioned by application id like the topic, the later record of a key replacing the earlier
   * one ({@link TopicOrderTime}: by the topic's order, not by the decisions' event times). Kept as
   * the topic's bytes: a lookup decodes the one decision it answers with, the pipeline decodes
   * none. Uncached, so that the history store sees every decision, not only the last one per
   * commit.
   */
  private static void addQueryStores(StreamsBuilder builder, Topics topics, SubsidySerdes serdes) {
    final KTable<String, byte[]> decisions =
        builder.table(
            topics.decisions(),
            Consumed.with(Serdes.String(), Serdes.ByteArray())
                .withTimestampExtractor(new TopicOrderTime())
                .withName("read-decisions"),
            Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as(LedgerStores.DECISIONS)
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.ByteArray())
                .withCachingDisabled());
    DecisionHistoryStore.keep(decisions);
  }

  /**
   * Zone buckets' totals go out as they are, and to the sum of their programme and year over all
   * zones, which one more (low-volume) repartition brings together.
   */
  private static void writeTotals(
      KStream<String, Totals> zoneTotals,
      StreamsBuilder builder,
      Topics topics,
      SubsidySerdes serdes,
      TopologySettings settings,
      PipelineObserver observer) {
    zoneTotals.to(
        topics.totals(), Produced.with(Serdes.String(), serdes.totals()).withName("write-totals"));
    builder.addStateStore(
        settings.kept(
            Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(LedgerStores.ZONE_TOTALS),
                Serdes.String(),
                serdes.totals())));
    builder.addStateStore(
        settings.kept(
            Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(LedgerStores.ALL_TOTALS),
                Serdes.String(),
                serdes.totals())));
    zoneTotals
        .selectKey(
            (key, totals) -> BucketKey.parse(key).all().toString(), Named.as("totals-to-all"))
        .repartition(Repartitioned.with(Serdes.String(), serdes.totals()).withName(BY_ALL))
        .process(
            () -> new AllTotals(observer),
            Named.as("sum-zones"),
            LedgerStores.ZONE_TOTALS,
            LedgerStores.ALL_TOTALS)
        .to(
            topics.totals(),
            Produced.with(Serdes.String(), serdes.totals()).withName("write-all-totals"));
  }

  /**
   * A grace period, even zero, puts every application through a buffer store and its changelog (a
   * put and a delete per application); without grace the join needs no buffer at all.
   */
  private static Joined<String, byte[], Enterprise> asOfSubmission(
      SubsidySerdes serdes, TopologySettings settings) {
    final Joined<String, byte[], Enterprise> joined =
        Joined.with(Serdes.String(), Serdes.ByteArray(), serdes.enterprise())
            .withName("as-of-submission");
    return settings.registryGrace().isZero()
        ? joined
        : joined.withGracePeriod(settings.registryGrace());
  }

  /** Sends a step's dead letters to the dead-letter topic and returns the rest. */
  static <T> KStream<String, T> deadLettersOf(
      KStream<String, Routed<T>> routed, Topics topics, String step, PipelineObserver observer) {
    writeDeadLetters(
        routed.filter((key, value) -> value.isDead(), Named.as(step + "-dead")),
        topics,
        step,
        observer);
    return routed
        .filterNot((key, value) -> value.isDead(), Named.as(step + "-ok"))
        .mapValues(Routed::value, Named.as(step + "-value"));
  }

  /** Writes a step's dead letters, every record of {@code dead} one, to the dead-letter topic. */
  static <T> void writeDeadLetters(
      KStream<String, Routed<T>> dead, Topics topics, String step, PipelineObserver observer) {
    dead.process(() -> new DeadLetterWriter<T>(observer), Named.as(step + "-dead-letter"))
        .to(
            topics.deadLetter(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withName(step + "-write-dead-letters"));
  }

  /**
   * Cached: the cache sends each key's last value to RocksDB and the changelog once per commit
   * instead of on every write.
   */
  private static void addRouterStores(
      StreamsBuilder builder, SubsidySerdes serdes, TopologySettings settings) {
    builder.addStateStore(
        settings.kept(
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(LedgerStores.ROUTES),
                    Serdes.String(),
                    serdes.route())
                .withCachingEnabled()));
    builder.addStateStore(
        settings.kept(
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(LedgerStores.CLAIMS),
                    Serdes.String(),
                    Serdes.String())
                .withCachingEnabled()));
    builder.addStateStore(
        settings.kept(
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(LedgerStores.REGISTRATIONS),
                    Serdes.String(),
                    Serdes.Integer())
                .withCachingEnabled()));
  }

  /**
   * Holdings and buckets are cached (a release rewrites a bucket many times in one commit). Buckets
   * are few and rewritten constantly: kept in memory (still changelogged), they leave no RocksDB
   * tombstones. Not the line: walking it scans a range, and a scan over a cached store copies the
   * cached part of the range first.
   */
  private static void addLedgerStores(
      StreamsBuilder builder, SubsidySerdes serdes, TopologySettings settings) {
    builder.addStateStore(
        settings.kept(
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(LedgerStores.HOLDINGS),
                    Serdes.String(),
                    serdes.holding())
                .withCachingEnabled()));
    builder.addStateStore(
        settings.kept(
            Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(LedgerStores.BUCKETS),
                    Serdes.String(),
                    serdes.bucketState())
                .withCachingEnabled()));
    builder.addStateStore(
        settings.kept(
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LedgerStores.LINE),
                Serdes.String(),
                Serdes.String())));
    builder.addStateStore(
        settings.kept(
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LedgerStores.PARKED),
                Serdes.String(),
                serdes.ledgerCommand())));
  }

  // Processor names keep the programme's code, as they always had: renaming them would rename
  // nothing stored, but they show in every topology description operators have.
  private static String slug(Programme programme) {
    return programme.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reuse the registry topic as its table's changelog instead of copying a million records. */
  public static Properties optimized() {
    final Properties props = new Properties();
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
    return props;
  }

  /**
   * The settings every deployment of this topology needs, whatever the cluster: exactly-once, dead
   * letters for undecodable registry records, the optimisation above, the commit interval.
   */
  public static Properties baseConfig(
      String applicationId, String bootstrapServers, Topics topics) {
    final Properties props = optimized();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.StringSerde.class);
    props.put(
        StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
        DeadLetterDeserializationHandler.class);
    props.put(DeadLetterDeserializationHandler.DEAD_LETTER_TOPIC, topics.deadLetter());
    // Under exactly-once a record becomes visible downstream only when its transaction commits,
    // and two commits lie between a submission and its decision: 30 ms instead of the default
    // 100 ms brought the p99 latency at 20% load from about 540 ms to about 210 ms (see
    // docs/benchmark.md). The benchmark measures with this setting.
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, COMMIT_INTERVAL_MS);
    props.put(StreamsConfig.producerPrefix("transaction.timeout.ms"), 30_000);
    return props;
  }
}
