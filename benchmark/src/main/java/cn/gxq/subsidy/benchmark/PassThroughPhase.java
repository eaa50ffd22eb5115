package cn.gxq.subsidy.benchmark;

import java.io.PrintStream;
import java.time.Duration;
import org.apache.kafka.clients.producer.KafkaProducer;

/** The Streams baseline: the same records as the machine limit, through an exactly-once copy. */
final class PassThroughPhase {

  static final String IN = "bench.passthrough.in";
  static final String OUT = "bench.passthrough.out";

  private final Cluster cluster;
  private final Options options;
  private final Workers workers;
  private final PrintStream out;

  PassThroughPhase(Cluster cluster, Options options, Workers workers, PrintStream out) {
    this.cluster = cluster;
    this.options = options;
    this.workers = workers;
    this.out = out;
  }

  /** First input sent to last output visible to a read_committed consumer. */
  Throughput run() throws Exception {
    cluster.createTopics(options.partitions(), IN, OUT);
    try (StreamsProcess streams = workers.passThrough("bench-passthrough", IN, OUT);
        TopicReader output = new TopicReader(cluster.bootstrap(), OUT, r -> {});
        KafkaProducer<String, byte[]> producer = Clients.batchedProducer(cluster.bootstrap())) {
      streams.awaitRunning(Duration.ofMinutes(2));
      final int n = options.records();
      final double cpuBefore = streams.cpuSeconds();
      final long began = System.nanoTime();
      final Throughput sent =
          MachineLimit.produce("pass-through in", producer, IN, n, options.recordBytes(), out);
      final Progress progress = new Progress(out, "pass-through");
      while (output.count() < n) {
        progress.tick("out", output::count, n);
        if (System.nanoTime() - began > Duration.ofMinutes(15).toNanos()) {
          throw new IllegalStateException("pass-through stalled at " + output.count() + " of " + n);
        }
        Thread.sleep(5);
      }
      final double seconds = (System.nanoTime() - began) / 1e9;
      final double cpu = streams.cpuSeconds() - cpuBefore;
      return new Throughput(
          "streams pass-through (EOS v2)",
          n,
          sent.bytes(),
          seconds,
          streams.stop(),
          cpuBefore < 0 ? -1 : cpu);
    }
  }
}
