package cn.gxq.subsidy.demo;

/**
 * A record to publish as raw bytes, and the dead-letter code it must get.
 *
 * @param description what is wrong with it, for test names and messages
 * @param topicKind the topic it is meant for ({@link Generated} kinds)
 * @param key the Kafka key, null for a missing key
 * @param value the value bytes, null for a null value
 * @param expected the dead-letter {@code error.code}
 */
// Carries bytes as they are; never compared, so array identity equality does not matter.
@SuppressWarnings("ArrayRecordComponent")
public record HostileRecord(
    String description, String topicKind, String key, byte[] value, ExpectedDeadLetter expected) {

  @Override
  public String toString() {
    return description
        + " ("
        + topicKind
        + ", "
        + (value == null ? "null" : value.length + " bytes")
        + " → "
        + expected
        + ")";
  }
}
