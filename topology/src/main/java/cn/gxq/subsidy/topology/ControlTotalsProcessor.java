package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.finance.ControlTotalsBook;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Sums the finance step's deltas into each bucket's day, and publishes the day's new totals. */
final class ControlTotalsProcessor
    implements Processor<String, ControlTotals, String, ControlTotals> {

  private ProcessorContext<String, ControlTotals> context;
  private KeyValueStore<String, ControlTotals> days;

  @Override
  public void init(ProcessorContext<String, ControlTotals> context) {
    this.context = context;
    this.days = context.getStateStore(LedgerStores.CONTROL_TOTALS);
  }

  @Override
  public void process(Record<String, ControlTotals> record) {
    final ControlTotals sum = ControlTotalsBook.plus(days.get(record.key()), record.value());
    days.put(record.key(), sum);
    context.forward(record.withValue(sum).withTimestamp(sum.getUpdatedAt().toEpochMilli()));
  }
}
