package cn.gxq.subsidy.serde;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads any of several generated record types, picking the class by the writer schema's full name
 * (or an alias of the class's schema). For topics that mix types, such as a repartition of all
 * applications.
 */
public final class SpecificRecordDeserializer implements Deserializer<SpecificRecord> {

  private final WireReader<SpecificRecord> reader;

  public SpecificRecordDeserializer(
      final SchemaRegistryClient client, final List<Class<? extends SpecificRecord>> types) {
    if (types.isEmpty()) {
      throw new IllegalArgumentException("at least one record class is needed");
    }
    final Map<Schema, Class<? extends SpecificRecord>> byReader = new LinkedHashMap<>();
    for (final Class<? extends SpecificRecord> type : types) {
      byReader.put(SpecificData.get().getSchema(type), type);
    }
    final String expected =
        "one of " + byReader.keySet().stream().map(Schema::getFullName).toList();
    this.reader =
        new WireReader<>(
            client,
            writer ->
                byReader.entrySet().stream()
                    .filter(e -> AvroDeserializer.accepts(e.getKey(), writer))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null),
            WireReader.specific(),
            expected);
  }

  @Override
  public SpecificRecord deserialize(final String topic, final byte[] data) {
    return data == null ? null : reader.read(topic, data);
  }
}
