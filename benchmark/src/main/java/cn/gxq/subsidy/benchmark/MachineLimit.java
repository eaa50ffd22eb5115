package cn.gxq.subsidy.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** What the broker and clients alone can do on this machine: a plain producer and consumer. */
final class MachineLimit {

  static final String DEFAULTS_TOPIC = "bench.plain.defaults";
  static final String BATCHED_TOPIC = "bench.plain.batched";

  private final Cluster cluster;
  private final Options options;
  private final PrintStream out;

  MachineLimit(Cluster cluster, Options options, PrintStream out) {
    this.cluster = cluster;
    this.options = options;
    this.out = out;
  }

  /** Producer with defaults, producer batched, consumer; in that order. */
  List<Throughput> run() throws Exception {
    cluster.createTopics(options.partitions(), DEFAULTS_TOPIC, BATCHED_TOPIC);
    final Throughput defaults;
    try (KafkaProducer<String, byte[]> producer = Clients.defaultProducer(cluster.bootstrap())) {
      defaults =
          produce(
              "producer (defaults)",
              producer,
              DEFAULTS_TOPIC,
              options.records(),
              options.recordBytes(),
              out);
    }
    final Throughput batched;
    try (KafkaProducer<String, byte[]> producer = Clients.batchedProducer(cluster.bootstrap())) {
      batched =
          produce(
              "producer (batched)",
              producer,
              BATCHED_TOPIC,
              options.records(),
              options.recordBytes(),
              out);
    }
    return List.of(defaults, batched, consume(BATCHED_TOPIC));
  }

  /** Sends {@code n} keyed records of {@code size} bytes as fast as the producer takes them. */
  static Throughput produce(
      String name,
      KafkaProducer<String, byte[]> producer,
      String topic,
      int n,
      int size,
      PrintStream out) {
    final byte[] value = new byte[size];
    new Random(42).nextBytes(value);
    final Progress progress = new Progress(out, name);
    final long began = System.nanoTime();
    for (int i = 0; i < n; i++) {
      producer.send(new ProducerRecord<>(topic, key(i), value), Failures.CALLBACK);
      if ((i & 0xFFF) == 0) {
        final int sent = i;
        progress.tick("sent", () -> sent, n);
      }
    }
    producer.flush();
    Failures.check();
    final double seconds = (System.nanoTime() - began) / 1e9;
    return new Throughput(name, n, (long) n * (size + key(0).length()), seconds, null);
  }

  /** An application-id-like key of fixed width. */
  static String key(int i) {
    final String digits = Integer.toString(i);
    return "K-" + "0000000000".substring(digits.length()) + digits;
  }

  private Throughput consume(String topic) {
    try (KafkaConsumer<byte[], byte[]> consumer = Clients.plainReader(cluster.bootstrap())) {
      Clients.fromStart(consumer, topic);
      final Progress progress = new Progress(out, "consumer");
      final long began = System.nanoTime();
      long count = 0;
      long bytes = 0;
      while (count < options.records()) {
        final ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(200));
        for (var r : records) {
          bytes += r.serializedKeySize() + r.serializedValueSize();
        }
        count += records.count();
        final long done = count;
        progress.tick("read", () -> done, options.records());
      }
      return new Throughput("consumer", count, bytes, (System.nanoTime() - began) / 1e9, null);
    }
  }
}
