package cn.gxq.subsidy.app;

import cn.gxq.subsidy.broker.BrokerMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One Kafka node as a child JVM on a persistent data directory and fixed ports, so that a restart
 * is the same node coming back: clients reconnect to the address they know, and the other nodes
 * find their controller-quorum peer where the voter list says it is.
 */
final class FaultBroker implements AutoCloseable {

  // Generous: several JVMs start at once, on two cores that others share. A SIGKILLed node's log
  // recovery on a starved CPU can take longer still, so a long run may raise it.
  private static final Duration START_TIMEOUT =
      Duration.ofMinutes(Long.getLong("fault.brokerStartMinutes", 3));

  private final String name;
  private final int nodeId;
  private final Path dataDir;
  private final Path log;
  private final int port;
  private final List<String> args = new ArrayList<>();
  private final String classPath;
  private FaultChildProcess process;
  private long launchedAt;

  /**
   * @param voters the cluster's controller quorum, or null for a single broker (which then picks
   *     its controller port itself)
   */
  FaultBroker(
      Path runDir,
      String classPath,
      String name,
      int nodeId,
      int port,
      int controllerPort,
      String clusterId,
      String voters,
      Map<String, String> properties) {
    this.classPath = classPath;
    this.name = name;
    this.nodeId = nodeId;
    this.dataDir = runDir.resolve(name.equals("broker") ? "kafka" : "kafka-" + nodeId);
    this.log = runDir.resolve(name + ".log");
    this.port = port;
    args.addAll(
        List.of(
            "--data-dir",
            dataDir.toString(),
            "--port",
            Integer.toString(port),
            "--controller-port",
            Integer.toString(controllerPort)));
    if (voters != null) {
      args.addAll(
          List.of(
              "--node-id",
              Integer.toString(nodeId),
              "--cluster-id",
              clusterId,
              "--voters",
              voters));
    }
    properties.forEach((k, v) -> args.addAll(List.of("--property", k + "=" + v)));
  }

  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  int nodeId() {
    return nodeId;
  }

  String name() {
    return name;
  }

  /** Starts the JVM without waiting: the nodes of a cluster can only get ready together. */
  FaultBroker launch() {
    launchedAt = log.toFile().length(); // a READY of an earlier start must not count
    process =
        FaultChildProcess.start(name, classPath, BrokerMain.class.getName(), args, log, "-Xmx768m");
    return this;
  }

  FaultBroker awaitReady() throws InterruptedException {
    process.awaitLine(BrokerMain.READY_MARKER, launchedAt, START_TIMEOUT);
    return this;
  }

  FaultBroker start() throws InterruptedException {
    return launch().awaitReady();
  }

  /** SIGKILL: no controlled shutdown, no flush, whatever the page cache holds stays there. */
  void kill() throws InterruptedException {
    process.kill();
  }

  /** Stops the broker (SIGKILL when {@code hard}, else SIGTERM) and starts it again. */
  void restart(boolean hard) throws InterruptedException {
    if (hard) {
      process.kill();
    } else {
      process.terminate(Duration.ofSeconds(60));
    }
    start();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.terminate(Duration.ofSeconds(30));
    }
  }
}
