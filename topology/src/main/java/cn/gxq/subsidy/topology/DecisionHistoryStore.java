package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.serde.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every application's last decisions, oldest first, for {@code GET /applications/{id}/history}: fed
 * by the decisions table, so kept on the same partitions (by application id) and answered by the
 * same instance as the current decision. Decisions stay the topic's bytes, as in the table: the
 * pipeline decodes none of them, it reads only their sequence.
 *
 * <p>One entry per decision, keyed by application id and sequence ({@link #key}), so that a new
 * decision is one put whatever the history's length: the store and its changelog hold each decision
 * once. An earlier shape kept the whole history under the application id and rewrote it, up to 50
 * decisions, for every new one (its changelog became the largest topic of a national year).
 * Bounded: a decision removes the one {@link #KEPT} sequences before it, so an application revised
 * without end cannot grow without end; the decisions topic keeps them all.
 */
public final class DecisionHistoryStore {

  /** Application id and sequence ({@link #key}) → the decision's bytes as the topic holds them. */
  public static final String STORE = "decision-history-by-sequence";

  private static final Logger LOG = LoggerFactory.getLogger(DecisionHistoryStore.class);

  /** Decisions kept per application. */
  public static final int KEPT = 50;

  /** Sequences are written with this many digits, so that their text sorts as their numbers. */
  private static final int SEQUENCE_DIGITS = 19;

  private static final String ZEROS = "0".repeat(SEQUENCE_DIGITS);

  private DecisionHistoryStore() {}

  /**
   * Adds the store, fed by every update of the decisions table. The table must be uncached: a cache
   * passes on only the last decision of an application per commit.
   */
  static void keep(KTable<String, byte[]> decisions) {
    decisions
        .toStream(Named.as("decision-history-feed"))
        .process(new Keeper(), Named.as("keep-decision-history"));
  }

  /**
   * The store key of an application's decision: the id's length first, so that one id's keys form a
   * range no other id's keys fall in (whatever characters ids contain), then the id, then the
   * sequence as fixed-width digits, so that the range is in sequence order.
   */
  static String key(String applicationId, long sequence) {
    final String digits = Long.toString(sequence);
    return prefix(applicationId) + ZEROS.substring(digits.length()) + digits;
  }

  private static String prefix(String applicationId) {
    return applicationId.length() + ":" + applicationId + "#";
  }

  /**
   * An application's kept decisions, oldest first (the decisions topic's bytes); empty for one
   * decided before this store existed, or never.
   */
  public static List<byte[]> read(ReadOnlyKeyValueStore<String, byte[]> store, String id) {
    final List<byte[]> decisions = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> range =
        store.range(prefix(id), prefix(id) + "9".repeat(SEQUENCE_DIGITS))) {
      while (range.hasNext()) {
        final KeyValue<String, byte[]> entry = range.next();
        decisions.add(entry.value);
      }
    }
    // Only with gaps in the sequences could more than KEPT be left; the answer stays bounded.
    return decisions.subList(Math.max(0, decisions.size() - KEPT), decisions.size());
  }

  /**
   * A decision's sequence, read from the leading fields of its bytes (application id, revision,
   * sequence) without decoding the rest. The decisions are this pipeline's own, written with the
   * current schema; the order of those fields is checked when the class loads.
   */
  static long sequence(byte[] decision) {
    final BinaryDecoder in =
        DecoderFactory.get()
            .binaryDecoder(
                decision, WireFormat.HEADER_SIZE, decision.length - WireFormat.HEADER_SIZE, null);
    try {
      in.skipString(); // applicationId
      in.readInt(); // revision
      return in.readLong();
    } catch (IOException e) {
      throw new UncheckedIOException("not a decision", e);
    }
  }

  static {
    final List<String> leading =
        Decision.getClassSchema().getFields().stream().limit(3).map(Schema.Field::name).toList();
    if (!leading.equals(List.of("applicationId", "revision", "sequence"))) {
      throw new IllegalStateException("Decision's leading fields changed: " + leading);
    }
  }

  private static final class Keeper implements ProcessorSupplier<String, byte[], Void, Void> {

    @Override
    public Processor<String, byte[], Void, Void> get() {
      return new Processor<>() {
        private KeyValueStore<String, byte[]> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
          store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
          if (record.key() == null || record.value() == null) {
            return;
          }
          final long sequence;
          try {
            sequence = sequence(record.value());
          } catch (RuntimeException e) {
            // Not this pipeline's decision: the table still answers with it, the history skips it.
            LOG.warn("Decision of {} unreadable; left out of its history", record.key(), e);
            return;
          }
          store.put(key(record.key(), sequence), record.value());
          if (sequence > KEPT) {
            // A put of null, not delete(): delete reads the old value first.
            store.put(key(record.key(), sequence - KEPT), null);
          }
        }
      };
    }

    /**
     * Uncached: every key is written once, so a cache would save no write, only add its own
     * bookkeeping.
     */
    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(
          Stores.keyValueStoreBuilder(
              Stores.persistentKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray()));
    }
  }
}
