package cn.gxq.subsidy.app.metrics;

import cn.gxq.subsidy.app.streams.LocalStores;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.topology.LedgerStores;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * {@code subsidy_budget_remaining_yuan} and {@code subsidy_budget_allotted_yuan} per {@code
 * zone,programme,year}, for the budgeted buckets whose partitions this instance holds now. Read
 * from the local stores every few seconds and rewritten whole, so a bucket whose partition moves to
 * another instance leaves this one's gauges and appears on the other's.
 */
public final class BudgetGauges implements AutoCloseable {

  public static final long REFRESH_SECONDS = 5;

  private final KafkaStreams streams;
  private final MultiGauge remaining;
  private final MultiGauge allotted;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            final Thread t = new Thread(r, "budget-gauges");
            t.setDaemon(true);
            return t;
          });

  public BudgetGauges(KafkaStreams streams, MeterRegistry registry) {
    this.streams = streams;
    this.remaining =
        MultiGauge.builder("subsidy.budget.remaining")
            .description("Budget not yet approved, of the buckets this instance holds")
            .baseUnit("yuan")
            .register(registry);
    this.allotted =
        MultiGauge.builder("subsidy.budget.allotted")
            .description("Budget allotted, of the buckets this instance holds")
            .baseUnit("yuan")
            .register(registry);
  }

  public BudgetGauges start() {
    timer.scheduleWithFixedDelay(this::refresh, 0, REFRESH_SECONDS, TimeUnit.SECONDS);
    return this;
  }

  /** Rewrites both gauges from the local stores; keeps the last rows while they cannot be read. */
  void refresh() {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return;
    }
    try {
      final List<Totals> budgeted = new ArrayList<>();
      LocalStores.<BucketState>values(streams, LedgerStores.BUCKETS)
          .forEach(s -> add(budgeted, s.getTotals()));
      LocalStores.<Totals>values(streams, LedgerStores.ALL_TOTALS).forEach(t -> add(budgeted, t));
      remaining.register(rows(budgeted, Totals::getBudgetRemaining), true);
      allotted.register(rows(budgeted, Totals::getBudget), true);
    } catch (InvalidStateStoreException e) {
      // a rebalance is moving partitions: the next refresh sees where they went
    } catch (RuntimeException e) {
      // metrics must never stop the application
    }
  }

  private static void add(List<Totals> budgeted, Totals totals) {
    if (totals.getBudget() != null) {
      budgeted.add(totals);
    }
  }

  private static List<MultiGauge.Row<?>> rows(
      List<Totals> budgeted, Function<Totals, BigDecimal> figure) {
    final List<MultiGauge.Row<?>> rows = new ArrayList<>();
    for (Totals t : budgeted) {
      rows.add(
          MultiGauge.Row.of(
              Tags.of(
                  "zone", t.getZone(),
                  "programme", t.getProgramme().name(),
                  "year", Integer.toString(t.getYear())),
              figure.apply(t).doubleValue()));
    }
    return rows;
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
