package cn.gxq.subsidy.connectors.e2e;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, on a free port in a temp directory, with logical decoding
 * on: {@code pg_createcluster} as root (initdb refuses root), plain {@code initdb}/{@code pg_ctl}
 * otherwise. Without PostgreSQL the test is skipped, or fails when {@code CI=true}.
 */
final class LocalPostgres implements AutoCloseable {

  private static final String SETTINGS =
      String.join(
          "\n",
          "listen_addresses = '127.0.0.1'",
          "wal_level = logical",
          "max_replication_slots = 4",
          "max_wal_senders = 4",
          "fsync = off",
          "synchronous_commit = off",
          "full_page_writes = off",
          "shared_buffers = 32MB",
          "");

  private final Path bin;
  private final String version;
  private final Path dir;
  private final int port;
  private final boolean asRoot;
  private final String clusterName;

  private LocalPostgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.version = bin.getParent().getFileName().toString();
    this.dir = dir;
    this.port = port;
    this.asRoot = "root".equals(System.getProperty("user.name"));
    this.clusterName = "subsidy_it_" + port;
  }

  /** Starts a server, or skips (fails on CI) when PostgreSQL is not installed. */
  static LocalPostgres start(int port) throws Exception {
    final Path bin = installedBin();
    if (bin == null) {
      final String message =
          "PostgreSQL is not installed (apt-get install -y postgresql):"
              + " the end-to-end connector test needs it";
      if ("true".equals(System.getenv("CI"))) {
        fail(message);
      }
      assumeTrue(false, message);
    }
    final Path dir = Files.createTempDirectory("subsidy-pg");
    // The postgres user must reach the data directory below this one.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    final LocalPostgres pg = new LocalPostgres(bin, dir, port);
    pg.boot();
    return pg;
  }

  private static Path installedBin() throws IOException {
    final Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")))
          .max(
              Comparator.comparing(
                  b ->
                      Integer.parseInt(
                          b.getParent().getFileName().toString().replaceAll("\\D", "0"))))
          .orElse(null);
    }
  }

  private void boot() throws Exception {
    final Path data = dir.resolve("data");
    if (asRoot) {
      run(
          "pg_createcluster",
          version,
          clusterName,
          "--datadir=" + data,
          "--port=" + port,
          "--",
          "--auth-local=trust",
          "--auth-host=trust");
      Files.writeString(
          Path.of("/etc/postgresql", version, clusterName, "conf.d", "subsidy.conf"), SETTINGS);
      run("pg_ctlcluster", version, clusterName, "start");
    } else {
      run(bin.resolve("initdb").toString(), "-D", data.toString(), "-A", "trust", "-U", "postgres");
      Files.writeString(
          data.resolve("postgresql.auto.conf"),
          SETTINGS + "port = " + port + "\nunix_socket_directories = '" + dir + "'\n");
      run(
          bin.resolve("pg_ctl").toString(),
          "-D",
          data.toString(),
          "-l",
          dir.resolve("server.log").toString(),
          "-w",
          "start");
    }
  }

  int port() {
    return port;
  }

  /** Creates an empty database. */
  void createDatabase(String name) throws SQLException {
    try (Connection c = connect("postgres");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + name);
    }
  }

  Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database, "postgres", "postgres");
  }

  @Override
  public void close() {
    try {
      if (asRoot) {
        run("pg_ctlcluster", version, clusterName, "stop", "-m", "immediate");
        // Our conf.d file is not pg_dropcluster's: remove it first, or the config folder stays.
        Files.deleteIfExists(
            Path.of("/etc/postgresql", version, clusterName, "conf.d", "subsidy.conf"));
        run("pg_dropcluster", version, clusterName);
      } else {
        run(
            bin.resolve("pg_ctl").toString(),
            "-D",
            dir.resolve("data").toString(),
            "-m",
            "immediate",
            "stop");
      }
    } catch (Exception e) {
      System.err.println("could not stop PostgreSQL cluster " + clusterName + ": " + e);
    }
    ConnectorFlow.deleteQuietly(dir);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    final Process process =
        new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
    final String output;
    if (!process.waitFor(Duration.ofSeconds(60).toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException(String.join(" ", command) + " did not finish in 60 s");
    }
    output = new String(process.getInputStream().readAllBytes());
    if (process.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
    }
  }
}
