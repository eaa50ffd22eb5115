package cn.gxq.subsidy.app;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from the beginning, committed transactions only, handing each record to a sink
 * once, until the sink's condition holds and nothing new has arrived for a quiet period (late
 * releases and totals may follow the last input), or until a timeout.
 */
final class FaultTopicReader {

  private final String bootstrap;

  FaultTopicReader(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  /**
   * @return the number of records read
   */
  long read(
      String topic,
      Consumer<ConsumerRecord<String, byte[]>> sink,
      BooleanSupplier done,
      Duration quiet,
      Duration timeout) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-verify-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
    long count = 0;
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      final long deadline = System.nanoTime() + timeout.toNanos();
      long lastNew = System.nanoTime();
      while (System.nanoTime() < deadline) {
        final var records = consumer.poll(Duration.ofMillis(250));
        for (ConsumerRecord<String, byte[]> r : records) {
          sink.accept(r);
          count++;
        }
        final long now = System.nanoTime();
        if (!records.isEmpty()) {
          lastNew = now;
        } else if (now - lastNew > quiet.toNanos() && done.getAsBoolean()) {
          break;
        }
      }
    }
    return count;
  }
}
