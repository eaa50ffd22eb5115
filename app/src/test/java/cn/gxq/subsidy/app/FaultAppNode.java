package cn.gxq.subsidy.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One application instance as a child JVM ({@code SubsidyCli run}), always restarted on its own
 * data directory and HTTP port, like a pod that comes back on the same volume.
 */
final class FaultAppNode implements AutoCloseable {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final String name;
  private final List<String> args;
  private final Path log;
  private final int httpPort;
  private FaultChildProcess process;

  private final String classPath;

  FaultAppNode(
      String name,
      Path runDir,
      String classPath,
      String bootstrap,
      String registryUrl,
      String applicationId,
      int partitions,
      short replication) {
    this.name = name;
    this.classPath = classPath;
    this.httpPort = ClusterFixture.freePort();
    this.log = runDir.resolve(name + ".log");
    this.args =
        List.of(
            "run",
            "--bootstrap-servers",
            bootstrap,
            "--schema-registry-url",
            registryUrl,
            "--data-dir",
            runDir.resolve(name).toString(),
            "--http-port",
            Integer.toString(httpPort),
            "--application-id",
            applicationId,
            "--partitions",
            Integer.toString(partitions),
            "--replication-factor",
            Integer.toString(replication));
  }

  /** Starts the instance and waits until it has started its streams. */
  FaultAppNode start() throws InterruptedException {
    final long from = log.toFile().length();
    process =
        FaultChildProcess.start(name, classPath, SubsidyCli.class.getName(), args, log, "-Xmx512m");
    // Minutes, not seconds: on two shared cores a restart has taken over 90 s.
    process.awaitLine("Ready.", from, Duration.ofMinutes(3));
    return this;
  }

  /** SIGKILL: no shutdown hook runs, no transaction is committed or aborted by the instance. */
  void kill() throws InterruptedException {
    process.kill();
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The Kafka Streams state the instance reports on {@code /health}, or why it cannot. */
  String state() {
    try {
      final HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/health"))
                  .timeout(Duration.ofSeconds(3))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.body().replaceAll(".*\"state\"\\s*:\\s*\"([A-Z_]+)\".*", "$1").trim();
    } catch (Exception e) {
      return "UNREACHABLE";
    }
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.kill();
    }
  }
}
