package cn.gxq.subsidy.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Conversions;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Plain JSON for any generated record, driven by its Avro schema (no per-record code): money and
 * other decimals as strings with the field's scale, dates {@code YYYY-MM-DD}, instants ISO-8601 in
 * UTC, enums as their symbol, optional fields null or absent, no union wrappers. Absent fields with
 * a default take it. Thread-safe.
 */
public final class RecordJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .nodeFactory(NODES)
          .build();

  /**
   * Reads one JSON object into a record.
   *
   * @throws RecordJsonException naming the field and the problem
   */
  public <T extends SpecificRecord> T read(final String jsonLine, final Class<T> type) {
    final JsonNode tree;
    try {
      tree = mapper.readTree(jsonLine);
    } catch (JsonProcessingException e) {
      throw new RecordJsonException(null, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    return fromTree(tree, type);
  }

  /**
   * Converts a parsed JSON object into a record.
   *
   * @throws RecordJsonException naming the field and the problem
   */
  public <T extends SpecificRecord> T fromTree(final JsonNode tree, final Class<T> type) {
    if (tree == null || !tree.isObject()) {
      throw new RecordJsonException(null, "not a JSON object");
    }
    final SpecificData model = SpecificData.getForClass(type);
    final Schema schema = model.getSchema(type);
    return type.cast(new Reader(model).record(tree, schema, ""));
  }

  /** The record as one line of JSON. */
  public String write(final SpecificRecord record) {
    try {
      return mapper.writeValueAsString(toTree(record));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(
          "cannot write JSON for " + record.getSchema().getFullName(), e);
    }
  }

  /**
   * Any Avro value as the contract's plain JSON text: generated records, or generic data as a
   * decoder without logical-type conversions gives it (decimals as bytes, dates as day numbers,
   * instants as epoch millis or micros), as Kafka Connect hands it over.
   */
  public String writeValue(final Schema schema, final Object datum) {
    try {
      return mapper.writeValueAsString(new Writer(GenericData.get()).value(datum, schema));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + schema, e);
    }
  }

  /** The record as a JSON tree. */
  public ObjectNode toTree(final SpecificRecord record) {
    return (ObjectNode)
        new Writer(SpecificData.getForClass(record.getClass())).record(record, record.getSchema());
  }

  /** JSON to Avro values of the types the generated classes hold. */
  private static final class Reader {
    private final SpecificData model;

    Reader(final SpecificData model) {
      this.model = model;
    }

    Object record(final JsonNode node, final Schema schema, final String path) {
      if (!node.isObject()) {
        throw new RecordJsonException(
            path,
            at(path) + "expected a JSON object for " + schema.getName() + ", got " + shown(node));
      }
      // Every problem of the object is gathered, so a publisher fixes a line in one go.
      final List<RecordJsonException> problems = new ArrayList<>();
      for (final Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
        final String name = names.next();
        if (schema.getField(name) == null) {
          problems.add(
              new RecordJsonException(
                  join(path, name), "unknown field '" + join(path, name) + "'"));
        }
      }
      final IndexedRecord record = (IndexedRecord) model.newRecord(null, schema);
      for (final Schema.Field field : schema.getFields()) {
        try {
          record.put(field.pos(), field(node.get(field.name()), field, join(path, field.name())));
        } catch (RecordJsonException e) {
          problems.add(e);
        }
      }
      if (!problems.isEmpty()) {
        throw RecordJsonException.all(problems);
      }
      return record;
    }

    private Object field(final JsonNode value, final Schema.Field field, final String path) {
      return value == null ? absent(field, path) : value(value, field.schema(), path);
    }

    private Object absent(final Schema.Field field, final String path) {
      if (field.hasDefaultValue()) {
        // The model's default is shared; copy it so that a default list is never aliased.
        return model.deepCopy(field.schema(), model.getDefaultValue(field));
      }
      if (field.schema().isNullable()) {
        return null;
      }
      throw new RecordJsonException(path, at(path) + "missing");
    }

    Object value(final JsonNode node, final Schema schema, final String path) {
      if (schema.getType() == Schema.Type.UNION) {
        return union(node, schema, path);
      }
      if (node.isNull()) {
        throw new RecordJsonException(path, at(path) + "null is not allowed");
      }
      final LogicalType logical = schema.getLogicalType();
      if (logical instanceof LogicalTypes.Decimal decimal) {
        return decimal(node, decimal, path);
      }
      if (logical instanceof LogicalTypes.Date) {
        return date(node, path);
      }
      if (logical instanceof LogicalTypes.TimestampMillis
          || logical instanceof LogicalTypes.TimestampMicros) {
        return instant(node, logical instanceof LogicalTypes.TimestampMillis, path);
      }
      return switch (schema.getType()) {
        case RECORD -> record(node, schema, path);
        case ENUM -> symbol(node, schema, path);
        case ARRAY -> array(node, schema, path);
        case MAP -> map(node, schema, path);
        case STRING -> text(node, path, "a string");
        case INT -> integral(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
        case LONG -> integral(node, path, Long.MIN_VALUE, Long.MAX_VALUE);
        case FLOAT -> (float) number(node, path).doubleValue();
        case DOUBLE -> number(node, path).doubleValue();
        case BOOLEAN -> bool(node, path);
        case BYTES -> ByteBuffer.wrap(base64(node, path));
        case FIXED -> fixed(node, schema, path);
        case NULL ->
            throw new RecordJsonException(path, at(path) + "expected null, got " + shown(node));
        default -> throw new IllegalStateException("unsupported Avro type " + schema.getType());
      };
    }

    private Object union(final JsonNode node, final Schema schema, final String path) {
      if (node.isNull()) {
        if (schema.isNullable()) {
          return null;
        }
        throw new RecordJsonException(path, at(path) + "null is not allowed");
      }
      final List<Schema> branches =
          schema.getTypes().stream().filter(s -> s.getType() != Schema.Type.NULL).toList();
      RecordJsonException first = null;
      for (final Schema branch : branches) {
        try {
          return value(node, branch, path);
        } catch (RecordJsonException e) {
          first = first == null ? e : first;
        }
      }
      throw first;
    }

    private static BigDecimal decimal(
        final JsonNode node, final LogicalTypes.Decimal type, final String path) {
      final BigDecimal value;
      if (node.isTextual()) {
        try {
          value = new BigDecimal(node.textValue().strip());
        } catch (NumberFormatException e) {
          throw new RecordJsonException(path, at(path) + shown(node) + " is not a decimal number");
        }
      } else if (node.isNumber()) {
        value = node.decimalValue();
      } else {
        throw new RecordJsonException(
            path,
            at(path)
                + "expected a decimal as a string such as \"12500.00\", "
                + "got "
                + shown(node));
      }
      final int decimals = Math.max(0, value.stripTrailingZeros().scale());
      if (decimals > type.getScale()) {
        throw new RecordJsonException(
            path,
            at(path)
                + shown(node)
                + " has "
                + decimals
                + " decimals, at most "
                + type.getScale()
                + " allowed");
      }
      final BigDecimal scaled = value.setScale(type.getScale(), RoundingMode.UNNECESSARY);
      if (scaled.precision() > type.getPrecision()) {
        throw new RecordJsonException(
            path,
            at(path)
                + shown(node)
                + " has "
                + scaled.precision()
                + " digits, at most "
                + type.getPrecision()
                + " allowed");
      }
      return scaled;
    }

    private static LocalDate date(final JsonNode node, final String path) {
      final String text = text(node, path, "a date YYYY-MM-DD");
      try {
        return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (DateTimeParseException e) {
        throw new RecordJsonException(path, at(path) + shown(node) + " is not a date YYYY-MM-DD");
      }
    }

    private static Instant instant(final JsonNode node, final boolean millis, final String path) {
      final String text = text(node, path, "an ISO-8601 instant such as \"2022-05-01T09:30:00Z\"");
      final Instant instant;
      try {
        instant = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
      } catch (DateTimeParseException e) {
        throw new RecordJsonException(
            path,
            at(path)
                + shown(node)
                + " is not an ISO-8601 instant with offset, such as \"2022-05-01T09:30:00Z\"");
      }
      // Like decimals: finer than the field can hold is an error, not a silent truncation.
      final int unit = millis ? 1_000_000 : 1_000;
      // The nano adjustment within the second is exactly what must be whole milli/microseconds.
      @SuppressWarnings("JavaInstantGetSecondsGetNano")
      final int nanos = instant.getNano();
      if (nanos % unit != 0) {
        throw new RecordJsonException(
            path,
            at(path)
                + shown(node)
                + " is finer than "
                + (millis ? "milliseconds" : "microseconds"));
      }
      return instant;
    }

    private Object symbol(final JsonNode node, final Schema schema, final String path) {
      final String symbol = text(node, path, "one of " + schema.getEnumSymbols());
      if (!schema.hasEnumSymbol(symbol)) {
        throw new RecordJsonException(
            path,
            at(path)
                + shown(node)
                + " is not one of "
                + String.join(", ", schema.getEnumSymbols()));
      }
      return model.createEnum(symbol, schema);
    }

    private List<Object> array(final JsonNode node, final Schema schema, final String path) {
      if (!node.isArray()) {
        throw new RecordJsonException(path, at(path) + "expected a JSON array, got " + shown(node));
      }
      final List<Object> items = new ArrayList<>(node.size());
      for (int i = 0; i < node.size(); i++) {
        items.add(value(node.get(i), schema.getElementType(), path + "[" + i + "]"));
      }
      return items;
    }

    private Map<String, Object> map(final JsonNode node, final Schema schema, final String path) {
      if (!node.isObject()) {
        throw new RecordJsonException(
            path, at(path) + "expected a JSON object, got " + shown(node));
      }
      final Map<String, Object> entries = new LinkedHashMap<>();
      for (final Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        final Map.Entry<String, JsonNode> entry = it.next();
        entries.put(
            entry.getKey(),
            value(entry.getValue(), schema.getValueType(), path + "[\"" + entry.getKey() + "\"]"));
      }
      return entries;
    }

    private static String text(final JsonNode node, final String path, final String expected) {
      if (!node.isTextual()) {
        throw new RecordJsonException(
            path, at(path) + "expected " + expected + ", got " + shown(node));
      }
      return node.textValue();
    }

    private static Long integral(
        final JsonNode node, final String path, final long min, final long max) {
      final BigDecimal value = number(node, path);
      try {
        final long integral = value.longValueExact();
        if (integral < min || integral > max) {
          throw new ArithmeticException();
        }
        return integral;
      } catch (ArithmeticException e) {
        throw new RecordJsonException(
            path, at(path) + shown(node) + " is not an integer between " + min + " and " + max);
      }
    }

    private static BigDecimal number(final JsonNode node, final String path) {
      if (!node.isNumber()) {
        throw new RecordJsonException(path, at(path) + "expected a number, got " + shown(node));
      }
      return node.decimalValue();
    }

    private static boolean bool(final JsonNode node, final String path) {
      if (!node.isBoolean()) {
        throw new RecordJsonException(
            path, at(path) + "expected true or false, got " + shown(node));
      }
      return node.booleanValue();
    }

    private static byte[] base64(final JsonNode node, final String path) {
      try {
        return Base64.getDecoder().decode(text(node, path, "base64 text"));
      } catch (IllegalArgumentException e) {
        throw new RecordJsonException(path, at(path) + shown(node) + " is not base64");
      }
    }

    private Object fixed(final JsonNode node, final Schema schema, final String path) {
      final byte[] bytes = base64(node, path);
      if (bytes.length != schema.getFixedSize()) {
        throw new RecordJsonException(
            path, at(path) + bytes.length + " bytes, expected " + schema.getFixedSize());
      }
      return model.createFixed(null, bytes, schema);
    }
  }

  /** Avro values to JSON, the inverse of {@link Reader}. */
  private static final class Writer {
    private final GenericData model;

    Writer(final GenericData model) {
      this.model = model;
    }

    JsonNode record(final Object value, final Schema schema) {
      final IndexedRecord record = (IndexedRecord) value;
      final ObjectNode node = NODES.objectNode();
      for (final Schema.Field field : schema.getFields()) {
        node.set(field.name(), value(record.get(field.pos()), field.schema()));
      }
      return node;
    }

    JsonNode value(final Object value, final Schema schema) {
      if (value == null) {
        return NODES.nullNode();
      }
      if (schema.getType() == Schema.Type.UNION) {
        return value(value, schema.getTypes().get(model.resolveUnion(schema, value)));
      }
      final LogicalType logical = schema.getLogicalType();
      if (logical instanceof LogicalTypes.Decimal decimal) {
        return NODES.textNode(decimalText(decimal(value, schema, decimal), decimal.getScale()));
      }
      if (logical instanceof LogicalTypes.Date) {
        return NODES.textNode(
            (value instanceof Integer days ? LocalDate.ofEpochDay(days) : value).toString());
      }
      if (logical instanceof LogicalTypes.TimestampMillis && value instanceof Long millis) {
        return NODES.textNode(Instant.ofEpochMilli(millis).toString());
      }
      if (logical instanceof LogicalTypes.TimestampMicros && value instanceof Long micros) {
        return NODES.textNode(Instant.EPOCH.plus(micros, ChronoUnit.MICROS).toString());
      }
      if (logical instanceof LogicalTypes.TimestampMillis
          || logical instanceof LogicalTypes.TimestampMicros) {
        return NODES.textNode(value.toString()); // Instant.toString is ISO-8601 in UTC with Z
      }
      return switch (schema.getType()) {
        case RECORD -> record(value, schema);
        case ENUM, STRING -> NODES.textNode(value.toString());
        case ARRAY -> array((Collection<?>) value, schema);
        case MAP -> map((Map<?, ?>) value, schema);
        case INT -> NODES.numberNode(((Number) value).intValue());
        case LONG -> NODES.numberNode(((Number) value).longValue());
        case FLOAT -> NODES.numberNode(((Number) value).floatValue());
        case DOUBLE -> NODES.numberNode(((Number) value).doubleValue());
        case BOOLEAN -> NODES.booleanNode((Boolean) value);
        case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) value)));
        case FIXED ->
            NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) value).bytes()));
        default -> throw new IllegalStateException("unsupported Avro type " + schema.getType());
      };
    }

    /** A decimal as generated classes hold it, or as raw bytes or fixed from generic data. */
    private static BigDecimal decimal(
        final Object value, final Schema schema, final LogicalTypes.Decimal type) {
      final Conversions.DecimalConversion conversion = new Conversions.DecimalConversion();
      if (value instanceof ByteBuffer buffer) {
        return conversion.fromBytes(buffer.duplicate(), schema, type);
      }
      if (value instanceof GenericFixed fixed) {
        return conversion.fromFixed(fixed, schema, type);
      }
      return (BigDecimal) value;
    }

    private ArrayNode array(final Collection<?> items, final Schema schema) {
      final ArrayNode node = NODES.arrayNode(items.size());
      for (final Object item : items) {
        node.add(value(item, schema.getElementType()));
      }
      return node;
    }

    private ObjectNode map(final Map<?, ?> entries, final Schema schema) {
      final ObjectNode node = NODES.objectNode();
      for (final Map.Entry<?, ?> entry : entries.entrySet()) {
        node.set(entry.getKey().toString(), value(entry.getValue(), schema.getValueType()));
      }
      return node;
    }

    private static String decimalText(final BigDecimal value, final int scale) {
      // A value with more decimals than the schema would not serialize either; show it as it is.
      return value.scale() <= scale ? value.setScale(scale).toPlainString() : value.toPlainString();
    }

    private static byte[] bytes(final ByteBuffer buffer) {
      final byte[] bytes = new byte[buffer.remaining()];
      buffer.duplicate().get(bytes);
      return bytes;
    }
  }

  private static String at(final String path) {
    return "field '" + path + "': ";
  }

  private static String join(final String path, final String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  // The offending value as written, shortened so that a huge value does not flood a log line.
  private static String shown(final JsonNode node) {
    final String text = node.toString();
    return text.length() <= 60 ? text : text.substring(0, 60) + "…";
  }
}
