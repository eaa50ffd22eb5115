package cn.gxq.subsidy.whatif;

import cn.gxq.subsidy.avro.internal.Arrival;
import cn.gxq.subsidy.avro.internal.ArrivalStep;
import cn.gxq.subsidy.topology.ArrivalJournal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands before a replay's router or ledger and hands it its records in the order live met them,
 * through an {@link OrderBuffer} per lane: the router's lane is its task (the registration numbers
 * of a series are counted per task), the ledger's each bucket. A bucket's state depends only on the
 * commands it meets, so the ledger keeps each bucket's order and no more: a bucket waiting for a
 * hand-over, which comes through the broker a commit later, holds up no other bucket.
 *
 * <p>What it holds lives in memory only. A replay runs as one instance that starts clean; should a
 * task start twice all the same, {@link LiveOrder#start} fails the replay rather than lose records.
 */
final class OrderGate<V, KO, VO> implements Processor<String, V, KO, VO> {

  private static final Logger LOG = LoggerFactory.getLogger(OrderGate.class);
  private static final Duration CHECK = Duration.ofMillis(500);

  private final LiveOrder order;
  private final ArrivalStep step;
  private final Processor<String, V, KO, VO> inner;
  private final Function<Record<String, V>, Arrival> describe;
  private final AtomicLong heldCount;
  private final Map<String, OrderBuffer<Record<String, V>>> buffers = new HashMap<>();
  private int partition;
  private int skipRound;

  OrderGate(
      LiveOrder order,
      ArrivalStep step,
      Processor<String, V, KO, VO> inner,
      Function<Record<String, V>, Arrival> describe) {
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
    context.schedule(CHECK, PunctuationType.WALL_CLOCK_TIME, now -> check());
  }

  @Override
  public void process(Record<String, V> record) {
    final Arrival arrival = describe.apply(record);
    if (order.passes(arrival)) {
      inner.process(record);
      return;
    }
    final String lane = step == ArrivalStep.ROUTER ? Integer.toString(partition) : record.key();
    final OrderBuffer<Record<String, V>> buffer = buffer(lane);
    final int before = buffer.held();
    takeMetElsewhere(lane, buffer);
    final String identity = ArrivalJournal.identity(arrival);
    if (buffer.names(identity)) {
      buffer.offer(identity, record, inner::process);
    } else {
      pastTheOrder(lane, arrival, identity, record);
    }
    heldCount.addAndGet(buffer.held() - before);
  }

  private OrderBuffer<Record<String, V>> buffer(String lane) {
    return buffers.computeIfAbsent(lane, l -> new OrderBuffer<>(order.start(step, l)));
  }

  /** A record the journal does not name for this lane. */
  private void pastTheOrder(
      String lane, Arrival arrival, String identity, Record<String, V> record) {
    final String metOn = order.metOn(step, identity);
    if (metOn != null && !metOn.equals(lane)) {
      // Live met it in another bucket: the replay judged it against a registry corrected since,
      // and its bucket is another. Its place here is unknown; it goes on at once.
      order.metElsewhere(step, metOn, identity);
      inner.process(record);
    } else if (order.routedLive(arrival)) {
      // Live routed this revision, and the replay makes another ledger command of it (a hand-over
      // where live had none, for the same reason): it goes on at once.
      inner.process(record);
    } else {
      order.notMetLive(); // live had not met it when the what-if began: beyond the cut
    }
  }

  /** The order of a lane goes on without what the replay met in other lanes instead. */
  private void takeMetElsewhere(String lane, OrderBuffer<Record<String, V>> buffer) {
    final Queue<String> gone = order.metElsewhereThan(step, lane);
    String identity;
    while ((identity = gone.poll()) != null) {
      buffer.gone(identity, inner::process);
    }
  }

  private void check() {
    for (Map.Entry<String, OrderBuffer<Record<String, V>>> e : buffers.entrySet()) {
      final int before = e.getValue().held();
      takeMetElsewhere(e.getKey(), e.getValue());
      heldCount.addAndGet(e.getValue().held() - before);
    }
    skipIfAsked();
  }

  /** When the replay has stalled at this step: goes on without the records that never came. */
  private void skipIfAsked() {
    final int round = order.skipRoundFor(step);
    if (round == 0 || round == skipRound) {
      return;
    }
    skipRound = round;
    int skipped = 0;
    for (OrderBuffer<Record<String, V>> buffer : buffers.values()) {
      final int before = buffer.held();
      skipped += buffer.skipMissing(inner::process);
      heldCount.addAndGet(buffer.held() - before);
    }
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
