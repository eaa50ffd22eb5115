package cn.gxq.subsidy.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One throughput measurement.
 *
 * @param heap the Streams JVM's heap figures, null for plain clients
 */
record Throughput(
    String name, long records, long bytes, double seconds, HeapMonitor.Snapshot heap) {

  double recordsPerSecond() {
    return records / seconds;
  }

  double megabytesPerSecond() {
    return bytes / seconds / 1e6;
  }

  Map<String, Object> json() {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("records", records);
    m.put("bytes", bytes);
    m.put("seconds", round(seconds, 3));
    m.put("recordsPerSecond", Math.round(recordsPerSecond()));
    m.put("megabytesPerSecond", round(megabytesPerSecond(), 2));
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
