package cn.gxq.subsidy.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One throughput measurement.
 *
 * @param heap the Streams JVM's heap figures, null for plain clients
 * @param cpuSeconds CPU time the Streams JVM spent over the measured window (all its threads, GC
 *     and JIT included), -1 where not measured
 */
record Throughput(
    String name,
    long records,
    long bytes,
    double seconds,
    HeapMonitor.Snapshot heap,
    double cpuSeconds) {

  Throughput(String name, long records, long bytes, double seconds, HeapMonitor.Snapshot heap) {
    this(name, records, bytes, seconds, heap, -1);
  }

  double recordsPerSecond() {
    return records / seconds;
  }

  double megabytesPerSecond() {
    return bytes / seconds / 1e6;
  }

  /** Streams CPU per record (per decided application in the pipeline), or -1. */
  double cpuMillisPerRecord() {
    return cpuSeconds < 0 || records == 0 ? -1 : cpuSeconds * 1000 / records;
  }

  Map<String, Object> json() {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("records", records);
    m.put("bytes", bytes);
    m.put("seconds", round(seconds, 3));
    m.put("recordsPerSecond", Math.round(recordsPerSecond()));
    m.put("megabytesPerSecond", round(megabytesPerSecond(), 2));
    if (cpuSeconds >= 0) {
      m.put("streamsCpuSeconds", round(cpuSeconds, 2));
      m.put("streamsCpuMillisPerRecord", round(cpuMillisPerRecord(), 4));
    }
    if (heap != null) {
      m.put("heap", Report.heapJson(heap));
    }
    return m;
  }

  static double round(double value, int decimals) {
    final double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
