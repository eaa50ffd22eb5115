package cn.gxq.subsidy.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every send the producer acknowledged must be in the log at the offset the acknowledgement gave,
 * with the same key and value. On a compacted topic a later record with the same key may have
 * replaced it legitimately; that counts as present. Two acknowledgements of one offset mean a log
 * was truncated and the offset given again: at most one of them can be there.
 */
final class FaultAckedCheck {

  /** What was acknowledged: where, and enough of the record to recognise it. */
  record Ack(TopicPartition partition, long offset, String key, int valueHash) {}

  /** The outcome: how many acknowledged sends were checked and which are not in the log. */
  record Result(long checked, long missing, List<String> examples) {}

  private final String bootstrap;

  FaultAckedCheck(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  static int hash(byte[] value) {
    return value == null ? 0 : Arrays.hashCode(value);
  }

  Result check(List<Ack> acks, Set<String> compactedTopics) {
    final Map<TopicPartition, Map<Long, List<Ack>>> wanted = new HashMap<>();
    for (Ack a : acks) {
      wanted
          .computeIfAbsent(a.partition(), p -> new HashMap<>())
          .computeIfAbsent(a.offset(), o -> new ArrayList<>(1))
          .add(a);
    }
    long missing = 0;
    final List<String> examples = new ArrayList<>();
    for (Map.Entry<TopicPartition, Map<Long, List<Ack>>> e : wanted.entrySet()) {
      final Map<Long, List<Ack>> atOffset = e.getValue();
      final Map<String, Long> lastOffsetOfKey = new HashMap<>();
      final Map<Long, Ack> found = read(e.getKey(), atOffset, lastOffsetOfKey);
      for (Ack a : atOffset.values().stream().flatMap(List::stream).toList()) {
        final Ack there = found.get(a.offset());
        final boolean present =
            a.equals(there)
                || (compactedTopics.contains(a.partition().topic())
                    && lastOffsetOfKey.getOrDefault(a.key(), -1L) > a.offset());
        if (!present) {
          missing++;
          if (examples.size() < 10) {
            examples.add(
                a.partition()
                    + "@"
                    + a.offset()
                    + " key="
                    + a.key()
                    + (there == null
                        ? " (no record there)"
                        : " (another record there: " + there.key() + ")"));
          }
        }
      }
    }
    return new Result(acks.size(), missing, examples);
  }

  /** Reads the partition from its start to its end; what is at each wanted offset. */
  private Map<Long, Ack> read(
      TopicPartition tp, Map<Long, List<Ack>> wanted, Map<String, Long> lastOffsetOfKey) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    final Map<Long, Ack> found = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.assign(List.of(tp));
      consumer.seekToBeginning(List.of(tp));
      final long end = consumer.endOffsets(List.of(tp), Duration.ofMinutes(1)).get(tp);
      final long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (consumer.position(tp, Duration.ofMinutes(1)) < end && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          if (r.key() != null) {
            lastOffsetOfKey.put(r.key(), r.offset());
          }
          if (wanted.containsKey(r.offset())) {
            found.put(r.offset(), new Ack(tp, r.offset(), r.key(), hash(r.value())));
          }
        }
      }
    }
    return found;
  }
}
