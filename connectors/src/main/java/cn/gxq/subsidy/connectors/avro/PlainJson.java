package cn.gxq.subsidy.connectors.avro;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;

/**
 * Generic Avro values as the contract's plain JSON (decimals as strings, dates YYYY-MM-DD, instants
 * ISO-8601, no union wrappers), for columns that hold arrays, maps or nested records as text.
 */
final class PlainJson {

  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);
  private final ObjectMapper mapper = new ObjectMapper();

  String write(Schema schema, Object datum) {
    try {
      return mapper.writeValueAsString(node(schema, datum));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON for " + schema, e);
    }
  }

  private JsonNode node(Schema schema, Object datum) {
    if (datum == null) {
      return NODES.nullNode();
    }
    final Schema type =
        schema.getType() == Schema.Type.UNION
            ? schema
                .getTypes()
                .get(org.apache.avro.generic.GenericData.get().resolveUnion(schema, datum))
            : schema;
    final LogicalType logical = type.getLogicalType();
    if (logical instanceof LogicalTypes.Decimal) {
      return NODES.textNode(AvroConnectData.decimal(type, datum).toPlainString());
    }
    if (logical instanceof LogicalTypes.Date) {
      return NODES.textNode(LocalDate.ofEpochDay((Integer) datum).toString());
    }
    if (logical instanceof LogicalTypes.TimestampMillis) {
      return NODES.textNode(AvroConnectData.instant((Long) datum));
    }
    return switch (type.getType()) {
      case RECORD -> {
        final ObjectNode object = NODES.objectNode();
        final IndexedRecord record = (IndexedRecord) datum;
        type.getFields().forEach(f -> object.set(f.name(), node(f.schema(), record.get(f.pos()))));
        yield object;
      }
      case ARRAY -> {
        final ArrayNode array = NODES.arrayNode();
        ((Iterable<?>) datum).forEach(item -> array.add(node(type.getElementType(), item)));
        yield array;
      }
      case MAP -> {
        final ObjectNode object = NODES.objectNode();
        ((Map<?, ?>) datum)
            .forEach((k, v) -> object.set(k.toString(), node(type.getValueType(), v)));
        yield object;
      }
      case STRING, ENUM -> NODES.textNode(datum.toString());
      case INT -> NODES.numberNode((Integer) datum);
      case LONG -> NODES.numberNode((Long) datum);
      case FLOAT -> NODES.numberNode((Float) datum);
      case DOUBLE -> NODES.numberNode((Double) datum);
      case BOOLEAN -> NODES.booleanNode((Boolean) datum);
      case BYTES -> NODES.textNode(Base64.getEncoder().encodeToString(bytes((ByteBuffer) datum)));
      case FIXED ->
          NODES.textNode(Base64.getEncoder().encodeToString(((GenericFixed) datum).bytes()));
      default -> NODES.nullNode();
    };
  }

  private static byte[] bytes(ByteBuffer buffer) {
    final ByteBuffer copy = buffer.duplicate();
    final byte[] bytes = new byte[copy.remaining()];
    copy.get(bytes);
    return bytes;
  }
}
