package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.contract.DeadLetterCode;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.serde.WireFormatException;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For the sources Kafka Streams decodes itself (the registry table): an undecodable record goes to
 * the dead-letter topic with the contract's headers, and processing goes on.
 */
public final class DeadLetterDeserializationHandler implements DeserializationExceptionHandler {

  /** Streams configuration key naming the dead-letter topic. */
  public static final String DEAD_LETTER_TOPIC = "subsidy.deadletter.topic";

  private static final Logger LOG = LoggerFactory.getLogger(DeadLetterDeserializationHandler.class);
  private String topic = Topics.defaults().deadLetter();

  @Override
  public void configure(Map<String, ?> configs) {
    final Object configured = configs.get(DEAD_LETTER_TOPIC);
    if (configured != null) {
      topic = configured.toString();
    }
  }

  @Override
  public Response handleError(
      ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
    final DeadLetterCode code =
        exception instanceof WireFormatException e
            ? DeadLetterCode.valueOf(e.code().name())
            : DeadLetterCode.UNDECODABLE;
    final DeadLetter letter =
        new DeadLetter(
            null,
            record.value(),
            code,
            String.valueOf(exception.getMessage()),
            record.topic(),
            record.partition(),
            record.offset());
    LOG.warn(
        "Dead-lettering {}-{}@{}: {} {}",
        record.topic(),
        record.partition(),
        record.offset(),
        code,
        letter.message());
    return Response.resume(
        List.of(
            new ProducerRecord<>(
                topic, null, record.timestamp(), record.key(), record.value(), letter.headers())));
  }
}
