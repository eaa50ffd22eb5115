package cn.gxq.subsidy.app.audit;

import cn.gxq.subsidy.avro.AccessRecord;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the newest records of the access log for {@code GET /access-log}: the last {@value
 * #SCANNED} of each partition at most, newest first. Older reads are on the topic, for {@code
 * consume --topic access-log}.
 */
public final class AccessLogReader {

  static final int SCANNED = 100_000;
  private static final Duration POLL = Duration.ofMillis(200);
  private static final Duration GIVE_UP = Duration.ofSeconds(10);

  private final Properties client;
  private final AvroDeserializer<AccessRecord> decode;
  private final String topic;

  public AccessLogReader(Properties client, SchemaRegistryClient registry, Topics topics) {
    this.client = new Properties();
    this.client.putAll(client);
    this.client.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    this.client.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    this.client.put(ConsumerConfig.CLIENT_ID_CONFIG, "subsidy-access-log-reader");
    this.decode = new AvroDeserializer<>(AccessRecord.class, registry);
    this.topic = topics.accessLog();
  }

  /** The newest {@code limit} reads that {@code wanted} keeps, newest first. */
  public List<AccessRecord> newest(int limit, Predicate<AccessRecord> wanted) {
    final List<AccessRecord> found = new ArrayList<>();
    try (KafkaConsumer<String, AccessRecord> consumer =
        new KafkaConsumer<>(client, new StringDeserializer(), decode)) {
      final List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      final Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
      for (TopicPartition p : partitions) {
        consumer.seek(p, Math.max(starts.get(p), ends.get(p) - SCANNED));
      }
      final long deadline = System.nanoTime() + GIVE_UP.toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("the access log could not be read within " + GIVE_UP);
        }
        for (ConsumerRecord<String, AccessRecord> record : consumer.poll(POLL)) {
          if (record.value() != null && wanted.test(record.value())) {
            found.add(record.value());
          }
        }
      }
    }
    found.sort(Comparator.comparing(AccessRecord::getAt).reversed());
    return found.size() > limit ? List.copyOf(found.subList(0, limit)) : found;
  }
}
