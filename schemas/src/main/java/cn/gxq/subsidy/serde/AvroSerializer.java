package cn.gxq.subsidy.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes one generated record type in the Confluent wire format, registering the class's schema
 * under {@code <topic>-value} (or {@code <topic>-key}) on first use per topic. Thread-safe: Kafka
 * Streams shares one instance between stream threads.
 */
public final class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

  // Buffers above this size are not kept for reuse, so one huge record does not pin its memory.
  private static final int MAX_KEPT_BUFFER = 1 << 20;

  private final Schema schema;
  private final SchemaRegistryClient client;
  private final boolean isKey;
  private final DatumWriter<T> writer;
  private final ConcurrentMap<String, Integer> idsByTopic = new ConcurrentHashMap<>();
  private final ThreadLocal<Buffer> buffers = ThreadLocal.withInitial(Buffer::new);

  public AvroSerializer(
      final Class<T> type, final SchemaRegistryClient client, final boolean isKey) {
    Objects.requireNonNull(type, "type");
    this.schema = SpecificData.get().getSchema(type);
    this.client = Objects.requireNonNull(client, "client");
    this.isKey = isKey;
    this.writer = new SpecificDatumWriter<>(schema, SpecificData.getForClass(type));
  }

  @Override
  public byte[] serialize(final String topic, final T data) {
    if (data == null) {
      return null;
    }
    Integer id = idsByTopic.get(topic);
    if (id == null) {
      id = client.register(WireFormat.subject(topic, isKey), schema);
      idsByTopic.putIfAbsent(topic, id);
    }
    final Buffer buffer = buffers.get();
    buffer.out.reset();
    writeHeader(buffer.out, id);
    try {
      buffer.encoder = EncoderFactory.get().binaryEncoder(buffer.out, buffer.encoder);
      writer.write(data, buffer.encoder);
      buffer.encoder.flush();
    } catch (IOException | RuntimeException e) {
      // Typically a required field left null, or a decimal with more decimals than its scale.
      throw new SerializationException(
          "cannot serialize " + schema.getFullName() + " for topic '" + topic + "': " + e, e);
    }
    final byte[] bytes = buffer.out.toByteArray();
    if (bytes.length > MAX_KEPT_BUFFER) {
      buffers.remove();
    }
    return bytes;
  }

  private static void writeHeader(final ByteArrayOutputStream out, final int id) {
    out.write(WireFormat.MAGIC_BYTE);
    out.write(id >>> 24);
    out.write(id >>> 16);
    out.write(id >>> 8);
    out.write(id);
  }

  private static final class Buffer {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    private BinaryEncoder encoder;
  }
}
