package cn.gxq.subsidy.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches decisions being committed: every 200 ms the last stable offset of each decisions
 * partition, remembering when each one moved. A stall after a fault is the longest time any
 * partition then went without a committed decision.
 */
final class FaultProgress implements AutoCloseable {

  private static final long SAMPLE_MS = 200;

  private final Admin admin;
  private final List<TopicPartition> partitions = new ArrayList<>();
  private final Map<TopicPartition, List<Long>> moved = new HashMap<>();
  private final Map<TopicPartition, Long> last = new HashMap<>();
  private final Thread thread;
  private volatile boolean stopped;

  FaultProgress(Admin admin, String topic, int partitionCount) {
    this.admin = admin;
    for (int p = 0; p < partitionCount; p++) {
      final TopicPartition tp = new TopicPartition(topic, p);
      partitions.add(tp);
      moved.put(tp, new ArrayList<>());
    }
    thread = new Thread(this::run, "fault-progress");
    thread.setDaemon(true);
  }

  FaultProgress start() {
    thread.start();
    return this;
  }

  private void run() {
    final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    final ListOffsetsOptions committed = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);
    while (!stopped) {
      final ListOffsetsResult result = admin.listOffsets(latest, committed);
      for (TopicPartition tp : partitions) {
        try {
          final long offset = result.partitionResult(tp).get(2, TimeUnit.SECONDS).offset();
          final long now = System.nanoTime();
          synchronized (this) {
            final Long before = last.put(tp, offset);
            if (before != null && offset > before) {
              moved.get(tp).add(now);
            }
          }
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          // no leader at this instant: exactly the stall being measured
        }
      }
      try {
        Thread.sleep(SAMPLE_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * Waits until every decisions partition has committed a decision after {@code nanos}; false if
   * one has not within the timeout (an idle or stuck pipeline).
   */
  boolean awaitAllMovedAfter(long nanos, Duration timeout) throws InterruptedException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      synchronized (this) {
        if (moved.values().stream()
            .allMatch(times -> !times.isEmpty() && times.get(times.size() - 1) > nanos)) {
          return true;
        }
      }
      Thread.sleep(SAMPLE_MS);
    }
    return false;
  }

  /**
   * The longest time, in ms, any decisions partition went without a committed decision between
   * {@code fromNanos} and {@code toNanos} (a partition that never moved in the window counts the
   * whole window).
   */
  synchronized long longestGapMillis(long fromNanos, long toNanos) {
    long longest = 0;
    for (List<Long> times : moved.values()) {
      long previous = fromNanos;
      for (long t : times) {
        if (t <= fromNanos) {
          continue;
        }
        if (t > toNanos) {
          break;
        }
        longest = Math.max(longest, t - previous);
        previous = t;
      }
      longest = Math.max(longest, previousGapToEnd(times, previous, toNanos));
    }
    return TimeUnit.NANOSECONDS.toMillis(longest);
  }

  /** Only a partition that stayed still until the window's end counts the tail. */
  private static long previousGapToEnd(List<Long> times, long previous, long toNanos) {
    return times.stream().anyMatch(t -> t > toNanos) ? toNanos - previous : 0;
  }

  @Override
  public void close() throws InterruptedException {
    stopped = true;
    thread.interrupt();
    thread.join(5_000);
  }
}
