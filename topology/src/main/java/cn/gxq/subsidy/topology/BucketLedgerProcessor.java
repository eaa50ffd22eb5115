package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.ledger.BudgetLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The stream side of the {@link BudgetLedger}: one per task, over the stores of the buckets its
 * partition owns. It feeds commands in and forwards what comes out: decisions, hand-overs to other
 * buckets, and (at most once per interval) the totals of buckets that changed.
 */
final class BucketLedgerProcessor
    implements Processor<String, LedgerCommand, String, LedgerOutput> {

  private final Duration totalsInterval;
  private final PipelineObserver observer;
  private ProcessorContext<String, LedgerOutput> context;
  private KeyValueStore<String, BucketState> buckets;
  private BudgetLedger ledger;
  private final Set<BucketKey> changed = new LinkedHashSet<>();

  BucketLedgerProcessor(Duration totalsInterval, PipelineObserver observer) {
    this.totalsInterval = totalsInterval;
    this.observer = observer;
  }

  @Override
  public void init(ProcessorContext<String, LedgerOutput> context) {
    this.context = context;
    buckets = context.getStateStore(LedgerStores.BUCKETS);
    ledger =
        new BudgetLedger(
            new StoreLedgerBook(
                context.getStateStore(LedgerStores.HOLDINGS),
                buckets,
                context.getStateStore(LedgerStores.LINE),
                context.getStateStore(LedgerStores.PARKED)));
    // Which buckets changed is not stored: a task that starts (or restarts after a crash) simply
    // publishes the totals of every bucket it owns once.
    changed.clear();
    try (KeyValueIterator<String, BucketState> it = buckets.all()) {
      it.forEachRemaining(kv -> changed.add(BucketKey.parse(kv.key)));
    }
    // Wall-clock, so a quiet stream still publishes its last totals within one interval.
    context.schedule(totalsInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitTotals());
  }

  @Override
  public void process(Record<String, LedgerCommand> record) {
    final BudgetLedger.Effects effects =
        ledger.handle(
            BucketKey.parse(record.key()),
            record.value(),
            Instant.ofEpochMilli(record.timestamp()));
    for (Decision decision : effects.decisions()) {
      observer.decided(decision);
      context.forward(
          new Record<>(
              decision.getApplicationId(),
              LedgerOutput.of(decision),
              decision.getDecidedAt().toEpochMilli()));
    }
    for (BudgetLedger.Routed handover : effects.handovers()) {
      context.forward(
          record
              .withKey(handover.bucket().toString())
              .withValue(LedgerOutput.of(handover.command())));
    }
    changed.addAll(effects.changedBuckets());
  }

  private void emitTotals() {
    for (BucketKey bucket : changed) {
      final BucketState state = buckets.get(bucket.toString());
      if (state == null) {
        continue;
      }
      final Totals totals = state.getTotals();
      observer.totalsPublished(totals);
      context.forward(
          new Record<>(
              bucket.toString(), LedgerOutput.of(totals), totals.getUpdatedAt().toEpochMilli()));
    }
    changed.clear();
  }
}
