package cn.gxq.subsidy.app;

import cn.gxq.subsidy.app.people.PersonRole;
import cn.gxq.subsidy.app.people.Users;
import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * {@code bin/subsidy run --secure --demo} as an operator starts it, in a child JVM: the embedded
 * broker with TLS, SCRAM and ACLs on its default port, the registry with write credentials, the
 * demo's stream of applications, and the HTTP API over TLS behind sign-in. People are added to its
 * users file as {@code bin/subsidy users add} does, while it runs.
 */
final class SecureRun implements AutoCloseable {

  private final Path dataDir;
  private final int httpPort = ClusterFixture.freePort();
  private final FaultChildProcess process;
  private final HttpsClient https;

  SecureRun(Path dir) throws Exception {
    for (int port : new int[] {9092, 8081}) {
      try (ServerSocket probe = new ServerSocket(port)) {
        probe.setReuseAddress(true);
      } catch (IOException e) {
        throw new AssertionError(
            "run --secure needs port " + port + " (its embedded default); something holds it", e);
      }
    }
    this.dataDir = dir.resolve("data");
    final Path log = dir.resolve("run.log");
    process =
        FaultChildProcess.start(
            "run-secure",
            FaultClassPath.snapshot(dir.resolve("classpath")),
            SubsidyCli.class.getName(),
            List.of(
                "run",
                "--secure",
                "--demo",
                "--demo-rate",
                "40",
                "--data-dir",
                dataDir.toString(),
                "--http-port",
                Integer.toString(httpPort)),
            log,
            "-Xmx768m");
    process.awaitLine("Ready.", 0, Duration.ofMinutes(3));
    final Properties secrets = new Properties();
    try (Reader in =
        Files.newBufferedReader(
            dataDir.resolve("security").resolve("secrets.properties"), StandardCharsets.UTF_8)) {
      secrets.load(in);
    }
    https =
        new HttpsClient(
            dataDir.resolve("security").resolve("tls").resolve("truststore.p12"),
            secrets.getProperty("tls"));
  }

  /** Adds a person to the running instance's users file. */
  void addUser(String name, String password, PersonRole role, List<String> zones)
      throws IOException {
    final Path file = dataDir.resolve("security").resolve("users.json");
    Users.load(file).with(name, password.toCharArray(), List.of(role), zones).save(file);
  }

  String url() {
    return "https://127.0.0.1:" + httpPort;
  }

  HttpsClient https() {
    return https;
  }

  /** What {@code run} printed since it started. */
  String log() {
    return process.logSince(0);
  }

  @Override
  public void close() throws InterruptedException {
    process.terminate(Duration.ofSeconds(30));
  }
}
