package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.programme.ApplicationHeader;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Turns generated records into contract topic records in the Confluent wire format. */
final class RecordEncoder {

  private final Topics topics;
  private final SchemaRegistryClient registry;
  private final Map<Class<?>, AvroSerializer<?>> serializers = new HashMap<>();

  RecordEncoder(Topics topics, SchemaRegistryClient registry) {
    this.topics = topics;
    this.registry = registry;
  }

  Prepared encode(Generated g) {
    final String topic = topicOf(g.topicKind());
    final String decisionKey;
    if (g.isApplication()) {
      final ApplicationHeader header = ApplicationHeader.of(g.value());
      decisionKey = Prepared.decisionKey(header.applicationId(), header.revision());
    } else {
      decisionKey = null;
    }
    return new Prepared(
        topic, g.key(), g.eventTime().toEpochMilli(), bytes(topic, g.value()), decisionKey);
  }

  <T extends SpecificRecord> byte[] bytes(String topic, T value) {
    return serializerFor(value).serialize(topic, value);
  }

  @SuppressWarnings("unchecked")
  private <T extends SpecificRecord> AvroSerializer<T> serializerFor(T value) {
    return (AvroSerializer<T>)
        serializers.computeIfAbsent(
            value.getClass(), c -> new AvroSerializer<>((Class<T>) c, registry, false));
  }

  private String topicOf(String kind) {
    return Catalogue.recordKind(kind).topic(topics);
  }
}
