package cn.gxq.subsidy.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;

/**
 * The seeded fault schedule: instance kills (SIGKILL, a short pause, restart on the same
 * directory), broker restarts (SIGTERM or SIGKILL of a random node, then the same directory and
 * ports) and leader kills (SIGKILL of the node leading the busiest partitions, a short pause,
 * restart, and a wait until every replica is back in sync) at random moments of the feed. Faults
 * run one after the other, so a kill never lands while a broker is down; one that falls due during
 * an earlier fault follows it at once.
 */
final class FaultChaos {

  private enum Kind {
    INSTANCE,
    BROKER,
    LEADER
  }

  private record Fault(long atMillis, Kind kind) {}

  /** A leader kill: when it struck (nanoTime), when the next fault began, and what it hit. */
  record LeaderKill(long atNanos, long windowEndNanos, String node, long rejoinMillis) {}

  /** How long a restarted leader's cluster may take to commit decisions on every partition. */
  private static final Duration STALL_WINDOW = Duration.ofSeconds(90);

  /**
   * How long a leader kill waits for decisions to flow before it strikes anyway (the feed must not
   * end meanwhile).
   */
  private static final Duration FLOWING_WAIT = Duration.ofSeconds(30);

  private final List<Fault> schedule = new ArrayList<>();
  private final Random random;
  private final Consumer<String> log;
  private final List<LeaderKill> leaderKills = new ArrayList<>();
  private int kills;
  private int brokerRestarts;

  FaultChaos(FaultPlan plan, Consumer<String> log) {
    this.random = new Random(plan.seed());
    this.log = log;
    final long span = plan.feedDuration().toMillis();
    for (int i = 0; i < plan.kills(); i++) {
      schedule.add(new Fault(at(span), Kind.INSTANCE));
    }
    for (int i = 0; i < plan.brokerRestarts(); i++) {
      schedule.add(new Fault(at(span), Kind.BROKER));
    }
    for (int i = 0; i < plan.leaderKills(); i++) {
      schedule.add(new Fault(at(span), Kind.LEADER));
    }
    schedule.sort(Comparator.comparingLong(Fault::atMillis));
  }

  /** Somewhere between 5% and 90% of the feed: faults hit a busy pipeline, not an idle one. */
  private long at(long span) {
    return (long) (span * (0.05 + 0.85 * random.nextDouble()));
  }

  /** Runs the schedule against the cluster, counting from {@code startNanos}. */
  void run(
      long startNanos,
      FaultCluster cluster,
      Admin admin,
      FaultProgress progress,
      List<FaultAppNode> nodes)
      throws Exception {
    LeaderKill open = null;
    for (Fault fault : schedule) {
      final long wait = fault.atMillis() - (System.nanoTime() - startNanos) / 1_000_000;
      if (wait > 0) {
        Thread.sleep(wait); // the schedule itself: nothing to wait for but the clock
      }
      if (open != null) {
        closeWindow(open, System.nanoTime());
        open = null;
      }
      switch (fault.kind()) {
        case BROKER -> restartBroker(startNanos, cluster);
        case INSTANCE -> killInstance(startNanos, nodes);
        case LEADER -> open = killLeader(startNanos, cluster, admin, progress);
      }
    }
    if (open != null) {
      closeWindow(open, Long.MAX_VALUE);
    }
  }

  private void closeWindow(LeaderKill kill, long nextFaultNanos) {
    final long end = Math.min(nextFaultNanos, kill.atNanos() + Duration.ofMinutes(5).toNanos());
    leaderKills.add(new LeaderKill(kill.atNanos(), end, kill.node(), kill.rejoinMillis()));
  }

  private void restartBroker(long startNanos, FaultCluster cluster) throws InterruptedException {
    final boolean hard = random.nextBoolean();
    // One broker: no draw, so the single-broker plans keep the schedule they always had.
    final FaultBroker node =
        cluster.size() == 1
            ? cluster.nodes().get(0)
            : cluster.nodes().get(random.nextInt(cluster.size()));
    final long t0 = System.nanoTime();
    node.restart(hard);
    brokerRestarts++;
    log.accept(
        String.format(
            "t=%ds %s restarted (%s) in %d ms",
            elapsed(startNanos),
            node.name(),
            hard ? "SIGKILL" : "SIGTERM",
            (System.nanoTime() - t0) / 1_000_000));
  }

  private void killInstance(long startNanos, List<FaultAppNode> nodes) throws InterruptedException {
    final FaultAppNode node = nodes.get(random.nextInt(nodes.size()));
    node.kill();
    kills++;
    final long pause = random.nextInt(3000);
    log.accept(
        String.format(
            "t=%ds %s killed (SIGKILL), restart in %d ms",
            elapsed(startNanos), node.name(), pause));
    Thread.sleep(pause); // the outage itself
    node.start();
  }

  private LeaderKill killLeader(
      long startNanos, FaultCluster cluster, Admin admin, FaultProgress progress) throws Exception {
    // Strike a flowing pipeline, so that the stall measured is this kill's, not an earlier fault's
    // (a killed instance's partitions wait out the 45 s consumer session).
    if (!progress.awaitAllMovedAfter(System.nanoTime(), FLOWING_WAIT)) {
      log.accept(
          String.format("t=%ds decisions not flowing on every partition", elapsed(startNanos)));
    }
    final FaultCluster.Target target = cluster.busiestLeader(admin);
    final long t0 = System.nanoTime();
    target.broker().kill();
    final long pause = random.nextInt(3000);
    log.accept(
        String.format(
            "t=%ds %s killed (SIGKILL) as leader: %s; restart in %d ms",
            elapsed(startNanos), target.broker().name(), target.reason(), pause));
    Thread.sleep(pause); // the outage itself
    target.broker().start();
    final long started = System.nanoTime();
    // The next fault waits for a whole cluster: two nodes down at once is another test.
    final List<String> behind = FaultCluster.awaitInSync(admin, Duration.ofMinutes(3));
    final long rejoin = (System.nanoTime() - started) / 1_000_000;
    // The stall lasts until every partition commits decisions again: the next fault waits for it.
    final boolean resumed = progress.awaitAllMovedAfter(System.nanoTime(), STALL_WINDOW);
    log.accept(
        String.format(
            "t=%ds %s back in %d ms, every replica in sync %d ms later%s, decisions %s",
            elapsed(startNanos),
            target.broker().name(),
            (started - t0) / 1_000_000 - pause,
            rejoin,
            behind.isEmpty() ? "" : " (NOT: " + behind + ")",
            resumed ? "flowing on every partition" : "NOT flowing on every partition"));
    return new LeaderKill(t0, 0, target.broker().name(), rejoin);
  }

  private static long elapsed(long startNanos) {
    return Duration.ofNanos(System.nanoTime() - startNanos).toSeconds();
  }

  int kills() {
    return kills;
  }

  int brokerRestarts() {
    return brokerRestarts;
  }

  /** The leader kills done, each with its stall window. */
  List<LeaderKill> leaderKills() {
    return List.copyOf(leaderKills);
  }
}
