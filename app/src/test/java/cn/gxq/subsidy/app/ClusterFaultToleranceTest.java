package cn.gxq.subsidy.app;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bounded fault run on a three-node KRaft cluster (replication 3, min.insync.replicas=2,
 * acks=all): besides instance kills, the node leading the busiest partitions is SIGKILLed and
 * restarted three times. On top of the exactly-once checks, every acknowledged send must be in the
 * log and no partition may be under-replicated at the end (docs/resilience.md). {@code
 * -Dfault.plan}-style overrides apply as for {@link FaultToleranceTest}.
 */
class ClusterFaultToleranceTest {

  @Test
  @Timeout(value = 75, unit = TimeUnit.MINUTES) // the full plan's ceiling
  void killedPartitionLeadersLoseNoAcknowledgedWriteAndNoDecision() throws Exception {
    FaultToleranceTest.runHarness("cluster-bounded");
  }
}
