package cn.gxq.subsidy.connectors.avro;

import cn.gxq.subsidy.json.RecordJson;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Translates one Avro writer schema, and values read with it, into Connect's schema and values.
 * Money and other decimals become Connect {@link Decimal} (or plain strings), dates Connect {@link
 * org.apache.kafka.connect.data.Date}, instants {@link Timestamp}, enums strings. Arrays, maps and
 * nested records become the contract's plain JSON text when {@code complexAsJson}, since a
 * relational sink has no column type for them.
 */
final class AvroConnectData {

  private static final Conversions.DecimalConversion DECIMALS = new Conversions.DecimalConversion();

  private final boolean complexAsJson;
  private final boolean decimalAsString;
  private final RecordJson json = new RecordJson();

  AvroConnectData(boolean complexAsJson, boolean decimalAsString) {
    this.complexAsJson = complexAsJson;
    this.decimalAsString = decimalAsString;
  }

  /** The Connect schema of a top-level Avro record, versioned by its registry id. */
  Schema recordSchema(org.apache.avro.Schema avro, int schemaId) {
    if (avro.getType() != org.apache.avro.Schema.Type.RECORD) {
      throw new DataException(
          "schema id "
              + schemaId
              + " is a "
              + avro.getType()
              + ", this converter reads records only");
    }
    final SchemaBuilder builder = SchemaBuilder.struct().name(avro.getFullName()).version(schemaId);
    if (avro.getDoc() != null) {
      builder.doc(avro.getDoc());
    }
    for (org.apache.avro.Schema.Field field : avro.getFields()) {
      builder.field(field.name(), schema(field.schema(), field.doc()));
    }
    return builder.build();
  }

  /** The Connect value of a record read with the schema {@link #recordSchema} was made from. */
  Struct record(IndexedRecord datum, Schema connect) {
    final Struct struct = new Struct(connect);
    for (org.apache.avro.Schema.Field field : datum.getSchema().getFields()) {
      struct.put(field.name(), value(field.schema(), datum.get(field.pos())));
    }
    return struct;
  }

  private Schema schema(org.apache.avro.Schema avro, String doc) {
    final SchemaBuilder builder = builder(unwrapOptional(avro));
    if (isOptional(avro)) {
      builder.optional();
    }
    if (doc != null) {
      builder.doc(doc);
    }
    return builder.build();
  }

