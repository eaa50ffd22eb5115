package cn.gxq.subsidy.benchmark;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * A fingerprint of every key-value store of a running Streams application: per store, how many
 * entries and an order-independent 64-bit sum of a hash of each key and value (as bytes, or as text
 * for decoded records). Two instances whose stores hold the same entries give the same fingerprint;
 * one entry more, less or different changes it.
 */
final class StoreDigest {

  private StoreDigest() {}

  /** Every store a processor of the topology connects to, sorted. */
  static Set<String> storeNames(Topology topology) {
    final Set<String> names = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Processor p) {
          names.addAll(p.stores());
        }
      }
    }
    return names;
  }

  /** {@code count hash} of one store, or {@code - reason} when it cannot be read as key-value. */
  static String of(KafkaStreams streams, String store) {
    final ReadOnlyKeyValueStore<Object, Object> kv;
    try {
      kv =
          streams.store(
              StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()));
    } catch (RuntimeException e) {
      return "- " + e.getClass().getSimpleName();
    }
    long count = 0;
    long sum = 0;
    try (KeyValueIterator<Object, Object> it = kv.all()) {
      while (it.hasNext()) {
        final KeyValue<Object, Object> entry = it.next();
        final long k = hash(bytesOf(entry.key));
        final long v = hash(bytesOf(entry.value));
        sum += mix(k ^ Long.rotateLeft(v, 29) ^ 0x9E3779B97F4A7C15L);
        count++;
      }
    } catch (RuntimeException e) {
      return "- " + e.getClass().getSimpleName();
    }
    return count + " " + Long.toHexString(sum);
  }

  private static byte[] bytesOf(Object o) {
    if (o instanceof byte[] b) {
      return b;
    }
    if (o instanceof Bytes b) {
      return b.get();
    }
    return String.valueOf(o).getBytes(StandardCharsets.UTF_8);
  }

  /** FNV-1a over the bytes, then a finaliser so that sums of similar entries spread. */
  static long hash(byte[] bytes) {
    long h = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
