package cn.gxq.subsidy.app;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsOptions;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Watches a what-if replay from outside, through its consumer group's committed offsets.
 *
 * <p>Under exactly-once a task commits its input offsets in the same transaction as everything the
 * input produced. So once the committed offsets reach the snapshot's end on every input partition,
 * every replayed record has left intake; once they also reach the end of every topic the replay
 * itself writes and reads back (its two repartition topics, the totals' repartition, the hand-overs
 * and its decisions table), nothing is in flight between the hops. That must hold at two polls in a
 * row with the same ends, since the ledger feeds its own hand-over topic.
 */
final class ReplayWatch {

  /** How far a replay is. */
  record Status(long replayed, long total, boolean done) {}

  private final Admin admin;
  private final String groupId;
  private final InputSnapshot snapshot;
  private final Set<String> ownTopics;
  private Map<TopicPartition, Long> lastOwnEnds;

  ReplayWatch(Admin admin, String groupId, InputSnapshot snapshot, Set<String> ownTopics) {
    this.admin = admin;
    this.groupId = groupId;
    this.snapshot = snapshot;
    this.ownTopics = ownTopics;
  }

  Status poll() throws InterruptedException, ExecutionException {
    final Map<TopicPartition, Long> committed = committed();
    final long replayed = snapshot.below(committed);
    final long total = snapshot.size();
    if (!snapshot.reachedBy(committed)) {
      lastOwnEnds = null;
      return new Status(replayed, total, false);
    }
    final Map<TopicPartition, Long> ownEnds = ownEnds();
    final boolean drained =
        ownEnds != null
            && ownEnds.entrySet().stream()
                .allMatch(
                    e ->
                        e.getValue() == 0
                            || committed.getOrDefault(e.getKey(), -1L) >= e.getValue());
    final boolean done = drained && ownEnds.equals(lastOwnEnds);
    lastOwnEnds = drained ? ownEnds : null;
    return new Status(replayed, total, done);
  }

  private Map<TopicPartition, Long> committed() throws InterruptedException, ExecutionException {
    // requireStable: offsets of a transaction still open are not reported as committed.
    final Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(
                Map.of(groupId, new ListConsumerGroupOffsetsSpec()),
                new ListConsumerGroupOffsetsOptions().requireStable(true))
            .partitionsToOffsetAndMetadata(groupId)
            .get();
    final Map<TopicPartition, Long> out = new HashMap<>();
    offsets.forEach(
        (tp, offset) -> {
          if (offset != null) {
            out.put(tp, offset.offset());
          }
        });
    return out;
  }

  /** The committed (stable) end of every partition of the replay's own topics; null if missing. */
  private Map<TopicPartition, Long> ownEnds() throws InterruptedException, ExecutionException {
    final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    try {
      admin
          .describeTopics(ownTopics)
          .allTopicNames()
          .get()
          .forEach(
              (name, d) ->
                  d.partitions()
                      .forEach(
                          p ->
                              latest.put(
                                  new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof UnknownTopicOrPartitionException) {
        return null; // Kafka Streams has not created its internal topics yet
      }
      throw e;
    }
    final Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
        .all()
        .get()
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    return ends;
  }
}
