package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.contract.DeadLetterCode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * First step for an application topic: reads the record's header, dead-letters what cannot be
 * decoded or addressed, and re-keys the rest by credit code with the submission time as its
 * timestamp (the registry is looked up as of that time). Key and value stay the original bytes, so
 * whatever goes wrong, here or later, is dead-lettered untouched. The key must be the application
 * id: decisions of one application are ordered only because all its revisions share a partition.
 *
 * <p>Only the header is built ({@link #HEADER}); the rest of the body is checked by skipping it,
 * and decoded once, by the assessor, which needs all of it.
 */
final class ApplicationIntake implements Processor<byte[], byte[], String, Routed<byte[]>> {

  /** The fields of every application (contract: "Every application") this step reads. */
  static final List<String> HEADER = List.of("applicationId", "creditCode", "submittedAt");

  private final InputDecoder<GenericRecord> input;
  private ProcessorContext<String, Routed<byte[]>> context;

  ApplicationIntake(Deserializer<GenericRecord> decoder) {
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
    final Routed<GenericRecord> decoded = input.decode(record, source);
    if (decoded.isDead()) {
      context.forward(deadKeyed(record).withValue(Routed.dead(decoded.deadLetter())));
      return;
    }
    final GenericRecord header = decoded.value();
    final String applicationId = text(header.get("applicationId"));
    final String creditCode = text(header.get("creditCode"));
    if (applicationId == null || applicationId.isBlank()) {
      deadLetter(
          record,
          source,
          DeadLetterCode.INVALID_RECORD,
          "applicationId is blank; a decision cannot be addressed without it (record key '"
              + Sources.printable(record.key())
              + "')");
      return;
    }
    if (!Arrays.equals(record.key(), applicationId.getBytes(StandardCharsets.UTF_8))) {
      deadLetter(
          record,
          source,
          DeadLetterCode.KEY_MISMATCH,
          "the record key '"
              + Sources.printable(record.key())
              + "' is not its applicationId '"
              + applicationId
              + "'; key each application by its applicationId so its revisions stay in order");
      return;
    }
    // timestamp-millis, read without the generated class's conversion to Instant
    final long submittedAt = (Long) header.get("submittedAt");
    context.forward(
        record
            .withKey(creditCode == null ? "" : creditCode)
            .withValue(Routed.ok(record.value()))
            // Kafka timestamps cannot be negative; the rules reject such a date anyway.
            .withTimestamp(submittedAt >= 0 ? submittedAt : record.timestamp())
            .withHeaders(source.stamp(record.headers())));
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
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
