package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.ApplicationGenerator;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * The pipeline's skeleton ({@link SkeletonTopology}) on the very records the pipeline phase sends:
 * first input sent to last decision visible to a read_committed consumer.
 */
final class SkeletonPhase {

  static final String APP_ID = "bench-skeleton";

  private final Cluster cluster;
  private final Options options;
  private final Workers workers;
  private final PrintStream out;
  private final Topics topics = new Topics("skeleton.");

  SkeletonPhase(Cluster cluster, Options options, Workers workers, PrintStream out) {
    this.cluster = cluster;
    this.options = options;
    this.workers = workers;
    this.out = out;
  }

  Throughput run() throws Exception {
    cluster.createContractTopics(topics, options.partitions());
    final DemoScenario scenario = PipelinePhase.scenario(options);
    final RecordEncoder encoder = new RecordEncoder(topics, cluster.registryClient());
    try (KafkaProducer<String, byte[]> producer = Clients.batchedProducer(cluster.bootstrap())) {
      for (Generated g : scenario.enterprises()) {
        producer.send(encoder.encode(g).record(), Failures.CALLBACK);
      }
      producer.flush();
      Failures.check();
    }
    final ApplicationGenerator generator = scenario.applicationGenerator();
    final int n = options.records();
    final List<Prepared> applications = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      applications.add(encoder.encode(generator.next()));
    }
    try (StreamsProcess streams = workers.skeleton(APP_ID, topics.prefix());
        TopicReader decisions = new TopicReader(cluster.bootstrap(), topics.decisions(), r -> {});
        KafkaProducer<String, byte[]> producer = Clients.batchedProducer(cluster.bootstrap())) {
      streams.awaitRunning(Duration.ofMinutes(2));
      while (!cluster.caughtUp(APP_ID, topics.enterprises())) {
        Thread.sleep(100);
      }
      final double cpuBefore = streams.cpuSeconds();
      final long began = System.nanoTime();
      final Progress progress = new Progress(out, "skeleton");
      for (int i = 0; i < n; i++) {
        producer.send(applications.get(i).record(), Failures.CALLBACK);
        if ((i & 0xFFF) == 0) {
          progress.tick("out", decisions::count, n);
        }
      }
      producer.flush();
      Failures.check();
      while (decisions.count() < n) {
        progress.tick("out", decisions::count, n);
        if (System.nanoTime() - began > Duration.ofMinutes(15).toNanos()) {
          throw new IllegalStateException("skeleton stalled at " + decisions.count() + " of " + n);
        }
        Thread.sleep(5);
      }
      final double seconds = (System.nanoTime() - began) / 1e9;
      final double cpu = streams.cpuSeconds() - cpuBefore;
      return new Throughput(
          "pipeline skeleton (hops and state, no logic)",
          n,
          applications.stream().mapToLong(p -> p.value().length + p.key().length()).sum(),
          seconds,
          streams.stop(),
          cpuBefore < 0 ? -1 : cpu);
    }
  }
}
