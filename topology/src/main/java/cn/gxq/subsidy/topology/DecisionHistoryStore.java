package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.internal.DecisionHistory;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Every application's last decisions, oldest first, for {@code GET /applications/{id}/history}: fed
 * by the decisions table, so kept on the same partitions (by application id) and answered by the
 * same instance as the current decision. Decisions stay the topic's bytes, as in the table: the
 * pipeline decodes none of them. Bounded, so an application revised without end cannot grow its
 * entry without end; the decisions topic keeps them all.
 */
public final class DecisionHistoryStore {

  /** Application id → {@link DecisionHistory}. */
  public static final String STORE = "decision-history";

  /** Decisions kept per application. */
  public static final int KEPT = 50;

  private DecisionHistoryStore() {}

  /**
   * Adds the store, fed by every update of the decisions table. The table must be uncached: a cache
   * passes on only the last decision of an application per commit.
   */
  static void keep(KTable<String, byte[]> decisions, SubsidySerdes serdes) {
    decisions
        .toStream(Named.as("decision-history-feed"))
        .process(new Keeper(serdes), Named.as("keep-decision-history"));
  }

  /** Appends a decision to its application's history, dropping the oldest beyond {@link #KEPT}. */
  static DecisionHistory append(DecisionHistory kept, byte[] decision) {
    final List<ByteBuffer> decisions = new ArrayList<>();
    if (kept != null) {
      decisions.addAll(kept.getDecisions());
    }
    decisions.add(ByteBuffer.wrap(decision));
    return new DecisionHistory(
        new ArrayList<>(decisions.subList(Math.max(0, decisions.size() - KEPT), decisions.size())));
  }

  private static final class Keeper implements ProcessorSupplier<String, byte[], Void, Void> {
    private final SubsidySerdes serdes;

    Keeper(SubsidySerdes serdes) {
      this.serdes = serdes;
    }

    @Override
    public Processor<String, byte[], Void, Void> get() {
      return new Processor<>() {
        private KeyValueStore<String, DecisionHistory> store;

        @Override
        public void init(ProcessorContext<Void, Void> context) {
          store = context.getStateStore(STORE);
        }

        @Override
        public void process(Record<String, byte[]> record) {
          if (record.key() != null && record.value() != null) {
            store.put(record.key(), append(store.get(record.key()), record.value()));
          }
        }
      };
    }

    /** Cached: a commit writes an application's history once, however many decisions it got. */
    @Override
    public Set<StoreBuilder<?>> stores() {
      return Set.of(
          Stores.keyValueStoreBuilder(
                  Stores.persistentKeyValueStore(STORE),
                  Serdes.String(),
                  serdes.of(DecisionHistory.class))
              .withCachingEnabled());
    }
  }
}
