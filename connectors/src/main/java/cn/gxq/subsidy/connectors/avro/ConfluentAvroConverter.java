package cn.gxq.subsidy.connectors.avro;

import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import cn.gxq.subsidy.serde.SchemaRegistryException;
import cn.gxq.subsidy.serde.WireFormat;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.storage.Converter;

/**
 * A Kafka Connect converter that reads Avro in the Confluent wire format through a Confluent-
 * compatible schema registry and yields Structs with schemas, so a sink connector such as
 * Debezium's JDBC sink can write typed columns without any Confluent jar. Read-only: it serves sink
 * connectors; {@link #fromConnectData} refuses.
 *
 * <p>Settings (prefixed {@code value.converter.} in a connector): {@code schema.registry.url}
 * (required; {@code user:password@} for Basic auth), {@code complex.as.json} (default true: arrays,
 * maps and nested records as JSON text), {@code decimal.as.string} (default false: Connect
 * Decimal).
 */
public final class ConfluentAvroConverter implements Converter {

  /** Registry base URL. */
  public static final String REGISTRY_URL = "schema.registry.url";

  /** Arrays, maps and nested records as JSON text columns. */
  public static final String COMPLEX_AS_JSON = "complex.as.json";

  /** Decimals as plain strings instead of Connect Decimal. */
  public static final String DECIMAL_AS_STRING = "decimal.as.string";

  private static final ConfigDef CONFIG =
      new ConfigDef()
          .define(
              REGISTRY_URL,
              ConfigDef.Type.STRING,
              ConfigDef.NO_DEFAULT_VALUE,
              ConfigDef.Importance.HIGH,
              "Confluent-compatible schema registry, e.g. http://registry:8081")
          .define(
              COMPLEX_AS_JSON,
              ConfigDef.Type.BOOLEAN,
              true,
              ConfigDef.Importance.MEDIUM,
              "Write arrays, maps and nested records as plain JSON text")
          .define(
              DECIMAL_AS_STRING,
              ConfigDef.Type.BOOLEAN,
              false,
              ConfigDef.Importance.LOW,
              "Write decimals as strings instead of the Connect Decimal logical type");

  private SchemaRegistryClient registry;
  private AvroConnectData data;
  // Per writer schema id: translating a schema is costly and ids never change meaning.
  private final ConcurrentMap<Integer, Reader> readers = new ConcurrentHashMap<>();

  /** For Connect, which configures the instance afterwards. */
  public ConfluentAvroConverter() {}

  /** For tests: a given registry client instead of one built from {@code schema.registry.url}. */
  ConfluentAvroConverter(SchemaRegistryClient registry) {
    this.registry = registry;
  }

  @Override
  public ConfigDef config() {
    return CONFIG;
  }

  @Override
  public void configure(Map<String, ?> configs, boolean isKey) {
    final AbstractConfig config = new AbstractConfig(CONFIG, configs);
    if (registry == null) {
      registry = new RestSchemaRegistryClient(config.getString(REGISTRY_URL));
    }
    data =
        new AvroConnectData(
            config.getBoolean(COMPLEX_AS_JSON), config.getBoolean(DECIMAL_AS_STRING));
  }

  @Override
  public byte[] fromConnectData(String topic, Schema schema, Object value) {
    throw new DataException(
        "ConfluentAvroConverter only reads (sink connectors); topic "
            + topic
            + " needs another converter to write");
  }

  @Override
  public SchemaAndValue toConnectData(String topic, byte[] value) {
    if (value == null) {
      return SchemaAndValue.NULL;
    }
    try {
      final int id = WireFormat.schemaId(value);
      final Reader reader = readers.computeIfAbsent(id, this::reader);
      final BinaryDecoder decoder =
          DecoderFactory.get()
              .binaryDecoder(
                  value, WireFormat.HEADER_SIZE, value.length - WireFormat.HEADER_SIZE, null);
      final GenericRecord record = reader.datumReader().read(null, decoder);
      if (!decoder.isEnd()) {
        throw new DataException("trailing bytes after the record of schema id " + id);
      }
      return new SchemaAndValue(reader.schema(), data.record(record, reader.schema()));
    } catch (SchemaRegistryException e) {
      if (e.isSchemaNotFound()) {
        throw new DataException("topic " + topic + ": UNKNOWN_SCHEMA: " + e.getMessage(), e);
      }
      // The registry being down is not the record's fault: let Connect retry it.
      throw new RetriableException(
          "topic " + topic + ": schema registry failed: " + e.getMessage(), e);
    } catch (IOException
        | AvroRuntimeException
        | IllegalArgumentException
        | ClassCastException
        | IndexOutOfBoundsException e) {
      throw new DataException("topic " + topic + ": UNDECODABLE: " + e.getMessage(), e);
    } catch (org.apache.kafka.common.errors.SerializationException e) {
      throw new DataException("topic " + topic + ": " + e.getMessage(), e);
    }
  }

  private Reader reader(int id) {
    final org.apache.avro.Schema writer = registry.schemaById(id);
    return new Reader(
        data.recordSchema(writer, id), new GenericDatumReader<>(writer, writer, GenericData.get()));
  }

  @Override
  public void close() {
    if (registry != null) {
      registry.close();
    }
  }

  private record Reader(Schema schema, GenericDatumReader<GenericRecord> datumReader) {}
}
