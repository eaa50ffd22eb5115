package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.rules.Rulebook;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
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
import org.apache.kafka.streams.state.Stores;

/**
 * The decision pipeline. Two trips through the broker per application, and no more:
 *
 * <pre>
 *  3 application topics ─ intake (decode, dead-letter) ─┐
 *                                                        ├─ re-key by credit code ══▶ join registry as of
 *                                                        │    submittedAt ─ programme rules ─┐
 *  budgets ─ intake ─────────────────────────────────────┼───────────────────────────────────┤
 *                                                        └─ re-key by programme ══▶ decision ledger ─▶ decisions
 *                                                             (claims, budgets, waitlist, sequences) ─▶ totals
 * </pre>
 */
public final class SubsidyTopology {

  static final String BY_ENTERPRISE = "applications-by-enterprise";
  static final String BY_PROGRAMME = "ledger-commands";

  private SubsidyTopology() {}

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
    final KTable<String, Enterprise> registry =
        builder.table(
            topics.enterprises(),
            Consumed.with(Serdes.String(), serdes.enterprise()).withName("read-registry"),
            Materialized.<String, Enterprise>as(
                    Stores.persistentVersionedKeyValueStore(
                        LedgerStores.ENTERPRISES, settings.registryHistory()))
                .withKeySerde(Serdes.String())
                .withValueSerde(serdes.enterprise()));

    KStream<String, Routed<byte[]>> intake = null;
    for (Programme programme : Programme.values()) {
      final String name = slug(programme);
      final KStream<String, Routed<byte[]>> one =
          builder.stream(
                  topics.applications(programme),
                  Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-" + name))
              .process(
                  () -> new ApplicationIntake(serdes.application(programme)),
                  Named.as("intake-" + name));
      intake = intake == null ? one : intake.merge(one, Named.as("merge-" + name));
    }
    final KStream<String, byte[]> admitted = deadLettersOf(intake, topics, "intake", observer);

    // Re-key by credit code: the one repartition that brings each application to its registry.
    final KStream<String, Routed<LedgerCommand>> assessed =
        admitted
            .repartition(
                Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName(BY_ENTERPRISE))
            .leftJoin(registry, Submission::new, asOfSubmission(serdes, settings))
            .process(() -> new Assessor(serdes.anyApplication(), rulebook), Named.as("assess"));
    final KStream<String, LedgerCommand> proposals =
        deadLettersOf(assessed, topics, "assess", observer);

    final KStream<String, LedgerCommand> allotments =
        deadLettersOf(
            builder.stream(
                    topics.budgets(),
                    Consumed.with(Serdes.String(), Serdes.ByteArray()).withName("read-budgets"))
                .process(
                    () -> new BudgetIntake(serdes.budget().deserializer()),
                    Named.as("intake-budgets")),
            topics,
            "budgets",
            observer);

    // Re-key by programme: the ledger owns every application of its programme.
    addLedgerStores(builder, serdes);
    final KStream<String, LedgerOutput> ledger =
        proposals
            .merge(allotments, Named.as("merge-budgets"))
            .repartition(
                Repartitioned.with(Serdes.String(), serdes.ledgerCommand())
                    .withStreamPartitioner(new ProgrammePartitioner<>())
                    .withName(BY_PROGRAMME))
            .process(
                () -> new DecisionLedger(settings.totalsInterval(), observer),
                Named.as("ledger"),
                LedgerStores.APPLICATIONS,
                LedgerStores.CLAIMS,
                LedgerStores.BUCKETS,
                LedgerStores.WAITLIST,
                LedgerStores.PENDING_TOTALS);

    ledger
        .split(Named.as("ledger-"))
        .branch(
            (key, out) -> out.decision() != null,
            Branched.withConsumer(
                decisions ->
                    decisions
                        .mapValues(LedgerOutput::decision, Named.as("decision"))
                        .to(
                            topics.decisions(),
                            Produced.with(Serdes.String(), serdes.decision())
                                .withName("write-decisions")),
                "decisions"))
        .defaultBranch(
            Branched.withConsumer(
                totals ->
                    totals
                        .mapValues(LedgerOutput::totals, Named.as("totals"))
                        .to(
                            topics.totals(),
                            Produced.with(Serdes.String(), serdes.totals())
                                .withName("write-totals")),
                "totals"));
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
  private static <T> KStream<String, T> deadLettersOf(
      KStream<String, Routed<T>> routed, Topics topics, String step, PipelineObserver observer) {
    routed
        .filter((key, value) -> value.isDead(), Named.as(step + "-dead"))
        .process(() -> new DeadLetterWriter<T>(observer), Named.as(step + "-dead-letter"))
        .to(
            topics.deadLetter(),
            Produced.with(Serdes.ByteArray(), Serdes.ByteArray())
                .withName(step + "-write-dead-letters"));
    return routed
        .filterNot((key, value) -> value.isDead(), Named.as(step + "-ok"))
        .mapValues(Routed::value, Named.as(step + "-value"));
  }

  /**
   * Cached: a decision rewrites its bucket, the ALL bucket and their pending totals several times;
   * the cache sends each key's last value to RocksDB and the changelog once per commit instead of
   * on every write (the benchmark measured 13 changelog records per application without it, 3.5
   * with it; see docs/benchmark.md). Not the waitlist: every eligible application scans the head of
   * its line, and a scan over a cached store copies the cached part of the range first.
   */
  private static void addLedgerStores(StreamsBuilder builder, SubsidySerdes serdes) {
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LedgerStores.APPLICATIONS),
                Serdes.String(),
                serdes.applicationState())
            .withCachingEnabled());
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(LedgerStores.CLAIMS),
                Serdes.String(),
                Serdes.String())
            .withCachingEnabled());
    // Buckets and pending totals are few (zones × programmes × years) and rewritten constantly:
    // kept in memory (still changelogged), they leave no RocksDB tombstones for scans to wade
    // through.
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(LedgerStores.BUCKETS),
            Serdes.String(),
            serdes.bucketState()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(LedgerStores.WAITLIST),
            Serdes.String(),
            Serdes.String()));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.inMemoryKeyValueStore(LedgerStores.PENDING_TOTALS),
            Serdes.String(),
            Serdes.Long()));
  }

  private static String slug(Programme programme) {
    return programme.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Reuse the registry topic as its table's changelog instead of copying a million records. */
  static Properties optimized() {
    final Properties props = new Properties();
    props.put(StreamsConfig.TOPOLOGY_OPTIMIZATION_CONFIG, StreamsConfig.OPTIMIZE);
    return props;
  }

  /**
   * The settings every deployment of this topology needs, whatever the cluster: exactly-once, dead
   * letters for undecodable registry records, the optimisation above.
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
    return props;
  }
}
