package cn.gxq.subsidy.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads only some fields of one generated record type from the Confluent wire format: the rest of
 * the body is skipped, not built, so a step that needs a record's header pays for the header. The
 * record is checked as {@link AvroDeserializer} checks it (writer schema known and readable as the
 * type, body whole with nothing after it), so what this accepts the full read accepts too, but for
 * values no skip looks at (an enum index out of range).
 *
 * <p>Values come as Avro reads them without the generated class: strings as {@code Utf8},
 * timestamps as epoch milliseconds.
 */
public final class FieldsDeserializer implements Deserializer<GenericRecord> {

  private final WireReader<GenericRecord> reader;

  public FieldsDeserializer(
      final Class<? extends SpecificRecord> type,
      final List<String> fields,
      final SchemaRegistryClient client) {
    Objects.requireNonNull(type, "type");
    final Schema schema = SpecificData.get().getSchema(type);
    final Schema projection = project(schema, fields);
    this.reader =
        new WireReader<>(
            client,
            writer -> AvroDeserializer.accepts(schema, writer) ? type : null,
            (writer, full, chosen) -> new GenericDatumReader<>(writer, projection),
            schema.getFullName());
  }

  @Override
  public GenericRecord deserialize(final String topic, final byte[] data) {
    return data == null ? null : reader.read(topic, data);
  }

  /** The record with only the named fields, under its own name, so a writer resolves to it. */
  static Schema project(final Schema schema, final List<String> names) {
    final List<Schema.Field> fields = new ArrayList<>();
    for (final String name : names) {
      final Schema.Field field = schema.getField(name);
      if (field == null) {
        throw new IllegalArgumentException(schema.getFullName() + " has no field " + name);
      }
      fields.add(new Schema.Field(field, field.schema()));
    }
    final Schema projection =
        Schema.createRecord(
            schema.getName(), schema.getDoc(), schema.getNamespace(), schema.isError(), fields);
    schema.getAliases().forEach(projection::addAlias);
    return projection;
  }
}
