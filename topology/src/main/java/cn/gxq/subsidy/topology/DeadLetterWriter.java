package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.contract.DeadLetter;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Turns a dead letter into the contract's record: input key and input bytes, both exactly as read,
 * and the reason headers.
 */
final class DeadLetterWriter<T> implements Processor<String, Routed<T>, byte[], byte[]> {

  private final PipelineObserver observer;
  private ProcessorContext<byte[], byte[]> context;

  DeadLetterWriter(PipelineObserver observer) {
    this.observer = observer;
  }

  @Override
  public void init(ProcessorContext<byte[], byte[]> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Routed<T>> record) {
    final DeadLetter letter = record.value().deadLetter();
    observer.deadLettered(letter.code(), letter.sourceTopic());
    context.forward(
        new Record<>(letter.key(), letter.value(), record.timestamp(), letter.headers()));
  }
}
