package cn.gxq.subsidy.contract;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads partitions once from their beginning up to given ends: committed transactions only, no
 * consumer group, nothing committed. How the what-if reads what live recorded (its decisions, its
 * arrival journal) as it stood at a cut, and {@code reconcile} the control totals.
 */
public final class CommittedScan {

  private static final Duration POLL = Duration.ofMillis(500);

  private CommittedScan() {}

  /** Hands each record below its partition's end in {@code ends} to {@code each}, in order. */
  public static void read(
      Properties client,
      Map<TopicPartition, Long> ends,
      Consumer<ConsumerRecord<String, byte[]>> each) {
    final Properties props = new Properties();
    props.putAll(client);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      final List<TopicPartition> partitions = List.copyOf(ends.keySet());
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(POLL)) {
          final TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          if (record.offset() >= ends.get(tp)) {
            consumer.pause(List.of(tp));
          } else {
            each.accept(record);
          }
        }
      }
    }
  }

  /** The ends of every partition of {@code topic} now. */
  public static Map<TopicPartition, Long> endsNow(Properties client, String topic) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(client, new StringDeserializer(), new ByteArrayDeserializer())) {
      return consumer.endOffsets(
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList());
    }
  }
}
