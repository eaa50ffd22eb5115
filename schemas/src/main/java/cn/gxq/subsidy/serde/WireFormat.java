package cn.gxq.subsidy.serde;

import java.nio.ByteBuffer;

/**
 * The Confluent wire format, written down once: byte {@code 0x00}, the schema id as a 4-byte
 * big-endian int, then the Avro binary encoding of the record.
 */
public final class WireFormat {

  /** First byte of every framed record. */
  public static final byte MAGIC_BYTE = 0x0;

  /** Bytes used by the schema id. */
  public static final int ID_SIZE = 4;

  /** Bytes before the Avro body. */
  public static final int HEADER_SIZE = 1 + ID_SIZE;

  private WireFormat() {}

  /** Subject a topic's values (or keys) are registered under, Confluent's TopicNameStrategy. */
  public static String subject(final String topic, final boolean isKey) {
    return topic + (isKey ? "-key" : "-value");
  }

  /** The header for a schema id. */
  public static byte[] header(final int schemaId) {
    return ByteBuffer.allocate(HEADER_SIZE).put(MAGIC_BYTE).putInt(schemaId).array();
  }

  /**
   * Checks the header and returns the schema id.
   *
   * @throws WireFormatException {@code UNDECODABLE} when the input is shorter than the header or
   *     the magic byte is wrong
   */
  public static int schemaId(final byte[] data) {
    if (data.length < HEADER_SIZE) {
      throw new WireFormatException(
          WireFormatError.UNDECODABLE,
          "record of "
              + data.length
              + " byte(s) is too short for the Confluent wire format, which needs at least "
              + HEADER_SIZE
              + " (magic byte 0x00 and a 4-byte schema id)");
    }
    if (data[0] != MAGIC_BYTE) {
      throw new WireFormatException(
          WireFormatError.UNDECODABLE,
          String.format(
              "unknown magic byte 0x%02x, expected 0x00: not Confluent wire format%s",
              data[0] & 0xff,
              data[0] == '{' ? " (it looks like JSON; publish with the Avro serializer)" : ""));
    }
    return ByteBuffer.wrap(data, 1, ID_SIZE).getInt();
  }
}
