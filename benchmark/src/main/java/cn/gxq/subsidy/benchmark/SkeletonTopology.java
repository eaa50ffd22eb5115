package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import cn.gxq.subsidy.topology.SubsidyTopology;
import java.time.Duration;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Joined;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The decision pipeline's skeleton: the same topics, the same two broker hops, a versioned registry
 * join, the same store reads and writes per application (route and claim beside the join, holding
 * and bucket in the ledger), the decisions table and the finance step ({@link FinanceShape}), with
 * no decoding and no logic. What it runs at is what the hops and state cost; the pipeline's
 * distance from it is what the logic costs.
 */
final class SkeletonTopology {

  /** As many buckets as the pipeline's demo workload has (zones × programmes × years). */
  static final int BUCKETS = 45;

  private SkeletonTopology() {}

  static Topology build(Topics topics) {
    final StreamsBuilder builder = new StreamsBuilder();
    final KTable<String, byte[]> registry =
        builder.table(
            topics.enterprises(),
            Consumed.with(Serdes.String(), Serdes.ByteArray()),
            Materialized.<String, byte[]>as(
                    Stores.persistentVersionedKeyValueStore(
                        "skeleton-registry", Duration.ofDays(1098)))
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.ByteArray()));
    KStream<String, byte[]> applications = null;
    for (ProgrammeDefinition<?> programme : Catalogue.programmes()) {
      final KStream<String, byte[]> one =
          builder.stream(
              topics.applications(programme), Consumed.with(Serdes.String(), Serdes.ByteArray()));
      applications = applications == null ? one : applications.merge(one);
    }
    builder.addStateStore(store("skeleton-routes", true));
    builder.addStateStore(store("skeleton-claims", true));
    builder.addStateStore(store("skeleton-holdings", true));
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore("skeleton-buckets"),
                Serdes.String(),
                Serdes.ByteArray())
            .withCachingEnabled());
    final KStream<String, byte[]> decided =
        applications
            .repartition(
                Repartitioned.with(Serdes.String(), Serdes.ByteArray()).withName("skeleton-by-key"))
            .leftJoin(
                registry,
                (application, enterprise) -> application,
                Joined.with(Serdes.String(), Serdes.ByteArray(), Serdes.ByteArray()))
            .process(
                () -> new Touch("skeleton-routes", "skeleton-claims", true),
                Named.as("skeleton-route"),
                "skeleton-routes",
                "skeleton-claims")
            .repartition(
                Repartitioned.with(Serdes.String(), Serdes.ByteArray())
                    .withName("skeleton-by-bucket"))
            .process(
                () -> new Touch("skeleton-holdings", "skeleton-buckets", false),
                Named.as("skeleton-ledger"),
                "skeleton-holdings",
                "skeleton-buckets");
    decided.to(topics.decisions(), Produced.with(Serdes.String(), Serdes.ByteArray()));
    FinanceShape.fromProperty().add(builder, decided, topics);
    builder.table(
        topics.decisions(),
        Consumed.with(Serdes.String(), Serdes.ByteArray()),
        Materialized.<String, byte[], KeyValueStore<Bytes, byte[]>>as("skeleton-decisions")
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.ByteArray()));
    // Optimized as the pipeline is: the registry and decisions topics are their tables' changelogs.
    return builder.build(SubsidyTopology.optimized());
  }

  private static org.apache.kafka.streams.state.StoreBuilder<KeyValueStore<String, byte[]>> store(
      String name, boolean cached) {
    final var builder =
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.ByteArray());
    return cached ? builder.withCachingEnabled() : builder;
  }

  /**
   * Reads and writes two stores per record, as the router and the ledger do; the router step
   * re-keys to one of {@link #BUCKETS} synthetic buckets, the ledger step to the record's own key.
   */
  private static final class Touch implements Processor<String, byte[], String, byte[]> {
    private final String first;
    private final String second;
    private final boolean toBucket;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> a;
    private KeyValueStore<String, byte[]> b;

    Touch(String first, String second, boolean toBucket) {
      this.first = first;
      this.second = second;
      this.toBucket = toBucket;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
      a = context.getStateStore(first);
      b = context.getStateStore(second);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      final String bucket = "B" + Math.floorMod(record.key().hashCode(), BUCKETS);
      final String secondKey = toBucket ? record.key() + "#claim" : bucket;
      a.get(record.key());
      a.put(record.key(), record.value());
      b.get(secondKey);
      b.put(secondKey, record.value());
      context.forward(toBucket ? record.withKey(bucket) : record);
    }
  }
}
