package cn.gxq.subsidy.connectors.intake;

import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.contract.DeadLetterCode;
import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.json.RecordJsonException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns one intake JSON value into the contract's Avro record, keyed and timed as the contract
 * says, or into a dead letter with the input bytes untouched and the reason. Registry failures are
 * not the record's fault and are thrown, so the transaction aborts and nothing is lost.
 */
final class IntakeValidator implements Processor<String, byte[], String, byte[]> {

  /** Brokers refuse records dated further ahead (the contract topics' timestamp limit). */
  static final Duration MAX_FUTURE = Duration.ofHours(1);

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private final RecordKind kind;
  private final String contractTopic;
  private final String contractSink;
  private final String deadLetterSink;
  private final Serializer<SpecificRecord> serializer;
  private final RecordJson recordJson = new RecordJson();
  private final Clock clock;
  private ProcessorContext<String, byte[]> context;

  IntakeValidator(
      RecordKind kind,
      String contractTopic,
      String contractSink,
      String deadLetterSink,
      Serializer<SpecificRecord> serializer,
      Clock clock) {
    this.kind = kind;
    this.contractTopic = contractTopic;
    this.contractSink = contractSink;
    this.deadLetterSink = deadLetterSink;
    this.serializer = serializer;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    if (record.value() == null) {
      deadLetter(record, DeadLetterCode.NULL_VALUE, "the intake record has no value");
      return;
    }
    final SpecificRecord value;
    try {
      value = recordJson.fromTree(tree(record.value()), kind.recordClass());
    } catch (RecordJsonException e) {
      deadLetter(
          record,
          DeadLetterCode.UNDECODABLE,
          "not a valid " + kind.name() + " record: " + e.getMessage());
      return;
    }
    final String key = kind.key(value);
    if (record.key() == null || record.key().isBlank()) {
      deadLetter(
          record,
          DeadLetterCode.MISSING_KEY,
          "the outbox row has no aggregateid; expected '" + key + "'");
      return;
    }
    if (!record.key().equals(key)) {
      deadLetter(
          record,
          DeadLetterCode.INVALID_RECORD,
          "aggregateid '" + record.key() + "' differs from the record's key '" + key + "'");
      return;
    }
    final Instant eventTime = kind.eventTime(value);
    if (eventTime.toEpochMilli() < 0 || eventTime.isAfter(clock.instant().plus(MAX_FUTURE))) {
      deadLetter(
          record,
          DeadLetterCode.INVALID_RECORD,
          "event time "
              + eventTime
              + " is before 1970 or more than "
              + MAX_FUTURE.toMinutes()
              + " minutes ahead");
      return;
    }
    // Kafka timestamp = event time, as the contract requires; headers from the outbox are kept.
    context.forward(
        new Record<>(
            key,
            serializer.serialize(contractTopic, value),
            eventTime.toEpochMilli(),
            record.headers()),
        contractSink);
  }

  // The outbox router writes the payload as JSON; a payload stored as text arrives as a JSON
  // string.
  private static JsonNode tree(byte[] value) {
    try {
      final JsonNode node = JSON.readTree(value);
      if (node != null && node.isTextual()) {
        return JSON.readTree(node.textValue());
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new RecordJsonException(null, "not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new RecordJsonException(null, "not readable JSON: " + e.getMessage(), e);
    }
  }

  private void deadLetter(Record<String, byte[]> record, DeadLetterCode code, String message) {
    final RecordMetadata source = context.recordMetadata().orElseThrow();
    final DeadLetter letter =
        new DeadLetter(
            record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
            record.value(),
            code,
            message,
            source.topic(),
            source.partition(),
            source.offset());
    context.forward(
        new Record<>(record.key(), letter.value(), record.timestamp(), letter.headers()),
        deadLetterSink);
  }
}
