package cn.gxq.subsidy.broker;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs an {@link EmbeddedKafkaBroker} as its own process, e.g. as a child JVM of the application:
 * {@code BrokerMain --data-dir DIR [--port 9092] [--controller-port 0] [--property key=value]...};
 * a node of a cluster also takes {@code --node-id N --cluster-id ID --voters 1@host:port,…} (its
 * {@code --controller-port} must be the one the voters give it).
 *
 * <p>Prints {@code READY <bootstrap servers>} on standard output once the broker answers, and shuts
 * the broker down cleanly on SIGTERM or SIGINT. Exits with status 2 on bad arguments and 1 when the
 * broker cannot start.
 */
public final class BrokerMain {

  /**
   * The line printed on standard output when the broker is ready, followed by a space and the
   * address.
   */
  public static final String READY_MARKER = "READY";

  private BrokerMain() {}

  public static void main(final String[] args) throws InterruptedException {
    final EmbeddedKafkaBroker.Builder builder = EmbeddedKafkaBroker.builder();
    try {
      parse(args, builder);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(
          "Usage: BrokerMain --data-dir DIR [--port 9092] [--controller-port 0]"
              + " [--node-id N --cluster-id ID --voters ID@HOST:PORT,...]"
              + " [--property key=value]...");
      System.exit(2);
    }
    final EmbeddedKafkaBroker broker = builder.build();
    try {
      broker.start();
    } catch (IllegalStateException e) {
      System.err.println(e.getMessage());
      broker.close();
      System.exit(1);
    }
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  broker.close();
                  stopped.countDown();
                },
                "broker-shutdown"));
    System.out.println(READY_MARKER + " " + broker.bootstrapServers());
    System.out.flush();
    stopped.await();
  }

  static void parse(final String[] args, final EmbeddedKafkaBroker.Builder builder) {
    boolean hasDataDir = false;
    int nodeId = -1;
    String clusterId = null;
    String voters = null;
    for (int i = 0; i < args.length; i++) {
      final String option = args[i];
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("Missing value after " + option);
      }
      final String value = args[++i];
      switch (option) {
        case "--data-dir" -> {
          builder.dataDir(Path.of(value));
          hasDataDir = true;
        }
        case "--port" -> builder.port(parsePort(option, value));
        case "--controller-port" -> builder.controllerPort(parsePort(option, value));
        case "--node-id" -> nodeId = parsePort(option, value);
        case "--cluster-id" -> clusterId = value;
        case "--voters" -> voters = value;
        case "--property" -> {
          final int eq = value.indexOf('=');
          if (eq <= 0) {
            throw new IllegalArgumentException("Expected key=value after --property, got " + value);
          }
          builder.brokerProperty(value.substring(0, eq), value.substring(eq + 1));
        }
        default -> throw new IllegalArgumentException("Unknown option " + option);
      }
    }
    if (!hasDataDir) {
      // A child broker without a directory would silently lose its data on exit.
      throw new IllegalArgumentException("--data-dir is required");
    }
    if (voters != null || nodeId >= 0 || clusterId != null) {
      if (voters == null || nodeId < 0 || clusterId == null) {
        throw new IllegalArgumentException(
            "A cluster node needs all of --node-id, --cluster-id and --voters");
      }
      builder.clusterMember(nodeId, clusterId, voters);
    }
  }

  private static int parsePort(final String option, final String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " expects a number, got " + value, e);
    }
  }
}
