package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.contract.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The finance step's shape in the skeleton: a share of the decisions crosses to the application's
 * task as a record of so many bytes, meets its account (a read), and a share of those moves money
 * (an account write, a movement out, a delta across a hop to its bucket's day, a day's store read
 * and write, the day's totals out). The shares and size come from the pipeline's own records, so
 * the skeleton can be run shaped as finance is before and after a change: {@code
 * -Dbenchmark.skeleton.finance=CROSSING,BYTES,MOVING} (shares 0–1, bytes) or {@code off}.
 *
 * @param crossing share of decisions that make the trip to the finance step
 * @param bytes the size of the record that carries one
 * @param moving share of those that move money
 */
record FinanceShape(double crossing, int bytes, double moving) {

  static final String PROPERTY = "benchmark.skeleton.finance";

  /**
   * As the pipeline is shaped since issue 23's finance steps (demo workload, --quick): 0.425 of the
   * decisions cross, as a booking of about 95 bytes, and 0.88 of those move money. Before them:
   * {@code 1.0,1015,0.38} (every decision, whole).
   */
  static final String DEFAULT = "0.425,95,0.88";

  static FinanceShape fromProperty() {
    final String value = System.getProperty(PROPERTY, DEFAULT);
    if (value.equals("off")) {
      return new FinanceShape(0, 0, 0);
    }
    final String[] parts = value.split(",");
    return new FinanceShape(
        Double.parseDouble(parts[0]), Integer.parseInt(parts[1]), Double.parseDouble(parts[2]));
  }

  void add(StreamsBuilder builder, KStream<String, byte[]> decisions, Topics topics) {
    if (crossing <= 0) {
      return;
    }
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore("skeleton-accounts"),
            Serdes.String(),
            Serdes.ByteArray()));
    // Cached, as the pipeline's control-totals store is.
    builder.addStateStore(
        Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore("skeleton-control-totals"),
                Serdes.String(),
                Serdes.ByteArray())
            .withCachingEnabled());
    final byte[] payload = new byte[bytes];
    decisions
        .filter((key, value) -> share(key, 0) < crossing, Named.as("skeleton-to-finance"))
        .mapValues(value -> payload.clone(), Named.as("skeleton-booking"))
        .repartition(
            Repartitioned.with(Serdes.String(), Serdes.ByteArray())
                .withName("skeleton-by-application"))
        .process(() -> new Account(moving), Named.as("skeleton-finance"), "skeleton-accounts")
        .split(Named.as("skeleton-finance-"))
        .branch(
            (key, value) -> !key.startsWith("day:"),
            Branched.withConsumer(
                movements ->
                    movements.to(
                        topics.movements(), Produced.with(Serdes.String(), Serdes.ByteArray()))))
        .defaultBranch(
            Branched.withConsumer(
                deltas ->
                    deltas
                        .repartition(
                            Repartitioned.with(Serdes.String(), Serdes.ByteArray())
                                .withName("skeleton-control-by-day"))
                        .process(
                            Day::new,
                            Named.as("skeleton-sum-control-totals"),
                            "skeleton-control-totals")
                        .to(
                            topics.controlTotals(),
                            Produced.with(Serdes.String(), Serdes.ByteArray()))));
  }

  /** A stable pseudo-random share in [0, 1) of a key, a different one per salt. */
  static double share(String key, int salt) {
    return Math.floorMod((key.hashCode() * 31 + salt) * 0x9E3779B1, 1000) / 1000.0;
  }

  /** Reads the account; for a share of the records writes it and sends a movement and a delta. */
  private static final class Account implements Processor<String, byte[], String, byte[]> {
    private final double moving;
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> accounts;

    Account(double moving) {
      this.moving = moving;
    }

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
      accounts = context.getStateStore("skeleton-accounts");
    }

    @Override
    public void process(Record<String, byte[]> record) {
      accounts.get(record.key());
      if (share(record.key(), 1) >= moving) {
        return;
      }
      accounts.put(record.key(), record.value());
      context.forward(record);
      final String day = "day:B" + Math.floorMod(record.key().hashCode(), SkeletonTopology.BUCKETS);
      context.forward(record.withKey(day));
    }
  }

  /** A bucket's day: read, written and sent on, as the control totals are. */
  private static final class Day implements Processor<String, byte[], String, byte[]> {
    private ProcessorContext<String, byte[]> context;
    private KeyValueStore<String, byte[]> days;

    @Override
    public void init(ProcessorContext<String, byte[]> context) {
      this.context = context;
      days = context.getStateStore("skeleton-control-totals");
    }

    @Override
    public void process(Record<String, byte[]> record) {
      days.get(record.key());
      days.put(record.key(), record.value());
      context.forward(record);
    }
  }
}
