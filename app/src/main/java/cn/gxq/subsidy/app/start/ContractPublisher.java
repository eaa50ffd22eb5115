package cn.gxq.subsidy.app.start;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes generated records as a government publisher does: to the contract topic of their kind,
 * with the contract key, the project's Avro serde (Confluent wire format, schema registered under
 * {@code <topic>-value}) and the event time as the Kafka timestamp. Counts what was acknowledged.
 */
public final class ContractPublisher implements AutoCloseable {

  private final Topics topics;
  private final SchemaRegistryClient registry;
  private final KafkaProducer<String, byte[]> producer;
  private final Map<RecordKind, AvroSerializer<SpecificRecord>> serializers = new HashMap<>();
  private final Map<String, AtomicLong> acknowledged = new ConcurrentHashMap<>();
  private final AtomicReference<Exception> failure = new AtomicReference<>();

  /** {@code client}: bootstrap servers and any security settings of the publisher. */
  public ContractPublisher(Properties client, SchemaRegistryClient registry, Topics topics) {
    this.topics = topics;
    this.registry = registry;
    final Properties props = new Properties();
    props.putAll(client);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** Sends one record to its topic; {@code kind} in {@link #acknowledged} is its topic kind. */
  @SuppressWarnings("unchecked")
  public void publish(Generated record) {
    final RecordKind type = Catalogue.recordKind(record.topicKind());
    final String topic = type.topic(topics);
    final AvroSerializer<SpecificRecord> serializer;
    synchronized (serializers) {
      serializer =
          serializers.computeIfAbsent(
              type,
              t -> new AvroSerializer<>((Class<SpecificRecord>) t.recordClass(), registry, false));
    }
    raw(
        topic,
        record.key(),
        serializer.serialize(topic, record.value()),
        record.eventTime(),
        record.topicKind());
  }

  /** Sends bytes as they are (e.g. an undecodable record), counted under {@code kind}. */
  public void raw(String topic, String key, byte[] value, Instant eventTime, String kind) {
    producer.send(
        new ProducerRecord<>(topic, null, eventTime.toEpochMilli(), key, value),
        (metadata, e) -> {
          if (e == null) {
            acknowledged.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
          } else {
            failure.compareAndSet(null, e);
          }
        });
  }

  public void flush() {
    producer.flush();
  }

  /** Acknowledged records of a kind. */
  long acknowledged(String kind) {
    final AtomicLong n = acknowledged.get(kind);
    return n == null ? 0 : n.get();
  }

  /** The first failure since the last call, if any. */
  Exception takeFailure() {
    return failure.getAndSet(null);
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
