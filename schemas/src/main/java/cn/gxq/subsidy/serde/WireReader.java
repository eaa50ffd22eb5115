package cn.gxq.subsidy.serde;

import java.io.IOException;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads Confluent-framed records: header, writer schema by id, Avro body resolved to a reader
 * class, nothing after it. Shared by the deserializers, which differ in how they pick the reader
 * class and in what they build from the body (a generated record, or only some of its fields).
 */
final class WireReader<T> {

  /** Picks the generated class that reads a writer schema, or null when none fits. */
  interface ReaderChoice extends Function<Schema, Class<? extends SpecificRecord>> {}

  /** What reads the body, once the writer is known to be readable as the chosen class. */
  interface BodyReader<T> {
    DatumReader<T> of(Schema writer, Schema reader, Class<? extends SpecificRecord> type);
  }

  private final SchemaRegistryClient client;
  private final ReaderChoice choice;
  private final BodyReader<T> body;
  private final String expected;
  // Resolving a writer against a reader is costly; both are fixed per id, so do it once per id.
  private final ConcurrentMap<Integer, Resolved<T>> readers = new ConcurrentHashMap<>();

  // Per reader, not static: a decoder is reused by one thread for one reader's records.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<BinaryDecoder> decoders = new ThreadLocal<>();

  /**
   * @param expected the reader record name(s) as told to a person when the writer fits none
   */
  WireReader(
      final SchemaRegistryClient client,
      final ReaderChoice choice,
      final BodyReader<T> body,
      final String expected) {
    this.client = Objects.requireNonNull(client, "client");
    this.choice = Objects.requireNonNull(choice, "choice");
    this.body = Objects.requireNonNull(body, "body");
    this.expected = expected;
  }

  /** Builds the generated class itself. */
  @SuppressWarnings("unchecked")
  static <T extends SpecificRecord> BodyReader<T> specific() {
    return (writer, reader, type) ->
        (DatumReader<T>)
            new SpecificDatumReader<SpecificRecord>(writer, reader, SpecificData.getForClass(type));
  }

  T read(final String topic, final byte[] data) {
    final int id = WireFormat.schemaId(data);
    Resolved<T> resolved = readers.get(id);
    if (resolved == null) {
      resolved = resolve(topic, id);
      readers.putIfAbsent(id, resolved);
    }
    final BinaryDecoder decoder =
        DecoderFactory.get()
            .binaryDecoder(
                data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, decoders.get());
    decoders.set(decoder);
    final T value;
    try {
      value = resolved.reader().read(null, decoder);
    } catch (IOException | RuntimeException e) {
      // EOFException for a cut body, AvroRuntimeException (or worse) for garbage.
      throw new WireFormatException(
          WireFormatError.UNDECODABLE,
          "cannot read the Avro body ("
              + (data.length - WireFormat.HEADER_SIZE)
              + " bytes) with writer schema id "
              + id
              + " ("
              + resolved.writerName()
              + "): "
              + e,
          e);
    }
    final int trailing = remaining(decoder);
    if (trailing != 0) {
      throw new WireFormatException(
          WireFormatError.UNDECODABLE,
          (trailing < 0 ? "" : trailing + " ")
              + "unexpected trailing byte(s) after the "
              + resolved.writerName()
              + " record of schema id "
              + id
              + " ("
              + data.length
              + " bytes in all): the body does not match the schema");
    }
    return value;
  }

  private Resolved<T> resolve(final String topic, final int id) {
    final Schema writer;
    try {
      writer = client.schemaById(id);
    } catch (SchemaRegistryException e) {
      if (e.isSchemaNotFound()) {
        throw new WireFormatException(
            WireFormatError.UNKNOWN_SCHEMA,
            "schema id "
                + id
                + " is not known to the schema registry (was the record written against another registry?)",
            e);
      }
      throw e; // infrastructure failure, not bad input
    } catch (AvroRuntimeException e) {
      throw new WireFormatException(
          WireFormatError.UNDECODABLE,
          "schema id " + id + " is not a usable Avro schema: " + e.getMessage(),
          e);
    }
    final Class<? extends SpecificRecord> type =
        writer.getType() == Schema.Type.RECORD ? choice.apply(writer) : null;
    if (type == null) {
      throw new WireFormatException(
          WireFormatError.UNDECODABLE,
          "schema id "
              + id
              + " is "
              + describe(writer)
              + ", but topic '"
              + topic
              + "' expects "
              + expected);
    }
    final Schema reader = SpecificData.get().getSchema(type);
    final SchemaCompatibility.SchemaPairCompatibility compatibility =
        SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
    if (compatibility.getType() != SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE) {
      throw new WireFormatException(
          WireFormatError.UNDECODABLE,
          "schema id "
              + id
              + " ("
              + writer.getFullName()
              + ") cannot be read as "
              + reader.getFullName()
              + ": "
              + compatibility.getResult().getIncompatibilities());
    }
    return new Resolved<>(body.of(writer, reader, type), writer.getFullName());
  }

  private static String describe(final Schema writer) {
    return writer.getType() == Schema.Type.RECORD
        ? writer.getFullName()
        : "a " + writer.getType().getName() + " schema";
  }

  // Bytes the decoder has not consumed; -1 when it cannot tell but knows there are some.
  private static int remaining(final BinaryDecoder decoder) {
    try {
      if (decoder.isEnd()) {
        return 0;
      }
      final int available = decoder.inputStream().available();
      return available > 0 ? available : -1;
    } catch (IOException e) {
      return -1;
    }
  }

  private record Resolved<T>(DatumReader<T> reader, String writerName) {}
}
