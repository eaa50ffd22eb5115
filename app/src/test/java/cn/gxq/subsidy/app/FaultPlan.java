package cn.gxq.subsidy.app;

import java.time.Duration;

/**
 * How hard a fault run pushes: how many applications, how many instance kills, broker restarts and
 * partition-leader kills, how fast the feeder publishes, the seed of every random choice, and the
 * cluster: how many brokers, the feeder's {@code acks} and the topics' {@code min.insync.replicas}.
 */
record FaultPlan(
    int applications,
    int kills,
    int brokerRestarts,
    double perSecond,
    long seed,
    Duration timeout,
    int brokers,
    int leaderKills,
    String acks,
    int minInsyncReplicas) {

  /** About 20,000 applications, 3 kills, 1 broker restart: a few minutes, run by JUnit. */
  static FaultPlan bounded() {
    return new FaultPlan(20_000, 3, 1, 250, 20_26L, Duration.ofMinutes(8), 1, 0, "all", 1);
  }

  /** 200,000 applications, 10 kills, 2 broker restarts: run by hand (docs/resilience.md). */
  static FaultPlan full() {
    return new FaultPlan(200_000, 10, 2, 400, 20_26L, Duration.ofMinutes(60), 1, 0, "all", 1);
  }

  /**
   * Three brokers, replication 3, min ISR 2, acks=all; 9,000 applications at a slow pace (a leader
   * kill with its restart and recovery takes up to a minute on a busy machine, and every fault
   * should hit a running feed), 1 instance kill and 3 leader kills: run by JUnit within the CI
   * budget.
   */
  static FaultPlan clusterBounded() {
    return new FaultPlan(9_000, 1, 0, 60, 20_26L, Duration.ofMinutes(8), 3, 3, "all", 2);
  }

  /** The cluster at full size: 200,000 applications, 6 instance kills, 5 leader kills. */
  static FaultPlan clusterFull() {
    return new FaultPlan(200_000, 6, 0, 400, 20_26L, Duration.ofMinutes(60), 3, 5, "all", 2);
  }

  /** The plan {@code fault.plan} names (bounded, full, cluster-bounded, cluster); full if none. */
  static FaultPlan named(String name) {
    return switch (name == null ? "full" : name) {
      case "bounded" -> bounded();
      case "full" -> full();
      case "cluster-bounded" -> clusterBounded();
      case "cluster" -> clusterFull();
      default -> throw new IllegalArgumentException("unknown fault.plan " + name);
    };
  }

  /** {@code base} with any of {@code fault.applications}, {@code fault.kills}, … overridden. */
  static FaultPlan fromSystemProperties(FaultPlan base) {
    return new FaultPlan(
        Integer.getInteger("fault.applications", base.applications()),
        Integer.getInteger("fault.kills", base.kills()),
        Integer.getInteger("fault.brokerRestarts", base.brokerRestarts()),
        Double.parseDouble(System.getProperty("fault.rate", Double.toString(base.perSecond()))),
        Long.getLong("fault.seed", base.seed()),
        Duration.ofMinutes(Long.getLong("fault.timeoutMinutes", base.timeout().toMinutes())),
        Integer.getInteger("fault.brokers", base.brokers()),
        Integer.getInteger("fault.leaderKills", base.leaderKills()),
        System.getProperty("fault.acks", base.acks()),
        Integer.getInteger("fault.minIsr", base.minInsyncReplicas()));
  }

  /** How long the feeder takes for the applications at its pace. */
  Duration feedDuration() {
    return Duration.ofMillis((long) (applications / perSecond * 1000));
  }
}
