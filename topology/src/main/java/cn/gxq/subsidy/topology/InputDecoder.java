package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.contract.DeadLetterCode;
import cn.gxq.subsidy.serde.WireFormatException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The checks every raw input record passes before it means anything: it has a value, it has a key,
 * and its bytes decode. What fails becomes a dead letter with the contract's code and a message
 * that tells the publisher what to do.
 */
final class InputDecoder<T> {

  private final Deserializer<? extends T> decoder;
  private final String nullValueHint;
  private final String keyHint;

  /**
   * @param nullValueHint what the publisher should do instead of sending a null value
   * @param keyHint what the key must be
   */
  InputDecoder(Deserializer<? extends T> decoder, String nullValueHint, String keyHint) {
    this.decoder = decoder;
    this.nullValueHint = nullValueHint;
    this.keyHint = keyHint;
  }

  /** The decoded value, or the dead letter saying why there is none. */
  Routed<T> decode(Record<?, byte[]> record, DeadLetter.Source source) {
    if (record.value() == null) {
      return dead(record, source, DeadLetterCode.NULL_VALUE, "the value is null; " + nullValueHint);
    }
    if (source.key() == null || new String(source.key(), StandardCharsets.UTF_8).isBlank()) {
      return dead(
          record,
          source,
          DeadLetterCode.MISSING_KEY,
          "the record has no key; the key must be " + keyHint);
    }
    try {
      return Routed.ok(decoder.deserialize(source.topic(), record.value()));
    } catch (WireFormatException e) {
      return dead(record, source, DeadLetterCode.valueOf(e.code().name()), e.getMessage());
    }
  }

  private static <T> Routed<T> dead(
      Record<?, byte[]> record, DeadLetter.Source source, DeadLetterCode code, String message) {
    return Routed.dead(source.deadLetter(record.value(), code, message));
  }
}
