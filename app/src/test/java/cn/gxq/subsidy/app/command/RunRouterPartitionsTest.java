package cn.gxq.subsidy.app.command;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.topology.TopologySettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What {@code run} tells the router about the partitions registration serials are dealt over. */
class RunRouterPartitionsTest {

  @Test
  void theRegistryTopicsPartitionCountUnlessTheOperatorSetOne() {
    assertThat(RunCommand.withRouterPartitions(Map.of("commit.interval.ms", "50"), 6))
        .containsEntry(TopologySettings.ROUTER_PARTITIONS_CONFIG, "6")
        .containsEntry("commit.interval.ms", "50");
    assertThat(
            RunCommand.withRouterPartitions(
                Map.of(TopologySettings.ROUTER_PARTITIONS_CONFIG, "12"), 6))
        .containsEntry(TopologySettings.ROUTER_PARTITIONS_CONFIG, "12");
  }
}
