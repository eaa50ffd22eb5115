package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.ledger.BudgetLedger;
import cn.gxq.subsidy.ledger.TotalsSum;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sums a programme's zone buckets into {@code ALL:PROGRAMME:YEAR}. Zone totals arrive keyed by
 * their ALL bucket, each a whole snapshot in the order its bucket published them; the sum moves by
 * the difference to the zone's previous snapshot, so it is exact whatever the zones' interleaving.
 * Zone totals are already published at most once per interval, so each one is passed on at once.
 */
final class AllTotals implements Processor<String, Totals, String, Totals> {

  private static final Logger LOG = LoggerFactory.getLogger(AllTotals.class);

  private final PipelineObserver observer;
  private ProcessorContext<String, Totals> context;
  private KeyValueStore<String, Totals> zones;
  private KeyValueStore<String, Totals> sums;

  AllTotals(PipelineObserver observer) {
    this.observer = observer;
  }

  @Override
  public void init(ProcessorContext<String, Totals> context) {
    this.context = context;
    zones = context.getStateStore(LedgerStores.ZONE_TOTALS);
    sums = context.getStateStore(LedgerStores.ALL_TOTALS);
  }

  @Override
  public void process(Record<String, Totals> record) {
    final Totals zone = record.value();
    final String zoneKey =
        new BucketKey(zone.getZone(), zone.getProgramme(), zone.getYear()).toString();
    final Totals before = zones.get(zoneKey);
    final Totals was = sums.get(record.key());
    final Totals sum =
        was != null
            ? Totals.newBuilder(was).build()
            : BudgetLedger.emptyTotals(BucketKey.parse(record.key()));
    TotalsSum.move(sum, before, zone);
    if (!TotalsSum.fits(sum)) {
      // Not reachable below 1,000 zones (see BucketLimits). Beyond, this zone's snapshot is left
      // out: the sum keeps its previous snapshot of the zone and stays the exact sum of what it
      // counts, and a later snapshot that fits again is counted by its difference as always.
      LOG.error(
          "{} left out of {}: the sum would exceed the decimal(18,2) of the totals record"
              + " (approved {}, budget {}, remaining {})",
          zoneKey,
          record.key(),
          sum.getApprovedAmount(),
          sum.getBudget(),
          sum.getBudgetRemaining());
      return;
    }
    zones.put(zoneKey, zone);
    sums.put(record.key(), sum);
    observer.totalsPublished(sum);
    context.forward(record.withValue(sum).withTimestamp(sum.getUpdatedAt().toEpochMilli()));
  }
}
