package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.avro.DecisionStatus;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Watches the decisions topic as a read_committed consumer and ticks off the applications it
 * expects, each by {@code applicationId#revision}: the first decision about that revision is the
 * moment the submitter can see the outcome.
 */
final class DecisionWatcher implements AutoCloseable {

  private static final long NO_SEND_TIME = Long.MIN_VALUE;

  private final ConcurrentHashMap<String, Long> pending = new ConcurrentHashMap<>();
  private final AtomicLongArray statuses = new AtomicLongArray(DecisionStatus.values().length);
  private final DecisionReader reader = new DecisionReader();
  private final TopicReader topic;
  private volatile LatencyLog latencies;
  private volatile long lastResolvedNanos;

  DecisionWatcher(String bootstrap, String decisionsTopic) {
    topic = new TopicReader(bootstrap, decisionsTopic, this::onDecision);
  }

  /** Expects a decision on this revision; its latency is not measured. */
  void expect(String decisionKey) {
    pending.put(decisionKey, NO_SEND_TIME);
  }

  /** Expects a decision on this revision, submitted at {@code sentNanos}. */
  void expect(String decisionKey, long sentNanos) {
    pending.put(decisionKey, sentNanos);
  }

  /** From now on, measured submissions' latencies go here. */
  void measureInto(LatencyLog log) {
    latencies = log;
  }

  int pending() {
    return pending.size();
  }

  long decisionsSeen() {
    return topic.count();
  }

  long lastResolvedNanos() {
    return lastResolvedNanos;
  }

  /** Decisions seen so far by status, revisions and waitlist releases included. */
  Map<DecisionStatus, Long> statuses() {
    final Map<DecisionStatus, Long> counts = new EnumMap<>(DecisionStatus.class);
    for (DecisionStatus s : DecisionStatus.values()) {
      counts.put(s, statuses.get(s.ordinal()));
    }
    return counts;
  }

  private void onDecision(ConsumerRecord<String, byte[]> record) {
    final long now = System.nanoTime();
    final DecisionReader.Head head = reader.read(record.value());
    statuses.incrementAndGet(head.status().ordinal());
    final Long sent = pending.remove(Prepared.decisionKey(head.applicationId(), head.revision()));
    if (sent != null) {
      lastResolvedNanos = now;
      final LatencyLog log = latencies;
      if (sent != NO_SEND_TIME && log != null) {
        log.add(now - sent);
      }
    }
  }

  @Override
  public void close() throws InterruptedException {
    topic.close();
  }
}
