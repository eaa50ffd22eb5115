package cn.gxq.subsidy.benchmark;

import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;

/**
 * Reads a topic's committed records from the start on its own thread and hands each to a handler,
 * as soon as it is visible to a read_committed consumer.
 */
final class TopicReader implements AutoCloseable {

  private final Thread thread;
  private volatile boolean running = true;
  private volatile long count;

  TopicReader(String bootstrap, String topic, Consumer<ConsumerRecord<String, byte[]>> handler) {
    thread =
        new Thread(
            () -> {
              try (KafkaConsumer<String, byte[]> consumer = Clients.committedReader(bootstrap)) {
                Clients.fromStart(consumer, topic);
                while (running) {
                  for (ConsumerRecord<String, byte[]> record :
                      consumer.poll(Duration.ofMillis(50))) {
                    handler.accept(record);
                    count++;
                  }
                }
              }
            },
            "reader-" + topic);
    thread.setDaemon(true);
    thread.start();
  }

  long count() {
    return count;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.join(10_000);
  }
}
