package cn.gxq.subsidy.whatif;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A decisions topic read once from its beginning to its end as it stands (committed transactions
 * only, no consumer group): the decision with the highest sequence per application id among those a
 * filter accepts, and how many revisions were decided.
 */
final class DecisionLog {

  private final Map<String, DecidedApplication> latest = new HashMap<>();
  private long revisions;

  Map<String, DecidedApplication> latest() {
    return latest;
  }

  /** Distinct (application id, revision) pairs decided. */
  long revisions() {
    return revisions;
  }

  static DecisionLog read(
      Properties client, SchemaRegistryClient registry, String topic, Predicate<Decision> accept) {
    return read(client, registry, topic, null, accept);
  }

  /** As above, up to the given ends of the topic's partitions instead of its ends now. */
  static DecisionLog read(
      Properties client,
      SchemaRegistryClient registry,
      String topic,
      Map<TopicPartition, Long> upTo,
      Predicate<Decision> accept) {
    final Properties props = new Properties();
    props.putAll(client);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    final AvroDeserializer<Decision> decisions = new AvroDeserializer<>(Decision.class, registry);
    final DecisionLog log = new DecisionLog();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      final List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      final Map<TopicPartition, Long> ends = upTo != null ? upTo : consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.getOrDefault(p, 0L))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          final TopicPartition tp = new TopicPartition(record.topic(), record.partition());
          if (record.offset() >= ends.getOrDefault(tp, 0L)) {
            consumer.pause(List.of(tp));
            continue;
          }
          final Decision decision = decisions.deserialize(topic, record.value());
          if (accept.test(decision)) {
            log.add(decision);
          }
        }
      }
    }
    return log;
  }

  private void add(Decision decision) {
    final DecidedApplication before = latest.get(decision.getApplicationId());
    if (before == null || decision.getRevision() > before.revision()) {
      revisions++;
    }
    if (before == null || decision.getSequence() > before.sequence()) {
      latest.put(decision.getApplicationId(), DecidedApplication.of(decision));
    }
  }
}
