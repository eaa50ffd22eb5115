package cn.gxq.subsidy.serde;

import java.util.Objects;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Bad input on the wire: the record itself is wrong, so retrying will not help and it belongs in
 * the dead-letter topic. Registry outages are never reported with this type; they surface as {@link
 * SchemaRegistryException}.
 */
public final class WireFormatException extends SerializationException {

  private final WireFormatError code;

  public WireFormatException(final WireFormatError code, final String message) {
    this(code, message, null);
  }

  public WireFormatException(
      final WireFormatError code, final String message, final Throwable cause) {
    super(message, cause);
    this.code = Objects.requireNonNull(code, "code");
  }

  /** The dead-letter error code for this failure. */
  public WireFormatError code() {
    return code;
  }
}
