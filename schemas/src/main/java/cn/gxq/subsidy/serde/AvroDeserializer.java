package cn.gxq.subsidy.serde;

import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads one generated record type from the Confluent wire format. The writer schema comes from the
 * registry by id, so an older or newer compatible writer is read correctly. Bad input throws {@link
 * WireFormatException}; a registry that cannot be reached throws {@link SchemaRegistryException}.
 */
public final class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

  private final WireReader<T> reader;

  public AvroDeserializer(final Class<T> type, final SchemaRegistryClient client) {
    Objects.requireNonNull(type, "type");
    final Schema schema = SpecificData.get().getSchema(type);
    this.reader =
        new WireReader<>(
            client,
            writer -> accepts(schema, writer) ? type : null,
            WireReader.specific(),
            schema.getFullName());
  }

  @Override
  public T deserialize(final String topic, final byte[] data) {
    return data == null ? null : reader.read(topic, data);
  }

  static boolean accepts(final Schema reader, final Schema writer) {
    return reader.getFullName().equals(writer.getFullName())
        || reader.getAliases().contains(writer.getFullName());
  }
}
