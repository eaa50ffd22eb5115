package cn.gxq.subsidy.app;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes generated records the way a government publisher does: contract key, event time. */
final class GeneratedPublisher implements AutoCloseable {

  private final Topics topics;
  private final Map<RecordKind, AvroSerializer<SpecificRecord>> serializers = new HashMap<>();
  private final KafkaProducer<String, byte[]> producer;
  private final SchemaRegistryClient registry;

  GeneratedPublisher(String bootstrap, SchemaRegistryClient registry, Topics topics) {
    this.topics = topics;
    this.registry = registry;
    final Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  @SuppressWarnings("unchecked")
  void publish(Generated record) {
    final RecordKind type = Catalogue.recordKind(record.topicKind());
    final String topic = type.topic(topics);
    final AvroSerializer<SpecificRecord> serializer =
        serializers.computeIfAbsent(
            type,
            t -> new AvroSerializer<>((Class<SpecificRecord>) t.recordClass(), registry, false));
    raw(
        topic,
        record.key(),
        serializer.serialize(topic, record.value()),
        record.eventTime().toEpochMilli());
  }

  void publishAll(List<Generated> records) {
    records.forEach(this::publish);
    producer.flush();
  }

  void raw(String topic, String key, byte[] value, long timestamp) {
    producer.send(new ProducerRecord<>(topic, null, timestamp, key, value));
  }

  void flush() {
    producer.flush();
  }

  @Override
  public void close() {
    producer.close();
  }
}
