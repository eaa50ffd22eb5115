package cn.gxq.subsidy.whatif;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * The input partitions of a what-if replay as they stood when it started: where each begins and
 * where it ends. Records at or after the end arrived later and are not replayed.
 *
 * <p>The end is the last stable offset (read_committed): below it every transaction is decided, so
 * the replay's read_committed consumer sees exactly the committed records below it.
 */
record InputSnapshot(Map<TopicPartition, Long> starts, Map<TopicPartition, Long> ends) {

  InputSnapshot {
    starts = Map.copyOf(starts);
    ends = Map.copyOf(ends);
  }

  static InputSnapshot take(Admin admin, Collection<String> topics)
      throws InterruptedException, ExecutionException {
    final Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (TopicDescription topic : admin.describeTopics(topics).allTopicNames().get().values()) {
      topic
          .partitions()
          .forEach(
              p -> {
                final TopicPartition tp = new TopicPartition(topic.name(), p.partition());
                earliest.put(tp, OffsetSpec.earliest());
                latest.put(tp, OffsetSpec.latest());
              });
    }
    final ListOffsetsOptions committed = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
    final Map<TopicPartition, Long> starts = new HashMap<>();
    admin
        .listOffsets(earliest, committed)
        .all()
        .get()
        .forEach((tp, info) -> starts.put(tp, info.offset()));
    final Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(latest, committed)
        .all()
        .get()
        .forEach((tp, info) -> ends.put(tp, info.offset()));
    return new InputSnapshot(starts, ends);
  }

  /** Offsets below the snapshot in all partitions: records (and any transaction markers). */
  long size() {
    return ends.entrySet().stream()
        .mapToLong(e -> Math.max(0, e.getValue() - starts.getOrDefault(e.getKey(), 0L)))
        .sum();
  }

  /** How much of the snapshot lies below the given positions (a partition absent: none). */
  long below(Map<TopicPartition, Long> positions) {
    long sum = 0;
    for (Map.Entry<TopicPartition, Long> e : ends.entrySet()) {
      final long start = starts.getOrDefault(e.getKey(), 0L);
      final long at = Math.min(e.getValue(), positions.getOrDefault(e.getKey(), start));
      sum += Math.max(0, at - start);
    }
    return sum;
  }

  /** Whether every partition's position has reached its end (an empty one has nothing to reach). */
  boolean reachedBy(Map<TopicPartition, Long> positions) {
    return ends.entrySet().stream()
        .allMatch(
            e ->
                e.getValue() <= starts.getOrDefault(e.getKey(), 0L)
                    || positions.getOrDefault(e.getKey(), -1L) >= e.getValue());
  }

  /** {@code topic:partition:end,…}: how the snapshot travels in a Streams config. */
  String encode() {
    return ends.entrySet().stream()
        .map(e -> e.getKey().topic() + ":" + e.getKey().partition() + ":" + e.getValue())
        .sorted()
        .collect(Collectors.joining(","));
  }

  /** The ends of {@link #encode()}d text, as topic → end per partition. */
  static Map<String, long[]> decodeEnds(String text) {
    final Map<TopicPartition, Long> ends = new HashMap<>();
    int partitions = 0;
    for (String entry : text.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      final int last = entry.lastIndexOf(':');
      final int middle = entry.lastIndexOf(':', last - 1);
      final TopicPartition tp =
          new TopicPartition(
              entry.substring(0, middle), Integer.parseInt(entry.substring(middle + 1, last)));
      ends.put(tp, Long.parseLong(entry.substring(last + 1)));
      partitions = Math.max(partitions, tp.partition() + 1);
    }
    final Map<String, long[]> byTopic = new HashMap<>();
    final int size = partitions;
    ends.forEach(
        (tp, end) -> {
          final long[] topicEnds = byTopic.computeIfAbsent(tp.topic(), t -> newEnds(size));
          topicEnds[tp.partition()] = end;
        });
    return byTopic;
  }

  /** A partition the snapshot does not name ends at 0: nothing of it is replayed. */
  private static long[] newEnds(int size) {
    return new long[size];
  }
}
