package cn.gxq.subsidy.app.start;

import cn.gxq.subsidy.app.security.EmbeddedSecurity;
import cn.gxq.subsidy.broker.EmbeddedKafkaBroker;
import cn.gxq.subsidy.broker.EmbeddedKafkaCluster;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code run}'s Kafka: the operator's cluster when given, else the embedded default, a KRaft broker
 * with its data under the data directory (secured with {@code --secure}), or a cluster of {@code
 * --brokers} nodes on consecutive ports.
 */
public final class EmbeddedKafka {

  private final Path dataDir;
  private final int brokers;
  private final short replication;
  private final EmbeddedSecurity security;

  /** {@code security} null: no TLS, SASL or ACLs. */
  public EmbeddedKafka(Path dataDir, int brokers, short replication, EmbeddedSecurity security) {
    this.dataDir = dataDir;
    this.brokers = brokers;
    this.replication = replication;
    this.security = security;
  }

  /** The bootstrap servers: {@code given}, or those of the embedded Kafka it starts. */
  public String startOrUse(String given, Running running, PrintStream out) throws IOException {
    if (given != null) {
      out.println("Kafka broker     " + given);
      return given;
    }
    return brokers > 1 ? startCluster(running, out) : startBroker(running, out);
  }

  private String startCluster(Running running, PrintStream out) {
    final Path dir = dataDir.resolve("kafka-cluster");
    final EmbeddedKafkaCluster cluster =
        running.add(
            EmbeddedKafkaCluster.start(dir, brokers, EmbeddedKafkaBroker.DEFAULT_PORT, Map.of()));
    out.printf(
        "Kafka cluster    %s  (embedded, KRaft, %d nodes, replication %d, data in %s)%n",
        cluster.bootstrapServers(), brokers, replication, dir);
    return cluster.bootstrapServers();
  }

  private String startBroker(Running running, PrintStream out) throws IOException {
    final Path dir = dataDir.resolve("kafka");
    EmbeddedKafkaBroker.Builder builder =
        EmbeddedKafkaBroker.builder().dataDir(dir).port(EmbeddedKafkaBroker.DEFAULT_PORT);
    if (security != null) {
      builder = security.broker().applyTo(builder, EmbeddedKafkaBroker.DEFAULT_PORT, freePort());
    }
    final EmbeddedKafkaBroker broker = running.add(builder.build().start());
    out.printf(
        "Kafka broker     %s  (embedded, KRaft, data in %s%s)%n",
        broker.bootstrapServers(), dir, security != null ? "; TLS, SASL/SCRAM, ACLs" : "");
    return broker.bootstrapServers();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
