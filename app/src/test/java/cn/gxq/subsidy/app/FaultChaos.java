package cn.gxq.subsidy.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * The seeded fault schedule: instance kills (SIGKILL, a short pause, restart on the same directory)
 * and broker restarts (SIGTERM or SIGKILL, then the same directory and ports) at random moments of
 * the feed. Faults run one after the other, so a kill never lands while the broker is down; one
 * that falls due during an earlier fault follows it at once.
 */
final class FaultChaos {

  private record Fault(long atMillis, boolean broker) {}

  private final List<Fault> schedule = new ArrayList<>();
  private final Random random;
  private final Consumer<String> log;
  private int kills;
  private int brokerRestarts;

  FaultChaos(FaultPlan plan, Consumer<String> log) {
    this.random = new Random(plan.seed());
    this.log = log;
    final long span = plan.feedDuration().toMillis();
    for (int i = 0; i < plan.kills(); i++) {
      schedule.add(new Fault(at(span), false));
    }
    for (int i = 0; i < plan.brokerRestarts(); i++) {
      schedule.add(new Fault(at(span), true));
    }
    schedule.sort(Comparator.comparingLong(Fault::atMillis));
  }

  /** Somewhere between 5% and 90% of the feed: faults hit a busy pipeline, not an idle one. */
  private long at(long span) {
    return (long) (span * (0.05 + 0.85 * random.nextDouble()));
  }

  /** Runs the schedule against the cluster, counting from {@code startNanos}. */
  void run(long startNanos, FaultBroker broker, List<FaultAppNode> nodes)
      throws InterruptedException {
    for (Fault fault : schedule) {
      final long wait = fault.atMillis() - (System.nanoTime() - startNanos) / 1_000_000;
      if (wait > 0) {
        Thread.sleep(wait); // the schedule itself: nothing to wait for but the clock
      }
      if (fault.broker()) {
        final boolean hard = random.nextBoolean();
        final long t0 = System.nanoTime();
        broker.restart(hard);
        brokerRestarts++;
        log.accept(
            String.format(
                "t=%ds broker restarted (%s) in %d ms",
                elapsed(startNanos),
                hard ? "SIGKILL" : "SIGTERM",
                (System.nanoTime() - t0) / 1_000_000));
      } else {
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
    }
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
}
