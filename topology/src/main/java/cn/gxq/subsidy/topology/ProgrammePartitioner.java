package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Programme;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Places each programme's decision ledger on its own partition where there are enough: hashing
 * three keys would put two or three of them on one partition and leave the others idle. Whoever
 * asks where a programme's ledger lives (the HTTP API) must ask with this partitioner too.
 */
public final class ProgrammePartitioner<V> implements StreamPartitioner<String, V> {

  @Override
  public Optional<Set<Integer>> partitions(String topic, String key, V value, int numPartitions) {
    return Optional.of(Set.of(partition(Programme.valueOf(key), numPartitions)));
  }

  static int partition(Programme programme, int numPartitions) {
    return programme.ordinal() % numPartitions;
  }
}
