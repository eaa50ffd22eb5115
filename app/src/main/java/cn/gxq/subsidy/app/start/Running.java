package cn.gxq.subsidy.app.start;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What {@code run} has started, stopped in the reverse order: the application before the registry
 * it reads schemas from, the registry before the broker it keeps them in.
 */
public final class Running implements AutoCloseable {

  private final Deque<AutoCloseable> started = new ArrayDeque<>();

  /** Keeps {@code part} to be stopped, and hands it back. */
  public synchronized <T extends AutoCloseable> T add(T part) {
    started.push(part);
    return part;
  }

  /** Stops everything started, newest first; a part that fails to stop does not keep the rest. */
  @Override
  public synchronized void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        System.err.println("while stopping: " + e.getMessage());
      }
    }
  }
}
