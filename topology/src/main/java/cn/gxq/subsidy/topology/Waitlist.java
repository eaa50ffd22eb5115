package cn.gxq.subsidy.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Waitlisted applications per bucket, in the order they first became eligible. Keys are {@code
 * BUCKET#TICKET} with the ticket zero-padded, so a prefix scan returns them in order.
 */
final class Waitlist {

  private final KeyValueStore<String, String> store;

  Waitlist(KeyValueStore<String, String> store) {
    this.store = store;
  }

  void add(String bucket, long ticket, String applicationId) {
    store.put(key(bucket, ticket), applicationId);
  }

  void remove(String bucket, long ticket) {
    store.delete(key(bucket, ticket));
  }

  /**
   * The head of a bucket's line from {@code fromTicket}: entries in order for as long as {@code
   * admit} accepts them. Read before anyone changes the line, since a store must not be written
   * under an open iterator.
   */
  List<KeyValue<String, String>> head(String bucket, long fromTicket, Predicate<String> admit) {
    final List<KeyValue<String, String>> head = new ArrayList<>();
    // A range from the lowest ticket that can still be waiting, not a scan of the whole prefix:
    // released entries leave RocksDB tombstones that a scan from the start would wade through.
    try (KeyValueIterator<String, String> it =
        store.range(key(bucket, fromTicket), key(bucket, Long.MAX_VALUE))) {
      while (it.hasNext()) {
        final KeyValue<String, String> entry = it.next();
        if (!admit.test(entry.value)) {
          break;
        }
        head.add(entry);
      }
    }
    return head;
  }

  void removeKey(String key) {
    store.delete(key);
  }

  static long ticketOf(String key) {
    return Long.parseLong(key.substring(key.lastIndexOf('#') + 1));
  }

  static String key(String bucket, long ticket) {
    return bucket + "#" + String.format("%019d", ticket);
  }
}
