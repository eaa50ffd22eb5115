package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.contract.DeadLetter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Where the record being processed was read from. */
final class Sources {

  private Sources() {}

  static DeadLetter.Source of(ProcessorContext<?, ?> context, byte[] key) {
    return context
        .recordMetadata()
        .map((RecordMetadata m) -> new DeadLetter.Source(key, m.topic(), m.partition(), m.offset()))
        .orElse(new DeadLetter.Source(key, "", -1, -1));
  }

  /** A key as text when it is UTF-8, else as hex, for a message. */
  static String printable(byte[] key) {
    try {
      return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(key)).toString();
    } catch (CharacterCodingException e) {
      return "0x" + HexFormat.of().formatHex(key);
    }
  }
}
