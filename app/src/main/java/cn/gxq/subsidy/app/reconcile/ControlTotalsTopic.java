package cn.gxq.subsidy.app.reconcile;

import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** The platform's side: the latest control totals of a day, read whole from their topic. */
public final class ControlTotalsTopic {

  private ControlTotalsTopic() {}

  /** Bucket ({@code ZONE:PROGRAMME:YEAR}) → the day's figures, committed records only. */
  public static Map<String, DayFigures> read(
      Properties client, SchemaRegistryClient registry, String topic, LocalDate day) {
    final Properties props = new Properties();
    props.putAll(client);
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    final AvroDeserializer<ControlTotals> decoder =
        new AvroDeserializer<>(ControlTotals.class, registry);
    final Map<String, DayFigures> figures = new HashMap<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      final List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.value() == null) {
            continue;
          }
          final ControlTotals t = decoder.deserialize(topic, record.value());
          if (t.getDate().equals(day)) {
            figures.put(
                t.getZone() + ":" + t.getProgramme() + ":" + t.getYear(),
                new DayFigures(
                    t.getMovements(),
                    t.getChange(),
                    t.getToRecover(),
                    t.getSettled(),
                    t.getRecovered()));
          }
        }
      }
    }
    return figures;
  }
}
