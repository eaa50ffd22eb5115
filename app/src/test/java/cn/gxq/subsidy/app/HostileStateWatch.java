package cn.gxq.subsidy.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Samples an instance's state every 50 ms from the moment it is RUNNING and remembers every other
 * state seen: a crash, a shutdown or even a rebalance would show here.
 */
final class HostileStateWatch {

  private final KafkaStreams streams;
  private final List<String> others = new CopyOnWriteArrayList<>();
  private final Thread thread;
  private volatile boolean stopped;

  HostileStateWatch(KafkaStreams streams) {
    this.streams = streams;
    this.thread = new Thread(this::watch, "hostile-state-watch");
    thread.setDaemon(true);
  }

  HostileStateWatch start() {
    thread.start();
    return this;
  }

  private void watch() {
    while (!stopped) {
      final KafkaStreams.State state = streams.state();
      if (state != KafkaStreams.State.RUNNING) {
        others.add(System.currentTimeMillis() + " " + state);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  void stop() throws InterruptedException {
    stopped = true;
    thread.join(1000);
  }

  List<String> leftRunning() {
    return others;
  }
}
