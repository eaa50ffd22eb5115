package cn.gxq.subsidy.whatif;

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

  /**
   * How far a replay is: {@code read} of {@code total} snapshot records have left intake, {@code
   * inFlight} records (and transaction markers) wait in the replay's own topics between the hops.
   */
  record Status(long read, long total, long inFlight, boolean done) {

    /** About how many of the records read have been decided. */
    long decided() {
      return Math.max(0, read - inFlight);
    }
  }

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
    final Map<TopicPartition, Long> ownEnds = ownEnds();
    final long read = snapshot.below(committed);
    long inFlight = 0;
    if (ownEnds != null) {
      for (Map.Entry<TopicPartition, Long> e : ownEnds.entrySet()) {
        inFlight += Math.max(0, e.getValue() - committed.getOrDefault(e.getKey(), 0L));
      }
    }
    final boolean drained =
        ownEnds != null
            && snapshot.reachedBy(committed)
            && ownEnds.entrySet().stream()
                .allMatch(
                    e ->
                        e.getValue() == 0
                            || committed.getOrDefault(e.getKey(), -1L) >= e.getValue());
    final boolean done = drained && ownEnds.equals(lastOwnEnds);
    lastOwnEnds = drained ? ownEnds : null;
    return new Status(read, snapshot.size(), inFlight, done);
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
