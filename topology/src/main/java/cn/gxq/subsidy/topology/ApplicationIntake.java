package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.contract.DeadLetterCode;
import cn.gxq.subsidy.programme.ApplicationHeader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First step for an application topic: decodes the record, dead-letters what cannot be decoded or
 * addressed, and re-keys the rest by credit code with the submission time as its timestamp (the
 * registry is looked up as of that time). Key and value stay the original bytes, so whatever goes
 * wrong, here or later, is dead-lettered untouched. The key must be the application id: decisions
 * of one application are ordered only because all its revisions share a partition.
 */
final class ApplicationIntake implements Processor<byte[], byte[], String, Routed<byte[]>> {

  private final InputDecoder<SpecificRecord> input;
  private ProcessorContext<String, Routed<byte[]>> context;

  ApplicationIntake(Deserializer<? extends SpecificRecord> decoder) {
    this.input =
        new InputDecoder<>(
            decoder,
            "applications are never deleted: publish a new revision with withdrawn=true to withdraw"
                + " one",
            "the application id");
  }

  @Override
  public void init(ProcessorContext<String, Routed<byte[]>> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    final DeadLetter.Source source = Sources.of(context, record.key());
    final Routed<? extends SpecificRecord> decoded = input.decode(record, source);
    if (decoded.isDead()) {
      context.forward(deadKeyed(record).withValue(Routed.dead(decoded.deadLetter())));
      return;
    }
    final ApplicationHeader header = ApplicationHeader.of(decoded.value());
    if (header.applicationId() == null || header.applicationId().isBlank()) {
      deadLetter(
          record,
          source,
          DeadLetterCode.INVALID_RECORD,
          "applicationId is blank; a decision cannot be addressed without it (record key '"
              + Sources.printable(record.key())
              + "')");
      return;
    }
    if (!Arrays.equals(record.key(), header.applicationId().getBytes(StandardCharsets.UTF_8))) {
      deadLetter(
          record,
          source,
          DeadLetterCode.KEY_MISMATCH,
          "the record key '"
              + Sources.printable(record.key())
              + "' is not its applicationId '"
              + header.applicationId()
              + "'; key each application by its applicationId so its revisions stay in order");
      return;
    }
    final long submittedAt = header.submittedAt().toEpochMilli();
    context.forward(
        record
            .withKey(header.creditCode() == null ? "" : header.creditCode())
            .withValue(Routed.ok(record.value()))
            // Kafka timestamps cannot be negative; the rules reject such a date anyway.
            .withTimestamp(submittedAt >= 0 ? submittedAt : record.timestamp())
            .withHeaders(source.stamp(record.headers())));
  }

  /** A dead letter carries the input key itself; the record's own key no longer matters. */
  private static Record<String, byte[]> deadKeyed(Record<byte[], byte[]> record) {
    return record.withKey((String) null);
  }

  private void deadLetter(
      Record<byte[], byte[]> record,
      DeadLetter.Source source,
      DeadLetterCode code,
      String message) {
    context.forward(
        deadKeyed(record).withValue(Routed.dead(source.deadLetter(record.value(), code, message))));
  }
}
