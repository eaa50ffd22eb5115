package cn.gxq.subsidy.app;

import cn.gxq.subsidy.broker.BrokerMain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The Kafka broker as a child JVM on a persistent data directory and fixed ports, so that a restart
 * is the same broker coming back: clients reconnect to the address they know.
 */
final class FaultBroker implements AutoCloseable {

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

  private final Path dataDir;
  private final Path log;
  private final int port;
  private final int controllerPort;
  private FaultChildProcess process;

  private final String classPath;

  FaultBroker(Path runDir, String classPath) {
    this.classPath = classPath;
    this.dataDir = runDir.resolve("kafka");
    this.log = runDir.resolve("broker.log");
    this.port = ClusterFixture.freePort();
    this.controllerPort = ClusterFixture.freePort();
  }

  String bootstrap() {
    return "127.0.0.1:" + port;
  }

  FaultBroker start() throws InterruptedException {
    final long from = log.toFile().length(); // a READY of an earlier start must not count
    process =
        FaultChildProcess.start(
            "broker",
            classPath,
            BrokerMain.class.getName(),
            List.of(
                "--data-dir",
                dataDir.toString(),
                "--port",
                Integer.toString(port),
                "--controller-port",
                Integer.toString(controllerPort)),
            log,
            "-Xmx768m");
    process.awaitLine(BrokerMain.READY_MARKER, from, START_TIMEOUT);
    return this;
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
