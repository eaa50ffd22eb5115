package cn.gxq.subsidy.app;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.topology.DeadLetterCode;
import cn.gxq.subsidy.topology.PipelineObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;

/**
 * The pipeline's own meters, fed by the topology's {@link PipelineObserver} hook (the budget gauges
 * are {@link BudgetGauges}, read from the partitions this instance holds):
 *
 * <ul>
 *   <li>{@code subsidy_decisions_total{programme,status}}: decisions emitted;
 *   <li>{@code subsidy_dead_letters_total{code,topic}}: records sent to the dead-letter topic;
 *   <li>{@code subsidy_decision_event_latency_seconds{programme}}: submittedAt → decidedAt (event
 *       time: how long an application waited for its decision, e.g. on the waitlist);
 *   <li>{@code subsidy_decision_processing_latency_seconds{programme}}: submittedAt → emitted, by
 *       this instance's wall clock (the only wall-clock reading in the pipeline).
 * </ul>
 *
 * <p>Called on stream threads: every method is quick and never throws. Under exactly-once a retried
 * transaction may count a decision twice; the topics, not these meters, are the accounts.
 */
final class PipelineMetrics implements PipelineObserver {

  private final MeterRegistry registry;
  private final Clock clock;

  PipelineMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public void decided(Decision decision) {
    try {
      final String programme = decision.getProgramme().name();
      Counter.builder("subsidy.decisions")
          .description("Decisions emitted, by programme and status")
          .tag("programme", programme)
          .tag("status", decision.getStatus().name())
          .register(registry)
          .increment();
      eventLatency(programme)
          .record(
              nonNegative(Duration.between(decision.getSubmittedAt(), decision.getDecidedAt())));
      processingLatency(programme)
          .record(nonNegative(Duration.between(decision.getSubmittedAt(), clock.instant())));
    } catch (RuntimeException e) {
      // metrics must never stop the pipeline
    }
  }

  @Override
  public void deadLettered(DeadLetterCode code, String sourceTopic) {
    try {
      Counter.builder("subsidy.dead.letters")
          .description("Records sent to the dead-letter topic, by error code and source topic")
          .tag("code", code.name())
          .tag("topic", sourceTopic == null ? "" : sourceTopic)
          .register(registry)
          .increment();
    } catch (RuntimeException e) {
      // metrics must never stop the pipeline
    }
  }

  private Timer eventLatency(String programme) {
    return Timer.builder("subsidy.decision.event.latency")
        .description("Event time from submission to decision (waitlist, late budgets)")
        .tag("programme", programme)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofDays(365))
        .register(registry);
  }

  private Timer processingLatency(String programme) {
    return Timer.builder("subsidy.decision.processing.latency")
        .description("Wall-clock time from submission to the decision being emitted")
        .tag("programme", programme)
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofHours(1))
        .register(registry);
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
