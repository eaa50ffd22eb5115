package cn.gxq.subsidy.connectors.intake;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/**
 * The exactly-once bridge from the source connector's compact JSON intake topics to the contract:
 * each {@code subsidy.intake.<kind>.v1} record is validated with the contract's JSON format and
 * written as Avro in the Confluent wire format to the kind's contract topic, or dead-lettered.
 */
public final class JsonIntakeBridge {

  static final String DEAD_LETTERS = "dead-letters";

  private JsonIntakeBridge() {}

  /** The topology: per kind, intake source → validator → contract sink; one dead-letter sink. */
  public static Topology build(Topics topics, SchemaRegistryClient registry, Clock clock) {
    final Topology topology = new Topology();
    final List<String> validators = new ArrayList<>();
    for (RecordKind kind : Catalogue.recordKinds()) {
      final String name = kind.name();
      final String contractTopic = kind.topic(topics);
      final Serializer<SpecificRecord> serializer = serializer(kind, registry);
      topology.addSource(
          "intake-" + name,
          new StringDeserializer(),
          new ByteArrayDeserializer(),
          IntakeTopics.of(topics, kind));
      topology.addProcessor(
          "validate-" + name,
          () ->
              new IntakeValidator(
                  kind, contractTopic, "to-" + name, DEAD_LETTERS, serializer, clock),
          "intake-" + name);
      topology.addSink(
          "to-" + name,
          contractTopic,
          new StringSerializer(),
          new ByteArraySerializer(),
          "validate-" + name);
      validators.add("validate-" + name);
    }
    topology.addSink(
        DEAD_LETTERS,
        topics.deadLetter(),
        new StringSerializer(),
        new ByteArraySerializer(),
        validators.toArray(String[]::new));
    return topology;
  }

  /** Streams settings: exactly once, so a record is bridged once even across a crash. */
  public static Properties config(String applicationId, String bootstrapServers, int replication) {
    final Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replication);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    props.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    props.put(StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG), 30_000);
    return props;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Serializer<SpecificRecord> serializer(
      RecordKind kind, SchemaRegistryClient registry) {
    return (Serializer) new AvroSerializer<>(kind.recordClass(), registry, false);
  }
}
