package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.serde.WireFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;

/**
 * Reads only what the benchmark needs from a decision (application id, revision, status) by walking
 * the first fields of the Avro body, so that watching a million decisions costs the machine little
 * next to the pipeline it measures. Checks the field order once, at load.
 */
final class DecisionReader {

  /** The fields read, in schema order. */
  record Head(String applicationId, int revision, DecisionStatus status) {}

  private static final List<String> LEADING_FIELDS =
      List.of(
          "applicationId",
          "revision",
          "sequence",
          "programme",
          "creditCode",
          "enterpriseName",
          "zone",
          "year",
          "status");

  static {
    final List<String> names =
        Decision.getClassSchema().getFields().stream()
            .map(Schema.Field::name)
            .limit(LEADING_FIELDS.size())
            .toList();
    if (!names.equals(LEADING_FIELDS)) {
      throw new IllegalStateException("Decision schema changed: " + names);
    }
  }

  private BinaryDecoder decoder;

  Head read(byte[] framed) {
    decoder =
        DecoderFactory.get()
            .binaryDecoder(
                framed, WireFormat.HEADER_SIZE, framed.length - WireFormat.HEADER_SIZE, decoder);
    try {
      final String id = decoder.readString();
      final int revision = decoder.readInt();
      decoder.readLong(); // sequence
      decoder.readEnum(); // programme
      decoder.skipString(); // creditCode
      skipOptionalString(); // enterpriseName
      skipOptionalString(); // zone
      decoder.readInt(); // year
      return new Head(id, revision, DecisionStatus.values()[decoder.readEnum()]);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void skipOptionalString() throws IOException {
    if (decoder.readIndex() == 1) {
      decoder.skipString();
    }
  }
}
