package cn.gxq.subsidy.app;

import cn.gxq.subsidy.avro.internal.Arrival;
import cn.gxq.subsidy.avro.internal.ArrivalStep;
import cn.gxq.subsidy.topology.ArrivalJournal;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands before a replay's router or ledger and hands it its task's records in the order live's
 * task met them, through an {@link OrderBuffer} over the task's part of the arrival journal.
 *
 * <p>What it holds lives in memory only. A replay runs as one instance that starts clean; should a
 * task start twice all the same, {@link LiveOrder#start} fails the replay rather than lose records.
 */
final class OrderGate<K, V, KO, VO> implements Processor<K, V, KO, VO> {

  private static final Logger LOG = LoggerFactory.getLogger(OrderGate.class);
  private static final Duration CHECK = Duration.ofMillis(500);

  private final LiveOrder order;
  private final ArrivalStep step;
  private final Processor<K, V, KO, VO> inner;
  private final Function<Record<K, V>, Arrival> describe;
  private final AtomicLong heldCount;
  private OrderBuffer<Record<K, V>> buffer;
  private int partition;
  private int skipRound;

  OrderGate(
      LiveOrder order,
      ArrivalStep step,
      Processor<K, V, KO, VO> inner,
      Function<Record<K, V>, Arrival> describe) {
    this.order = order;
    this.step = step;
    this.inner = inner;
    this.describe = describe;
    this.heldCount = order.heldAt(step);
  }

  @Override
  public void init(ProcessorContext<KO, VO> context) {
    inner.init(context);
    partition = context.taskId().partition();
    buffer = new OrderBuffer<>(order.start(step, partition));
    context.schedule(CHECK, PunctuationType.WALL_CLOCK_TIME, now -> skipIfAsked());
  }

  @Override
  public void process(Record<K, V> record) {
    final Arrival arrival = describe.apply(record);
    if (order.passes(arrival)) {
      inner.process(record);
      return;
    }
    final int before = buffer.held();
    buffer.offer(ArrivalJournal.identity(arrival), record, inner::process);
    heldCount.addAndGet(buffer.held() - before);
  }

  /** When the replay has stalled at this step: goes on without the records that never came. */
  private void skipIfAsked() {
    final int round = order.skipRoundFor(step);
    if (round == 0 || round == skipRound) {
      return;
    }
    skipRound = round;
    final int before = buffer.held();
    final int skipped = buffer.skipMissing(inner::process);
    heldCount.addAndGet(buffer.held() - before);
    order.skipped(skipped);
    if (skipped > 0) {
      LOG.warn(
          "{} records live's {} of partition {} met never came in the replay; went on without them",
          skipped,
          step.name().toLowerCase(Locale.ROOT),
          partition);
    }
  }

  @Override
  public void close() {
    inner.close();
  }
}
