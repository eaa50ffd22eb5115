package cn.gxq.subsidy.contract;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * An input record that could not be decided, kept byte for byte with the reason and where it came
 * from. The header names are part of the contract.
 */
// Carries bytes as they are; never compared, so array identity equality does not matter.
@SuppressWarnings("ArrayRecordComponent")
public record DeadLetter(
    byte[] key,
    byte[] value,
    DeadLetterCode code,
    String message,
    String sourceTopic,
    int sourcePartition,
    long sourceOffset) {

  public static final String ERROR_CODE = "error.code";
  public static final String ERROR_MESSAGE = "error.message";
  public static final String SOURCE_TOPIC = "source.topic";
  public static final String SOURCE_PARTITION = "source.partition";
  public static final String SOURCE_OFFSET = "source.offset";

  /** Internal: the input key, carried across the re-keying by credit code. Not on dead letters. */
  public static final String SOURCE_KEY = "source.key";

  public DeadLetter {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }

  /** Where a record came from, as carried in its headers across a repartition. */
  // The key stays bytes, as read: a dead letter must carry it exactly, even when it is not UTF-8.
  @SuppressWarnings("ArrayRecordComponent")
  public record Source(byte[] key, String topic, int partition, long offset) {

    public static Source of(Headers headers) {
      final Header key = headers.lastHeader(SOURCE_KEY);
      return new Source(
          key == null ? null : key.value(),
          text(headers, SOURCE_TOPIC),
          Integer.parseInt(textOr(headers, SOURCE_PARTITION, "-1")),
          Long.parseLong(textOr(headers, SOURCE_OFFSET, "-1")));
    }

    /** Stamps the source on a record's headers so a later step can dead-letter it faithfully. */
    public Headers stamp(Headers headers) {
      headers
          .remove(SOURCE_KEY)
          .remove(SOURCE_TOPIC)
          .remove(SOURCE_PARTITION)
          .remove(SOURCE_OFFSET);
      if (key != null) {
        headers.add(SOURCE_KEY, key);
      }
      headers.add(SOURCE_TOPIC, utf8(topic));
      headers.add(SOURCE_PARTITION, utf8(Integer.toString(partition)));
      headers.add(SOURCE_OFFSET, utf8(Long.toString(offset)));
      return headers;
    }

    public DeadLetter deadLetter(byte[] value, DeadLetterCode code, String message) {
      return new DeadLetter(key, value, code, message, topic, partition, offset);
    }
  }

  /** The contract's dead-letter headers. */
  public Headers headers() {
    final Headers headers = new RecordHeaders();
    headers.add(ERROR_CODE, utf8(code.name()));
    headers.add(ERROR_MESSAGE, utf8(message));
    headers.add(SOURCE_TOPIC, utf8(sourceTopic == null ? "" : sourceTopic));
    headers.add(SOURCE_PARTITION, utf8(Integer.toString(sourcePartition)));
    headers.add(SOURCE_OFFSET, utf8(Long.toString(sourceOffset)));
    return headers;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(Headers headers, String name) {
    return textOr(headers, name, null);
  }

  private static String textOr(Headers headers, String name, String fallback) {
    final Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? fallback
        : new String(header.value(), StandardCharsets.UTF_8);
  }
}
