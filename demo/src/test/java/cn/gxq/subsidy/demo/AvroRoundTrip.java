package cn.gxq.subsidy.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;

/** Writes a record with {@code SpecificDatumWriter} and reads it back. */
final class AvroRoundTrip {
  private AvroRoundTrip() {}

  static SpecificRecord roundTrip(SpecificRecord record) {
    return read(record, HostileRecords.avroBody(record));
  }

  static SpecificRecord read(SpecificRecord like, byte[] body) {
    try {
      return new SpecificDatumReader<SpecificRecord>(like.getSchema())
          .read(null, DecoderFactory.get().binaryDecoder(body, null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
