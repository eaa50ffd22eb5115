package cn.gxq.subsidy.benchmark;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * A short reading of a JFR recording of the Streams JVM ({@code --profile}): of the execution
 * samples taken on stream threads, the hottest methods by their own samples (the top frame), the
 * project's own methods by the samples they are anywhere on the stack of, and own samples by
 * package; and the JVM's CPU time by thread, from JFR's per-second CPU loads, with what no Java
 * thread accounts for (GC, the JIT, RocksDB's own threads) as one line. The recording itself stays
 * beside results.json for JDK Mission Control.
 */
record Profile(
    Path file,
    long samples,
    long streamThreadSamples,
    List<Share> topFrames,
    List<Share> projectInclusive,
    List<Share> packages,
    double jvmCpuSeconds,
    Map<String, Double> cpuSecondsByThread) {

  /** A method or package and its samples on stream threads. */
  record Share(String name, long samples) {}

  private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

  static final int TOP = 15;
  private static final String PROJECT = "cn.gxq.";

  static Profile read(Path file) throws IOException {
    final Map<String, Long> self = new HashMap<>();
    final Map<String, Long> inclusive = new HashMap<>();
    final Map<String, Long> packages = new HashMap<>();
    final Map<String, Double> threads = new HashMap<>();
    final int cores = Runtime.getRuntime().availableProcessors();
    double jvm = 0;
    long samples = 0;
    long stream = 0;
    for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
      final String type = e.getEventType().getName();
      // Loads are shares of the whole machine over the period (1 s, see StreamsWorker).
      if (type.equals("jdk.CPULoad")) {
        jvm += (e.getFloat("jvmUser") + e.getFloat("jvmSystem")) * cores;
        continue;
      }
      if (type.equals("jdk.ThreadCPULoad") && e.getThread("eventThread") != null) {
        final String name = String.valueOf(e.getThread("eventThread").getJavaName());
        threads.merge(
            name.replaceAll(UUID, "*").replaceAll("\\d+", "N"),
            (double) (e.getFloat("user") + e.getFloat("system")) * cores,
            Double::sum);
        continue;
      }
      if (!type.equals("jdk.ExecutionSample")) {
        continue;
      }
      samples++;
      final var thread = e.getThread("sampledThread");
      if (thread == null
          || thread.getJavaName() == null
          || !thread.getJavaName().contains("StreamThread")
          || e.getStackTrace() == null
          || e.getStackTrace().getFrames().isEmpty()) {
        continue;
      }
      stream++;
      final List<RecordedFrame> frames = e.getStackTrace().getFrames();
      final RecordedMethod top = frames.get(0).getMethod();
      self.merge(name(top), 1L, Long::sum);
      packages.merge(packageOf(top), 1L, Long::sum);
      final Set<String> seen = new HashSet<>();
      for (RecordedFrame f : frames) {
        final String n = name(f.getMethod());
        if (n.startsWith(PROJECT) && seen.add(n)) {
          inclusive.merge(n, 1L, Long::sum);
        }
      }
    }
    final Map<String, Double> byThread = new LinkedHashMap<>();
    threads.entrySet().stream()
        .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
        .limit(8)
        .forEach(t -> byThread.put(t.getKey(), t.getValue()));
    final double java = threads.values().stream().mapToDouble(Double::doubleValue).sum();
    byThread.put("(no Java thread: GC, JIT, RocksDB's own threads)", Math.max(0, jvm - java));
    return new Profile(
        file, samples, stream, top(self), top(inclusive), top(packages), jvm, byThread);
  }

  private static String name(RecordedMethod m) {
    return m.getType().getName() + "." + m.getName();
  }

  /**
   * The first three parts of the class's package: org.apache.kafka, org.rocksdb, cn.gxq.subsidy.
   */
  private static String packageOf(RecordedMethod m) {
    final String[] parts = m.getType().getName().split("\\.");
    final int n = Math.min(3, parts.length - 1);
    return n <= 0 ? "(default)" : String.join(".", java.util.Arrays.copyOf(parts, n));
  }

  private static List<Share> top(Map<String, Long> counts) {
    final List<Share> all = new ArrayList<>();
    counts.forEach((k, v) -> all.add(new Share(k, v)));
    all.sort((a, b) -> Long.compare(b.samples(), a.samples()));
    return all.subList(0, Math.min(TOP, all.size()));
  }

  List<String> summary() {
    final List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            "JFR %s: %,d execution samples, %,d on stream threads",
            file.getFileName(), samples, streamThreadSamples));
    section(lines, "hottest methods (own samples)", topFrames);
    section(lines, "project methods (on the stack)", projectInclusive);
    section(lines, "own samples by package", packages);
    lines.add(String.format("  JVM CPU %.1f s while recording, by thread:", jvmCpuSeconds));
    cpuSecondsByThread.forEach(
        (name, seconds) ->
            lines.add(
                String.format(
                    "    %5.1f%%  %7.1f s  %s",
                    100 * seconds / Math.max(1e-9, jvmCpuSeconds), seconds, name)));
    return lines;
  }

  private void section(List<String> lines, String title, List<Share> shares) {
    lines.add("  " + title + ":");
    for (Share s : shares) {
      lines.add(
          String.format(
              "    %5.1f%%  %,7d  %s",
              100.0 * s.samples() / Math.max(1, streamThreadSamples), s.samples(), s.name()));
    }
  }

  Map<String, Object> json() {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("file", file.toString());
    m.put("executionSamples", samples);
    m.put("streamThreadSamples", streamThreadSamples);
    m.put("topFrames", shares(topFrames));
    m.put("projectMethodsOnStack", shares(projectInclusive));
    m.put("ownSamplesByPackage", shares(packages));
    m.put("jvmCpuSeconds", Throughput.round(jvmCpuSeconds, 1));
    final Map<String, Double> threads = new LinkedHashMap<>();
    cpuSecondsByThread.forEach((k, v) -> threads.put(k, Throughput.round(v, 1)));
    m.put("cpuSecondsByThread", threads);
    return m;
  }

  private static Map<String, Long> shares(List<Share> shares) {
    final Map<String, Long> m = new LinkedHashMap<>();
    shares.forEach(s -> m.put(s.name(), s.samples()));
    return m;
  }
}
