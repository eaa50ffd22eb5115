package cn.gxq.subsidy.topology;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First step for an application topic: decodes the record, dead-letters what cannot be decoded or
 * addressed, and re-keys the rest by credit code with the submission time as its timestamp (the
 * registry is looked up as of that time). The value stays the original bytes, so whatever goes
 * wrong later can still be dead-lettered untouched.
 */
final class ApplicationIntake implements Processor<String, byte[], String, Routed<byte[]>> {

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
  public void process(Record<String, byte[]> record) {
    final DeadLetter.Source source = Sources.of(context, record.key());
    final Routed<? extends SpecificRecord> decoded = input.decode(record, source);
    if (decoded.isDead()) {
      context.forward(record.withValue(Routed.dead(decoded.deadLetter())));
      return;
    }
    final ApplicationHeader header = ApplicationHeader.of(decoded.value());
    if (header.applicationId() == null || header.applicationId().isBlank()) {
      deadLetter(
          record,
          source,
          DeadLetterCode.INVALID_RECORD,
          "applicationId is blank; a decision cannot be addressed without it (record key '"
              + record.key()
              + "')");
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

  private void deadLetter(
      Record<String, byte[]> record,
      DeadLetter.Source source,
      DeadLetterCode code,
      String message) {
    context.forward(
        record.withValue(Routed.dead(source.deadLetter(record.value(), code, message))));
  }
}
