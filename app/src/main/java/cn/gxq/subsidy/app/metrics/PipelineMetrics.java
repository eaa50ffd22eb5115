package cn.gxq.subsidy.app.metrics;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.contract.DeadLetterCode;
import cn.gxq.subsidy.topology.PipelineObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
public final class PipelineMetrics implements PipelineObserver {

  private static final double MINUTE = 60;
  private static final double HOUR = 3600;
  private static final double DAY = 86_400;

  /** Event time: 0 on submission, up to weeks for an application waiting on the waitlist. */
  static final double[] EVENT_LATENCY_BUCKETS = {
    0.001, 1, 10, MINUTE, 10 * MINUTE, HOUR, 6 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY
  };

  /** Wall clock: milliseconds when live, days for a backlog replayed; beyond 30 days only +Inf. */
  static final double[] PROCESSING_LATENCY_BUCKETS = {
    0.005,
    0.01,
    0.025,
    0.05,
    0.1,
    0.25,
    0.5,
    1,
    2.5,
    5,
    10,
    30,
    MINUTE,
    5 * MINUTE,
    HOUR,
    DAY,
    7 * DAY,
    30 * DAY
  };

  private final MeterRegistry registry;
  private final Clock clock;

  // Meters are resolved once per tag set: a registry lookup per decision (builder, tag sorting,
  // map lookup) costs more than the increment it leads to.
  private final Map<String, Counter> decisions = new ConcurrentHashMap<>();
  private final Map<String, DistributionSummary[]> latencies = new ConcurrentHashMap<>();
  private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

  public PipelineMetrics(MeterRegistry registry, Clock clock) {
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public void decided(Decision decision) {
    try {
      final String programme = decision.getProgramme().name();
      final String status = decision.getStatus().name();
      decisions
          .computeIfAbsent(
              programme + ":" + status,
              k ->
                  Counter.builder("subsidy.decisions")
                      .description("Decisions emitted, by programme and status")
                      .tag("programme", programme)
                      .tag("status", status)
                      .register(registry))
          .increment();
      final DistributionSummary[] latency =
          latencies.computeIfAbsent(
              programme, p -> new DistributionSummary[] {eventLatency(p), processingLatency(p)});
      latency[0].record(
          seconds(Duration.between(decision.getSubmittedAt(), decision.getDecidedAt())));
      latency[1].record(seconds(Duration.between(decision.getSubmittedAt(), clock.instant())));
    } catch (RuntimeException e) {
      // metrics must never stop the pipeline
    }
  }

  @Override
  public void deadLettered(DeadLetterCode code, String sourceTopic) {
    try {
      final String topic = sourceTopic == null ? "" : sourceTopic;
      deadLetters
          .computeIfAbsent(
              code.name() + " " + topic,
              k ->
                  Counter.builder("subsidy.dead.letters")
                      .description(
                          "Records sent to the dead-letter topic, by error code and source topic")
                      .tag("code", code.name())
                      .tag("topic", topic)
                      .register(registry))
          .increment();
    } catch (RuntimeException e) {
      // metrics must never stop the pipeline
    }
  }

  // Summaries in seconds, not Timers: a Timer sums nanoseconds in a long, which a few dozen
  // decisions on applications years old (the demo's) overflow into a negative _sum. The buckets
  // are set to what each measures instead of Micrometer's generated ones.
  private DistributionSummary eventLatency(String programme) {
    return DistributionSummary.builder("subsidy.decision.event.latency")
        .description("Event time from submission to decision (waitlist, late budgets)")
        .baseUnit("seconds")
        .tag("programme", programme)
        .serviceLevelObjectives(EVENT_LATENCY_BUCKETS)
        .register(registry);
  }

  private DistributionSummary processingLatency(String programme) {
    return DistributionSummary.builder("subsidy.decision.processing.latency")
        .description("Wall-clock time from submission to the decision being emitted")
        .baseUnit("seconds")
        .tag("programme", programme)
        .serviceLevelObjectives(PROCESSING_LATENCY_BUCKETS)
        .register(registry);
  }

  private static double seconds(Duration d) {
    return d.isNegative() ? 0 : d.toNanos() / 1e9;
  }
}
