package cn.gxq.subsidy.topology;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Programme;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProgrammePartitionerTest {

  private final ProgrammePartitioner<Object> partitioner = new ProgrammePartitioner<>();

  @Test
  void eachProgrammeGetsItsOwnPartitionWhenThereAreEnough() {
    for (int partitions : new int[] {3, 5, 12}) {
      final Set<Integer> used = new HashSet<>();
      for (Programme programme : Programme.values()) {
        used.addAll(partitioner.partitions("t", programme.name(), null, partitions).orElseThrow());
      }
      assertThat(used).as("%d partitions", partitions).hasSize(Programme.values().length);
    }
  }

  @Test
  void fewerPartitionsAreAllUsed() {
    final Set<Integer> used = new HashSet<>();
    for (Programme programme : Programme.values()) {
      used.addAll(partitioner.partitions("t", programme.name(), null, 2).orElseThrow());
    }
    assertThat(used).containsExactlyInAnyOrder(0, 1);
  }
}
