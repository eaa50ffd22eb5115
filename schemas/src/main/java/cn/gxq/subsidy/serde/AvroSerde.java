package cn.gxq.subsidy.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Serde for one generated Avro record type in the Confluent wire format, with schemas in a schema
 * registry under Confluent's topic-name subjects. Thread-safe. Closing the serde does not close the
 * registry client, which is usually shared.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

  private final AvroSerializer<T> serializer;
  private final AvroDeserializer<T> deserializer;

  /** A serde for record values: the subject is {@code <topic>-value}. */
  public AvroSerde(final Class<T> type, final SchemaRegistryClient client) {
    this(type, client, false);
  }

  /** A serde for values or, with {@code isKey}, for record keys (subject {@code <topic>-key}). */
  public AvroSerde(final Class<T> type, final SchemaRegistryClient client, final boolean isKey) {
    this.serializer = new AvroSerializer<>(type, client, isKey);
    this.deserializer = new AvroDeserializer<>(type, client);
  }

  /** A serde for record keys: the subject is {@code <topic>-key}. */
  public static <T extends SpecificRecord> AvroSerde<T> forKeys(
      final Class<T> type, final SchemaRegistryClient client) {
    return new AvroSerde<>(type, client, true);
  }

  @Override
  public Serializer<T> serializer() {
    return serializer;
  }

  @Override
  public Deserializer<T> deserializer() {
    return deserializer;
  }
}
