package cn.gxq.subsidy.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The smallest setting of finding 6 (docs/resilience.md): brokers as child JVMs, one producer
 * writing numbered records to one three-partition topic at a steady rate, the broker (or the leader
 * of the busiest partitions) SIGKILLed and restarted a few times, then every acknowledged send
 * looked up in the log, every failed send looked for, and every record counted. No application, no
 * registry: only Kafka.
 *
 * <p>{@code -Dprobe.brokers=1|3 -Dprobe.acks=all|1 -Dprobe.minIsr=N -Dprobe.kills=K
 * -Dprobe.seconds=S -Dprobe.rate=R}. Prints {@code ACK PROBE: …}; exit status 0 when nothing
 * acknowledged is missing.
 */
public final class FaultAckProbe {

  private static final String TOPIC = "probe";

  private FaultAckProbe() {}

  public static void main(String[] args) throws Exception {
    final int brokers = Integer.getInteger("probe.brokers", 1);
    final String acks = System.getProperty("probe.acks", "all");
    final int minIsr = Integer.getInteger("probe.minIsr", brokers >= 3 ? 2 : 1);
    final int kills = Integer.getInteger("probe.kills", 5);
    final int seconds = Integer.getInteger("probe.seconds", 60);
    final int rate = Integer.getInteger("probe.rate", 2000);
    final long begin = System.nanoTime();
    final Path runDir = Files.createTempDirectory("subsidy-ack-probe");
    System.out.println("run directory " + runDir);
    final String classPath = FaultClassPath.snapshot(runDir.resolve("classpath"));
    final Map<String, String> props = new HashMap<>();
    if (brokers > 1) {
      props.put("min.insync.replicas", Integer.toString(minIsr));
      props.put("transaction.state.log.min.isr", Integer.toString(minIsr));
    }
    try (FaultCluster cluster = new FaultCluster(runDir, classPath, brokers, props).start();
        Admin admin =
            Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrap()))) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(TOPIC, 3, (short) Math.min(3, brokers))
                      .configs(Map.of("min.insync.replicas", Integer.toString(minIsr)))))
          .all()
          .get();
      final List<FaultAckedCheck.Ack> acked = Collections.synchronizedList(new ArrayList<>());
      final List<ProducerRecord<String, byte[]>> failed =
          Collections.synchronizedList(new ArrayList<>());
      final AtomicLong sent = new AtomicLong();
      final Thread producerThread =
          new Thread(
              () -> produce(cluster.bootstrap(), acks, rate, seconds, sent, acked, failed),
              "probe-producer");
      producerThread.setDaemon(true); // a failed run must not hang on it
      producerThread.start();
      final long start = System.nanoTime();
      for (int k = 1; k <= kills; k++) {
        final long due = start + TimeUnit.SECONDS.toNanos((long) seconds * k / (kills + 1));
        TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
        final FaultBroker victim =
            brokers == 1 ? cluster.nodes().get(0) : cluster.busiestLeader(admin).broker();
        victim.kill();
        final long t0 = System.nanoTime();
        Thread.sleep(1000);
        victim.start();
        System.out.printf(
            "t=%ds %s SIGKILLed at %d sent, back in %d ms%n",
            (t0 - start) / 1_000_000_000L,
            victim.name(),
            sent.get(),
            (System.nanoTime() - t0) / 1_000_000);
        if (brokers > 1) {
          FaultCluster.awaitInSync(admin, Duration.ofMinutes(2));
        }
      }
      producerThread.join();
      final FaultAckedCheck.Result result =
          new FaultAckedCheck(cluster.bootstrap()).check(acked, Set.of());
      final List<String> failedProblems =
          new FaultUncertainSends(cluster.bootstrap()).check(List.copyOf(failed));
      final long[] copies = countCopies(cluster.bootstrap(), sent.get());
      final boolean pass = result.missing() == 0;
      System.out.printf(
          "ACK PROBE: %s brokers=%d acks=%s minIsr=%d kills=%d sent=%d acked=%d failed=%d"
              + " ackedMissing=%d failedNotExactlyOnce=%d absent=%d duplicated=%d in %d s%n",
          pass ? "PASS" : "FAIL",
          brokers,
          acks,
          minIsr,
          kills,
          sent.get(),
          acked.size(),
          failed.size(),
          result.missing(),
          failedProblems.size(),
          copies[0],
          copies[1],
          (System.nanoTime() - begin) / 1_000_000_000L);
      result.examples().forEach(e -> System.out.println("  missing: " + e));
      failedProblems.stream().limit(10).forEach(p -> System.out.println("  failed send: " + p));
      FaultChildProcess.killAll();
      System.exit(pass ? 0 : 1);
    }
  }

  private static void produce(
      String bootstrap,
      String acks,
      int rate,
      int seconds,
      AtomicLong sent,
      List<FaultAckedCheck.Ack> acked,
      List<ProducerRecord<String, byte[]>> failed) {
    final Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, acks);
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "all".equals(acks));
    p.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    // The fault feeder's settings: two minutes of patience, 5 ms linger.
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 120_000);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
      final long total = (long) rate * seconds;
      final long start = System.nanoTime();
      for (long i = 0; i < total; i++) {
        final long due = start + i * 1_000_000_000L / rate;
        final long wait = due - System.nanoTime();
        if (wait > 0) {
          TimeUnit.NANOSECONDS.sleep(wait);
        }
        final String key = "k-" + i;
        final byte[] value = ("record " + i + " " + "x".repeat(180)).getBytes();
        final ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, key, value);
        sent.incrementAndGet();
        producer.send(
            record,
            (m, e) -> {
              if (e == null) {
                acked.add(
                    new FaultAckedCheck.Ack(
                        new TopicPartition(m.topic(), m.partition()),
                        m.offset(),
                        key,
                        FaultAckedCheck.hash(value)));
              } else {
                failed.add(record);
              }
            });
      }
      producer.flush();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Records 0..sent-1: how many are absent from the topic, how many are there more than once. */
  private static long[] countCopies(String bootstrap, long sent) {
    final int[] copies = new int[(int) sent];
    final Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      final List<TopicPartition> partitions =
          List.of(
              new TopicPartition(TOPIC, 0),
              new TopicPartition(TOPIC, 1),
              new TopicPartition(TOPIC, 2));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
          copies[Integer.parseInt(r.key().substring(2))]++;
        }
      }
    }
    long absent = 0;
    long duplicated = 0;
    for (int c : copies) {
      if (c == 0) {
        absent++;
      } else if (c > 1) {
        duplicated++;
      }
    }
    return new long[] {absent, duplicated};
  }
}
