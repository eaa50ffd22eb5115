package cn.gxq.subsidy.app;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM on the test's own class path, its output in a log file. Every started child is
 * remembered until it exits, and a JVM shutdown hook kills whatever is left, so no child outlives
 * the test even when the test JVM itself is interrupted.
 */
final class FaultChildProcess {

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(FaultChildProcess::killAll, "fault-children"));
  }

  private final String name;
  private final Process process;
  private final Path log;

  private FaultChildProcess(String name, Process process, Path log) {
    this.name = name;
    this.process = process;
    this.log = log;
  }

  /** Starts {@code mainClass} in a new JVM on {@code classPath}; output appends to {@code log}. */
  static FaultChildProcess start(
      String name,
      String classPath,
      String mainClass,
      List<String> args,
      Path log,
      String... jvmOptions) {
    final List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions));
    command.add("-cp");
    command.add(classPath);
    command.add(mainClass);
    command.addAll(args);
    try {
      Files.writeString(
          log,
          "=== start " + name + " " + String.join(" ", args) + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      final Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .start();
      LIVE.add(process);
      process.onExit().thenRun(() -> LIVE.remove(process));
      return new FaultChildProcess(name, process, log);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + name, e);
    }
  }

  /** Waits until the log has a line starting with {@code marker} after {@code fromOffset}. */
  void awaitLine(String marker, long fromOffset, Duration timeout) throws InterruptedException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (logSince(fromOffset).lines().anyMatch(l -> l.startsWith(marker))) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException(
            name
                + " exited with "
                + process.exitValue()
                + " before printing '"
                + marker
                + "'; see "
                + log);
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException(
        name + " did not print '" + marker + "' within " + timeout + "; see " + log);
  }

  long logSize() {
    return log.toFile().length();
  }

  String logSince(long offset) {
    try {
      final byte[] all = Files.readAllBytes(log);
      final int from = (int) Math.min(offset, all.length);
      return new String(all, from, all.length - from, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Waits up to {@code timeout} for the exit; the exit status, or -1 if still running. */
  int awaitExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
  }

  boolean isAlive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** SIGKILL, then waits for the exit: the crash the test is about. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM and a bounded wait for a clean exit; SIGKILL if it does not come. */
  boolean terminate(Duration grace) throws InterruptedException {
    process.destroy();
    if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
      return true;
    }
    kill();
    return false;
  }

  String name() {
    return name;
  }

  /** Kills every child still running, and theirs; for finally blocks and the shutdown hook. */
  static void killAll() {
    for (Process p : List.copyOf(LIVE)) {
      // A child may be a harness with children of its own: they go first.
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
    for (Process p : List.copyOf(LIVE)) {
      try {
        p.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
