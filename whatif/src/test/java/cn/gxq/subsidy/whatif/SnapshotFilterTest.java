package cn.gxq.subsidy.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.junit.jupiter.api.Test;

class SnapshotFilterTest {

  private static final String RENT = "subsidy.applications.rent-relief.v1";

  private final InputSnapshot snapshot =
      new InputSnapshot(
          Map.of(new TopicPartition(RENT, 0), 2L, new TopicPartition(RENT, 1), 0L),
          Map.of(new TopicPartition(RENT, 0), 5L, new TopicPartition(RENT, 1), 0L));

  @Test
  void admitsRecordsBelowTheirPartitionsEndOnlyAndEverythingElse() {
    final SnapshotFilter filter = new SnapshotFilter();
    filter.configure(Map.of(SnapshotFilter.SNAPSHOT_CONFIG, snapshot.encode()));

    assertThat(filter.admits(at(RENT, 0, 4))).isTrue();
    assertThat(filter.admits(at(RENT, 0, 5))).isFalse();
    assertThat(filter.admits(at(RENT, 1, 0))).isFalse(); // empty at the snapshot
    assertThat(filter.admits(at(RENT, 2, 0))).isFalse(); // a partition added since
    assertThat(filter.admits(at("whatif.x-ledger-by-bucket-repartition", 0, 99))).isTrue();
    assertThat(filter.admits(Optional.empty())).isTrue(); // a punctuation
  }

  @Test
  void countsWhatLiesBelowCommittedPositions() {
    assertThat(snapshot.size()).isEqualTo(3);
    assertThat(snapshot.below(Map.of())).isZero();
    assertThat(snapshot.below(Map.of(new TopicPartition(RENT, 0), 4L))).isEqualTo(2);
    assertThat(snapshot.reachedBy(Map.of(new TopicPartition(RENT, 0), 4L))).isFalse();
    assertThat(snapshot.reachedBy(Map.of(new TopicPartition(RENT, 0), 7L))).isTrue();
  }

  private static Optional<RecordMetadata> at(String topic, int partition, long offset) {
    return Optional.of(
        new RecordMetadata() {
          @Override
          public String topic() {
            return topic;
          }

          @Override
          public int partition() {
            return partition;
          }

          @Override
          public long offset() {
            return offset;
          }
        });
  }
}
