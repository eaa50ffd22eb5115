package cn.gxq.subsidy.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A {@link StreamsWorker} in a child JVM with its own heap limit: start it, wait for its state, ask
 * for its heap, stop it. Its log goes to a file, its reports come back over stdout.
 */
final class StreamsProcess implements AutoCloseable {

  /** One store's restoration as the worker reported it. */
  record Restored(String store, long records, long millis, long endedMillis) {}

  private final Process process;
  private final long startedMillis;
  private final List<Restored> restored = new CopyOnWriteArrayList<>();
  private volatile String state = "CREATED";
  private volatile long firstRunningMillis = -1;
  private volatile CompletableFuture<HeapMonitor.Snapshot> nextHeap = new CompletableFuture<>();
  private final CompletableFuture<Void> exited = new CompletableFuture<>();
  private final Map<String, String> digestLines = new java.util.TreeMap<>();
  private volatile CompletableFuture<Map<String, String>> nextDigest = new CompletableFuture<>();
  private volatile CompletableFuture<Void> nextProfile = new CompletableFuture<>();

  private StreamsProcess(Process process, long startedMillis) {
    this.process = process;
    this.startedMillis = startedMillis;
    final Thread reader = new Thread(this::readReports, "streams-worker-reports");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Profiling or GC flags for the application under test only, e.g. -XX:StartFlightRecording, from
   * {@code BENCHMARK_STREAMS_OPTS}.
   */
  static List<String> extraJvmFlags() {
    final String extra = System.getenv("BENCHMARK_STREAMS_OPTS");
    return extra == null || extra.isBlank() ? List.of() : List.of(extra.trim().split("\\s+"));
  }

  static StreamsProcess start(String heap, Map<String, String> args, Path log) {
    final List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + heap);
    command.add("-XX:+UseG1GC");
    command.addAll(extraJvmFlags());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StreamsWorker.class.getName());
    args.forEach((k, v) -> command.add(k + "=" + v));
    try {
      final long started = System.currentTimeMillis();
      final Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
      return new StreamsProcess(process, started);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the Streams JVM", e);
    }
  }

  boolean alive() {
    return process.isAlive() && !"ERROR".equals(state) && !"PENDING_ERROR".equals(state);
  }

  long pid() {
    return process.pid();
  }

  long startedMillis() {
    return startedMillis;
  }

  /** CPU time the JVM has spent so far, all threads (from /proc), or -1 where not told. */
  double cpuSeconds() {
    return process.toHandle().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
  }

  /** Starts a JFR recording (settings "profile") into {@code file}; see {@link Profile}. */
  void startProfile(Path file) throws IOException {
    command("jfr-start " + file.toAbsolutePath());
  }

  /** Stops the recording and waits until its file is written. */
  void stopProfile() throws Exception {
    final CompletableFuture<Void> answer = nextProfile;
    command("jfr-stop");
    answer.get(60, TimeUnit.SECONDS);
  }

  /** Waits until the application is RUNNING now; returns when it first was (epoch ms). */
  long awaitRunning(Duration timeout) throws InterruptedException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (!"RUNNING".equals(state)) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new IllegalStateException(
            "Streams JVM not RUNNING after "
                + timeout
                + " (state "
                + state
                + ", alive "
                + process.isAlive()
                + ")");
      }
      Thread.sleep(20);
    }
    return firstRunningMillis;
  }

  List<Restored> restored() {
    return List.copyOf(restored);
  }

  HeapMonitor.Snapshot heap() throws Exception {
    final CompletableFuture<HeapMonitor.Snapshot> answer = nextHeap;
    command("heap");
    return answer.get(30, TimeUnit.SECONDS);
  }

  /**
   * A fingerprint of every store of the running application: store name → {@code count hash}, or
   * {@code - reason} for a store that cannot be read as key-value (see {@link StoreDigest}).
   */
  Map<String, String> digest(Duration timeout) throws Exception {
    final CompletableFuture<Map<String, String>> answer = nextDigest;
    command("digest");
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        return answer.get(1, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        if (!process.isAlive()) {
          throw new IllegalStateException("the Streams JVM exited before its digest", e);
        }
      }
    }
    throw new IllegalStateException("no digest from the Streams JVM after " + timeout);
  }

  /** Stops the application cleanly and returns its heap figures over its whole life. */
  HeapMonitor.Snapshot stop() throws Exception {
    final CompletableFuture<HeapMonitor.Snapshot> answer = nextHeap;
    command("stop");
    final HeapMonitor.Snapshot last = answer.get(90, TimeUnit.SECONDS);
    exited.get(30, TimeUnit.SECONDS);
    process.waitFor(30, TimeUnit.SECONDS);
    return last;
  }

  private void command(String line) throws IOException {
    final OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private void readReports() {
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (!line.startsWith(StreamsWorker.TAG)) {
          continue;
        }
        final String[] parts = line.substring(StreamsWorker.TAG.length()).split(" ", 2);
        switch (parts[0]) {
          case "STATE" -> {
            final String[] s = parts[1].split(" ");
            state = s[0];
            if (s[0].equals("RUNNING") && firstRunningMillis < 0) {
              firstRunningMillis = Long.parseLong(s[1]);
            }
          }
          case "RESTORED" -> {
            final String[] r = parts[1].split(" ");
            restored.add(
                new Restored(
                    r[0], Long.parseLong(r[1]), Long.parseLong(r[2]), Long.parseLong(r[3])));
          }
          case "HEAP" -> {
            final CompletableFuture<HeapMonitor.Snapshot> done = nextHeap;
            nextHeap = new CompletableFuture<>();
            done.complete(HeapMonitor.Snapshot.parse(parts[1]));
          }
          case "DIGEST" -> {
            final String[] d = parts[1].split(" ", 2);
            synchronized (digestLines) {
              digestLines.put(d[0], d[1]);
            }
          }
          case "DIGESTED" -> {
            final Map<String, String> lines;
            synchronized (digestLines) {
              lines = new java.util.TreeMap<>(digestLines);
              digestLines.clear();
            }
            final CompletableFuture<Map<String, String>> done = nextDigest;
            nextDigest = new CompletableFuture<>();
            done.complete(lines);
          }
          case "PROFILED" -> {
            final CompletableFuture<Void> done = nextProfile;
            nextProfile = new CompletableFuture<>();
            done.complete(null);
          }
          case "EXIT" -> exited.complete(null);
          default -> {}
        }
      }
    } catch (IOException e) {
      // the process died; waiters time out with its state
    } finally {
      exited.complete(null);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      try {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        process.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
