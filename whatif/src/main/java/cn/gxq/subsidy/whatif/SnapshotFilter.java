package cn.gxq.subsidy.whatif;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.ProcessorWrapper;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.processor.api.WrappedFixedKeyProcessorSupplier;
import org.apache.kafka.streams.processor.api.WrappedProcessorSupplier;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Keeps a what-if replay inside its snapshot: every processor of the unchanged decision topology is
 * wrapped, and a record read from a snapshot partition at or after that partition's end is dropped
 * before the first processor sees it. Kafka Streams offers no way to stop a source at an offset,
 * and pausing the consumer from outside would race with its fetches; the record's own metadata
 * (topic, partition, offset) decides exactly. Records of other topics (the registry, the replay's
 * own repartition and hand-over topics) and punctuations carry no snapshot partition and pass.
 *
 * <p>The same wrapper tells {@link TaskLives} when a task's processors start and first process, so
 * a replay that would go on without its state stops instead.
 *
 * <p>Kafka Streams' wrapper API has two kinds of processor, with and without a fixed key, so the
 * same filter is written for each.
 */
public final class SnapshotFilter implements ProcessorWrapper {

  /** The Streams config entry carrying {@link InputSnapshot#encode()}. */
  static final String SNAPSHOT_CONFIG = "subsidy.whatif.snapshot";

  private Map<String, long[]> ends = Map.of();
  private final TaskLives lives = new TaskLives();

  @Override
  public void configure(Map<String, ?> configs) {
    final Object snapshot = configs.get(SNAPSHOT_CONFIG);
    ends = snapshot == null ? Map.of() : InputSnapshot.decodeEnds(snapshot.toString());
  }

  boolean admits(Optional<RecordMetadata> metadata) {
    if (metadata.isEmpty()) {
      return true;
    }
    final long[] topicEnds = ends.get(metadata.get().topic());
    if (topicEnds == null) {
      return true;
    }
    final int partition = metadata.get().partition();
    return partition < topicEnds.length && metadata.get().offset() < topicEnds[partition];
  }

  @Override
  public <K, V, KO, VO> WrappedProcessorSupplier<K, V, KO, VO> wrapProcessorSupplier(
      String processorName, ProcessorSupplier<K, V, KO, VO> supplier) {
    return new WrappedProcessorSupplier<>() {
      @Override
      public Processor<K, V, KO, VO> get() {
        final Processor<K, V, KO, VO> inner = supplier.get();
        return new Processor<>() {
          private ProcessorContext<KO, VO> context;
          private boolean processed;

          @Override
          public void init(ProcessorContext<KO, VO> context) {
            this.context = context;
            lives.initialised(context.taskId());
            inner.init(context);
          }

          @Override
          public void process(Record<K, V> record) {
            if (!processed) {
              processed = true;
              lives.processes(context.taskId());
            }
            if (admits(context.recordMetadata())) {
              inner.process(record);
            }
          }

          @Override
          public void close() {
            inner.close();
          }
        };
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return supplier.stores();
      }
    };
  }

  @Override
  public <K, V, VO> WrappedFixedKeyProcessorSupplier<K, V, VO> wrapFixedKeyProcessorSupplier(
      String processorName, FixedKeyProcessorSupplier<K, V, VO> supplier) {
    return new WrappedFixedKeyProcessorSupplier<>() {
      @Override
      public FixedKeyProcessor<K, V, VO> get() {
        final FixedKeyProcessor<K, V, VO> inner = supplier.get();
        return new FixedKeyProcessor<>() {
          private FixedKeyProcessorContext<K, VO> context;
          private boolean processed;

          @Override
          public void init(FixedKeyProcessorContext<K, VO> context) {
            this.context = context;
            lives.initialised(context.taskId());
            inner.init(context);
          }

          @Override
          public void process(FixedKeyRecord<K, V> record) {
            if (!processed) {
              processed = true;
              lives.processes(context.taskId());
            }
            if (admits(context.recordMetadata())) {
              inner.process(record);
            }
          }

          @Override
          public void close() {
            inner.close();
          }
        };
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return supplier.stores();
      }
    };
  }
}