  private SchemaBuilder builder(org.apache.avro.Schema avro) {
    final LogicalType logical = avro.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal decimal) {
      return decimalAsString
          ? SchemaBuilder.string()
          : Decimal.builder(decimal.getScale())
              .parameter("connect.decimal.precision", Integer.toString(decimal.getPrecision()));
    }
    if (logical instanceof LogicalTypes.Date) {
      return org.apache.kafka.connect.data.Date.builder();
    }
    if (logical instanceof LogicalTypes.TimestampMillis
        || logical instanceof LogicalTypes.TimestampMicros) {
      return Timestamp.builder();
    }
    return switch (avro.getType()) {
      case STRING, ENUM -> SchemaBuilder.string();
      case INT -> SchemaBuilder.int32();
      case LONG -> SchemaBuilder.int64();
      case FLOAT -> SchemaBuilder.float32();
      case DOUBLE -> SchemaBuilder.float64();
      case BOOLEAN -> SchemaBuilder.bool();
      case BYTES, FIXED -> SchemaBuilder.bytes();
      case RECORD, ARRAY, MAP, UNION -> complex(avro);
      default -> throw new DataException("unsupported Avro type " + avro.getType());
    };
  }

  private SchemaBuilder complex(org.apache.avro.Schema avro) {
    if (complexAsJson) {
      return SchemaBuilder.string();
    }
    return switch (avro.getType()) {
      case ARRAY -> SchemaBuilder.array(schema(avro.getElementType(), null));
      case MAP -> SchemaBuilder.map(Schema.STRING_SCHEMA, schema(avro.getValueType(), null));
      case RECORD -> {
        final SchemaBuilder struct = SchemaBuilder.struct().name(avro.getFullName());
        avro.getFields().forEach(f -> struct.field(f.name(), schema(f.schema(), f.doc())));
        yield struct;
      }
      default ->
          throw new DataException(
              "a union other than [null, T] (" + avro + ") needs complex.as.json=true");
    };
  }

  // Connect's Date and Timestamp logical types are defined on java.util.Date.
  @SuppressWarnings("JavaUtilDate")
  private Object value(org.apache.avro.Schema avro, Object datum) {
    if (datum == null) {
      return null;
    }
    final org.apache.avro.Schema type = unwrapOptional(avro);
    final LogicalType logical = type.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal) {
      final BigDecimal decimal = decimal(type, datum);
      return decimalAsString ? decimal.toPlainString() : decimal;
    }
    if (logical instanceof LogicalTypes.Date) {
      return Date.from(
          LocalDate.ofEpochDay((Integer) datum).atStartOfDay().toInstant(java.time.ZoneOffset.UTC));
    }
    if (logical instanceof LogicalTypes.TimestampMillis) {
      return new Date((Long) datum);
    }
    if (logical instanceof LogicalTypes.TimestampMicros) {
      return new Date(TimeUnit.MICROSECONDS.toMillis((Long) datum));
    }
    return switch (type.getType()) {
      case STRING, ENUM -> datum.toString();
      case BYTES -> bytes((ByteBuffer) datum);
      case FIXED -> ((GenericFixed) datum).bytes().clone();
      case RECORD, ARRAY, MAP, UNION -> complexValue(type, datum);
      default -> datum; // int, long, float, double, boolean: the same Java types in both
    };
  }

  private Object complexValue(org.apache.avro.Schema avro, Object datum) {
    if (complexAsJson) {
      return json.writeValue(avro, datum);
    }
    return switch (avro.getType()) {
      case ARRAY -> {
        final List<Object> items = new ArrayList<>();
        for (Object item : (Iterable<?>) datum) {
          items.add(value(avro.getElementType(), item));
        }
        yield items;
      }
      case MAP -> {
        final Map<String, Object> entries = new LinkedHashMap<>();
        ((Map<?, ?>) datum)
            .forEach((k, v) -> entries.put(k.toString(), value(avro.getValueType(), v)));
        yield entries;
      }
      case RECORD -> {
        final IndexedRecord nested = (IndexedRecord) datum;
        final Struct struct = new Struct(schema(avro, null));
        avro.getFields().forEach(f -> struct.put(f.name(), value(f.schema(), nested.get(f.pos()))));
        yield struct;
      }
      default -> throw new DataException("unsupported union " + avro);
    };
  }

  static BigDecimal decimal(org.apache.avro.Schema avro, Object datum) {
    if (datum instanceof ByteBuffer buffer) {
      return DECIMALS.fromBytes(buffer.duplicate(), avro, avro.getLogicalType());
    }
    return DECIMALS.fromFixed((GenericFixed) datum, avro, avro.getLogicalType());
  }

  static String instant(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  private static byte[] bytes(ByteBuffer buffer) {
    final ByteBuffer copy = buffer.duplicate();
    final byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }

  static boolean isOptional(org.apache.avro.Schema avro) {
    return avro.getType() == org.apache.avro.Schema.Type.UNION
        && avro.getTypes().size() == 2
        && avro.isNullable();
  }

  /** {@code [null, T]} is T made optional; any other schema is itself. */
  static org.apache.avro.Schema unwrapOptional(org.apache.avro.Schema avro) {
    if (!isOptional(avro)) {
      return avro;
    }
    return avro.getTypes().stream()
        .filter(s -> s.getType() != org.apache.avro.Schema.Type.NULL)
        .findFirst()
        .orElseThrow();
  }
}
