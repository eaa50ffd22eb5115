package cn.gxq.subsidy.app;

import java.time.Duration;

/**
 * How hard a fault run pushes: how many applications, how many instance kills and broker restarts,
 * how fast the feeder publishes, and the seed of every random choice.
 */
record FaultPlan(
    int applications,
    int kills,
    int brokerRestarts,
    double perSecond,
    long seed,
    Duration timeout) {

  /** About 20,000 applications, 3 kills, 1 broker restart: a few minutes, run by JUnit. */
  static FaultPlan bounded() {
    return new FaultPlan(20_000, 3, 1, 250, 20_26L, Duration.ofMinutes(8));
  }

  /** 200,000 applications, 10 kills, 2 broker restarts: run by hand (docs/resilience.md). */
  static FaultPlan full() {
    return new FaultPlan(200_000, 10, 2, 400, 20_26L, Duration.ofMinutes(60));
  }

  /**
   * The bounded plan, with any of {@code fault.applications}, {@code fault.kills}, … overridden.
   */
  static FaultPlan fromSystemProperties(FaultPlan base) {
    return new FaultPlan(
        Integer.getInteger("fault.applications", base.applications()),
        Integer.getInteger("fault.kills", base.kills()),
        Integer.getInteger("fault.brokerRestarts", base.brokerRestarts()),
        Double.parseDouble(System.getProperty("fault.rate", Double.toString(base.perSecond()))),
        Long.getLong("fault.seed", base.seed()),
        Duration.ofMinutes(Long.getLong("fault.timeoutMinutes", base.timeout().toMinutes())));
  }

  /** How long the feeder takes for the applications at its pace. */
  Duration feedDuration() {
    return Duration.ofMillis((long) (applications / perSecond * 1000));
  }
}
