package cn.gxq.subsidy.connectors.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A process the test started, its output in a log file; stopped gently, then by force. */
final class ChildProcess implements AutoCloseable {

  private final String name;
  private final Process process;
  private final Path log;

  private ChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  static ChildProcess start(String name, List<String> command, Map<String, String> env, Path log)
      throws IOException {
    final ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    final Process process = builder.start();
    // Never outlive the test JVM, whatever way it ends.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    return new ChildProcess(name, process, log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** The last lines of its log, for a failure message. */
  String tail() {
    try {
      final List<String> lines = Files.readAllLines(log);
      return name
          + " log ("
          + log
          + "), last lines:\n"
          + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return name + " log unreadable: " + e;
    }
  }

  @Override
  public void close() {
    // SIGTERM first: the Connect worker commits offsets and leaves its group on shutdown.
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
