package cn.gxq.subsidy.broker;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.common.Uuid;

/**
 * Several {@link EmbeddedKafkaBroker} nodes in this JVM forming one KRaft cluster on loopback:
 * every node is broker and controller, node {@code i} (from 1) listens on {@code firstPort + i - 1}
 * and keeps its data under {@code dataDir/node-i}. With three nodes, topics get replication factor
 * 3 and {@code min.insync.replicas=2} unless they say otherwise.
 *
 * <p>A node alone cannot elect a controller, so the nodes start together, each on its own thread.
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

  private final List<EmbeddedKafkaBroker> brokers;

  private EmbeddedKafkaCluster(final List<EmbeddedKafkaBroker> brokers) {
    this.brokers = brokers;
  }

  /**
   * Starts {@code size} nodes and returns once each answers with itself registered.
   *
   * @param firstPort the first node's listener port; 0 picks free ports for all
   * @param extra server properties for every node (applied last)
   */
  public static EmbeddedKafkaCluster start(
      final Path dataDir, final int size, final int firstPort, final Map<String, String> extra) {
    if (size < 1) {
      throw new IllegalArgumentException("A cluster needs at least one node, not " + size);
    }
    final int[] controllerPorts = new int[size];
    final StringJoiner voters = new StringJoiner(",");
    for (int i = 0; i < size; i++) {
      controllerPorts[i] = Ports.freePort();
      voters.add(BrokerProperties.singleVoter(i + 1, controllerPorts[i]));
    }
    final String clusterId = Uuid.randomUuid().toString(); // used only where nothing is formatted
    final List<EmbeddedKafkaBroker> brokers = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      brokers.add(
          EmbeddedKafkaBroker.builder()
              .dataDir(dataDir.resolve("node-" + (i + 1)))
              .port(firstPort == 0 ? 0 : firstPort + i)
              .controllerPort(controllerPorts[i])
              .clusterMember(i + 1, clusterId, voters.toString())
              .brokerProperties(extra)
              .build());
    }
    final EmbeddedKafkaCluster cluster = new EmbeddedKafkaCluster(List.copyOf(brokers));
    final ExecutorService starter = Executors.newFixedThreadPool(size);
    try {
      final List<Future<EmbeddedKafkaBroker>> started = new ArrayList<>();
      for (EmbeddedKafkaBroker broker : brokers) {
        started.add(starter.submit(broker::start));
      }
      for (Future<EmbeddedKafkaBroker> f : started) {
        f.get();
      }
      return cluster;
    } catch (Exception e) {
      cluster.close();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      final Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException("Cannot start the Kafka cluster: " + cause.getMessage(), e);
    } finally {
      starter.shutdownNow();
    }
  }

  /** Every node's listener, comma-separated: clients find the cluster through any that is up. */
  public String bootstrapServers() {
    final StringJoiner all = new StringJoiner(",");
    brokers.forEach(b -> all.add(b.bootstrapServers()));
    return all.toString();
  }

  /** The nodes, node 1 first. */
  public List<EmbeddedKafkaBroker> brokers() {
    return brokers;
  }

  /**
   * Stops every node, all at once: one by one, the last nodes would wait for a controller quorum
   * that is already gone to grant their controlled shutdown.
   */
  @Override
  public void close() {
    final List<Thread> stopping = new ArrayList<>();
    for (EmbeddedKafkaBroker broker : brokers) {
      final Thread t = new Thread(broker::close, "stop-kafka-node-" + broker.nodeId());
      t.start();
      stopping.add(t);
    }
    for (Thread t : stopping) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
