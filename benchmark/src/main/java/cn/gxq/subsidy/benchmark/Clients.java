package cn.gxq.subsidy.benchmark;

import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The producer and consumer settings the phases share, named by what they are for. */
final class Clients {

  private Clients() {}

  /** Kafka's defaults (acks=all, idempotent, linger 5 ms, 16 KiB batches). */
  static KafkaProducer<String, byte[]> defaultProducer(String bootstrap) {
    return new KafkaProducer<>(base(bootstrap), new StringSerializer(), new ByteArraySerializer());
  }

  /** Bulk loading: bigger batches and a little more linger, still acks=all and idempotent. */
  static KafkaProducer<String, byte[]> batchedProducer(String bootstrap) {
    final Properties props = base(bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
    props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** A submitter that waits for nobody: each application leaves at once. */
  static KafkaProducer<String, byte[]> promptProducer(String bootstrap) {
    final Properties props = base(bootstrap);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** A group-less reader (assign + seek) of committed records only, as a downstream reader is. */
  static KafkaConsumer<String, byte[]> committedReader(String bootstrap) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  /** Assigns every partition of {@code topic} to {@code consumer}, from its start; returns them. */
  static List<TopicPartition> fromStart(KafkaConsumer<?, ?> consumer, String topic) {
    final List<TopicPartition> partitions =
        consumer.partitionsFor(topic).stream()
            .map(p -> new TopicPartition(topic, p.partition()))
            .toList();
    consumer.assign(partitions);
    consumer.seekToBeginning(partitions);
    return partitions;
  }

  /** The plain consumer of the machine-limit phase: defaults but for a bigger poll. */
  static KafkaConsumer<byte[], byte[]> plainReader(String bootstrap) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
    return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
  }

  private static Properties base(String bootstrap) {
    final Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return props;
  }
}
