package cn.gxq.subsidy.app.streams;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/** Reads of the key-value stores this instance holds as active, over all its partitions. */
public final class LocalStores {

  private LocalStores() {}

  /**
   * Every value of a store, from the partitions this instance holds now.
   *
   * @throws InvalidStateStoreException while a rebalance or restore makes the store unreadable
   */
  public static <V> List<V> values(KafkaStreams streams, String store) {
    final List<V> values = new ArrayList<>();
    try (KeyValueIterator<String, V> it =
        streams
            .store(
                StoreQueryParameters.fromNameAndType(
                    store, QueryableStoreTypes.<String, V>keyValueStore()))
            .all()) {
      it.forEachRemaining(kv -> values.add(kv.value));
    }
    return values;
  }
}
