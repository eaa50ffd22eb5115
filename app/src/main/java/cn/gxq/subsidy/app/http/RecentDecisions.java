package cn.gxq.subsidy.app.http;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.topology.PipelineObserver;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last decisions this instance emitted, newest first, for the dashboard. Display only: it lives
 * in memory, starts empty, and may show a decision of a transaction that was later retried.
 */
public final class RecentDecisions implements PipelineObserver {

  private final int capacity;
  private final Deque<Decision> recent = new ArrayDeque<>();
  private final AtomicLong seen = new AtomicLong();

  public RecentDecisions(int capacity) {
    this.capacity = capacity;
  }

  @Override
  public void decided(Decision decision) {
    seen.incrementAndGet();
    synchronized (recent) {
      recent.addFirst(decision);
      while (recent.size() > capacity) {
        recent.removeLast();
      }
    }
  }

  /** Up to {@code limit} decisions, newest first. */
  List<Decision> latest(int limit) {
    synchronized (recent) {
      final List<Decision> out = new ArrayList<>(Math.min(limit, recent.size()));
      for (Decision d : recent) {
        if (out.size() == limit) {
          break;
        }
        out.add(d);
      }
      return out;
    }
  }

  /** Decisions seen since start. */
  public long seen() {
    return seen.get();
  }

  int capacity() {
    return capacity;
  }
}
