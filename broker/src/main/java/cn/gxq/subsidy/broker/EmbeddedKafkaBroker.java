package cn.gxq.subsidy.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Apache Kafka broker in KRaft combined mode (broker and controller in one
 * process), running inside this JVM and bound to 127.0.0.1 only.
 *
 * <p>With {@link Builder#dataDir(Path)} the log directory is persistent: it is formatted on first
 * use and reused, data included, on every later start. Without it a fresh temporary directory is
 * used and deleted on {@link #close()}, which suits tests.
 *
 * <pre>{@code
 * try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().port(0).build().start()) {
 *     String bootstrap = broker.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

  /** The port a local broker listens on unless told otherwise. */
  public static final int DEFAULT_PORT = 9092;

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

  private final Path dataDir;
  private final boolean temporary;
  private final int requestedPort;
  private final int requestedControllerPort;
  private final Map<String, String> brokerProperties;
  private final Map<String, Object> clientProperties;
  private final java.util.List<String> scramArguments;
  private final Duration startTimeout;
  private final int nodeId;
  private final String clusterId;
  private final String voters;

  private KafkaRaftServer server;
  private int port;
  private int controllerPort;

  private EmbeddedKafkaBroker(final Builder builder) throws IOException {
    this.temporary = builder.dataDir == null;
    this.dataDir = temporary ? Files.createTempDirectory("embedded-kafka-") : builder.dataDir;
    this.requestedPort = builder.port;
    this.requestedControllerPort = builder.controllerPort;
    this.brokerProperties = Map.copyOf(builder.brokerProperties);
    this.clientProperties = Map.copyOf(builder.clientProperties);
    this.scramArguments = java.util.List.copyOf(builder.scramArguments);
    this.startTimeout = builder.startTimeout;
    this.nodeId = builder.nodeId;
    this.clusterId = builder.clusterId;
    this.voters = builder.voters;
  }

  /**
   * A builder with the defaults: temporary data directory, port {@value #DEFAULT_PORT}, free
   * controller port.
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Formats the data directory if needed, starts the broker and returns once it answers an admin
   * request.
   *
   * @throws IllegalStateException if the broker port is taken or the broker does not come up in
   *     time
   */
  public synchronized EmbeddedKafkaBroker start() {
    if (server != null) {
      throw new IllegalStateException("Kafka broker already started at " + bootstrapServers());
    }
    port = requestedPort == 0 ? Ports.freePort() : requestedPort;
    if (!Ports.isFree(port)) {
      throw new IllegalStateException(
          "Cannot start Kafka broker: port "
              + port
              + " on "
              + Ports.LOOPBACK
              + " is already in use (is another broker running?). Stop it or choose another port.");
    }
    controllerPort = requestedControllerPort == 0 ? Ports.freePort() : requestedControllerPort;
    final long started = System.nanoTime();
    try {
      final boolean formatted =
          LogDirFormatter.formatIfNeeded(dataDir, nodeId, clusterId, scramArguments);
      final String quorum =
          voters == null ? BrokerProperties.singleVoter(nodeId, controllerPort) : voters;
      final KafkaConfig config =
          new KafkaConfig(
              BrokerProperties.of(dataDir, nodeId, port, controllerPort, quorum, brokerProperties),
              false);
      server = new KafkaRaftServer(config, Time.SYSTEM);
      server.startup();
      awaitReady();
      LOG.info(
          "Kafka broker ready at {} in {} ms ({} data directory {})",
          bootstrapServers(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
          formatted ? "new" : "existing",
          dataDir);
      return this;
    } catch (Exception e) {
      stopServer();
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      throw e instanceof IllegalStateException ise ? ise : failure(e);
    }
  }

  private IllegalStateException failure(final Throwable cause) {
    return new IllegalStateException(
        "Cannot start Kafka broker on "
            + Ports.LOOPBACK
            + ":"
            + port
            + " (controller port "
            + controllerPort
            + ", data directory "
            + dataDir
            + "): "
            + cause,
        cause);
  }

  // Startup returns before the broker has registered with its controller; an answered
  // describeCluster listing this node means clients can create topics and produce (in a cluster,
  // also that a controller quorum has formed).
  private void awaitReady() throws InterruptedException {
    final Map<String, Object> props = new LinkedHashMap<>(clientProperties);
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    final long deadline = System.nanoTime() + startTimeout.toNanos();
    Exception last = null;
    try (Admin admin = Admin.create(props)) {
      while (System.nanoTime() < deadline) {
        try {
          if (admin
              .describeCluster(new DescribeClusterOptions().timeoutMs(2_000))
              .nodes()
              .get(3, TimeUnit.SECONDS)
              .stream()
              .anyMatch(n -> n.id() == nodeId)) {
            return;
          }
        } catch (Exception e) {
          last = e;
        }
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException(
        "Kafka broker at "
            + bootstrapServers()
            + " did not answer within "
            + startTimeout.toSeconds()
            + " s"
            + (last == null ? "" : ": " + last),
        last);
  }

  /** {@code 127.0.0.1:port} of the broker listener; valid after {@link #start()}. */
  public String bootstrapServers() {
    return Ports.LOOPBACK + ":" + port();
  }

  /** The broker listener port actually bound (the picked one when 0 was asked for). */
  public int port() {
    if (port == 0) {
      throw new IllegalStateException("Kafka broker not started yet");
    }
    return port;
  }

  /** The controller listener port actually bound. */
  public int controllerPort() {
    return controllerPort;
  }

  /** This node's id in its cluster (1 for a single broker). */
  public int nodeId() {
    return nodeId;
  }

  /** The log directory (also the metadata directory). */
  public Path dataDir() {
    return dataDir;
  }

  /**
   * Stops the broker, waiting for a clean shutdown, and deletes the data directory if it was
   * temporary.
   */
  @Override
  public synchronized void close() {
    stopServer();
    if (temporary) {
      try {
        Utils.delete(dataDir.toFile());
      } catch (IOException e) {
        LOG.warn("Could not delete temporary Kafka directory {}", dataDir, e);
      }
    }
  }

  private void stopServer() {
    if (server != null) {
      final KafkaRaftServer stopping = server;
      server = null;
      stopping.shutdown();
      stopping.awaitShutdown();
    }
  }

  /** Options of an {@link EmbeddedKafkaBroker}; every setter returns the builder. */
  public static final class Builder {
    private Path dataDir;
    private int port = DEFAULT_PORT;
    private int controllerPort;
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private final Map<String, Object> clientProperties = new LinkedHashMap<>();
    private final java.util.List<String> scramArguments = new java.util.ArrayList<>();
    private Duration startTimeout = Duration.ofSeconds(60);
    private int nodeId = BrokerProperties.NODE_ID;
    private String clusterId;
    private String voters;

    private Builder() {}

    /**
     * Makes this broker node {@code nodeId} of a cluster whose controller quorum is {@code voters}
     * ({@code 1@127.0.0.1:9190,2@127.0.0.1:9191,…}, every node a voter, this one included) and
     * whose directories are formatted with {@code clusterId}. The controller port must then be the
     * one {@code voters} gives this node. Replication is sized to the number of voters (see {@link
     * BrokerProperties}).
     */
    public Builder clusterMember(final int nodeId, final String clusterId, final String voters) {
      if (nodeId < 0) {
        throw new IllegalArgumentException("Node id must not be negative: " + nodeId);
      }
      this.nodeId = nodeId;
      this.clusterId = clusterId;
      this.voters = Objects.requireNonNull(voters, "voters");
      return this;
    }

    /**
     * A persistent log directory, formatted on first start and kept, data included, across
     * restarts.
     */
    public Builder dataDir(final Path dir) {
      this.dataDir = Objects.requireNonNull(dir, "dir");
      return this;
    }

    /** A fresh temporary log directory deleted on close (the default). */
    public Builder temporaryDataDir() {
      this.dataDir = null;
      return this;
    }

    /**
     * The broker listener port; 0 picks a free one. Default {@value
     * EmbeddedKafkaBroker#DEFAULT_PORT}.
     */
    public Builder port(final int port) {
      this.port = checkPort(port);
      return this;
    }

    /** The controller listener port; 0 (the default) picks a free one. */
    public Builder controllerPort(final int port) {
      this.controllerPort = checkPort(port);
      return this;
    }

    /** A server property applied after the defaults, e.g. listener security settings. */
    public Builder brokerProperty(final String key, final String value) {
      brokerProperties.put(key, value);
      return this;
    }

    /** Server properties applied after the defaults. */
    public Builder brokerProperties(final Map<String, String> properties) {
      brokerProperties.putAll(properties);
      return this;
    }

    /**
     * Client properties (e.g. SASL or TLS settings) the start-up probe needs to talk to the
     * listener.
     */
    /** A SCRAM-SHA-512 user written into the metadata when the directory is first formatted. */
    public Builder bootstrapScramUser(final String name, final String password) {
      scramArguments.add("SCRAM-SHA-512=[name=" + name + ",password=" + password + "]");
      return this;
    }

    public Builder clientProperties(final Map<String, ?> properties) {
      clientProperties.putAll(properties);
      return this;
    }

    /**
     * How long {@link EmbeddedKafkaBroker#start()} waits for the broker to answer. Default 60 s.
     */
    public Builder startTimeout(final Duration timeout) {
      this.startTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Creates the broker (and its temporary directory, if any) without starting it. */
    public EmbeddedKafkaBroker build() {
      try {
        return new EmbeddedKafkaBroker(this);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot create a temporary Kafka directory", e);
      }
    }

    private static int checkPort(final int port) {
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("Port out of range: " + port);
      }
      return port;
    }
  }
}
