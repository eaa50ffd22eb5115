package cn.gxq.subsidy.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Latencies in nanoseconds, and their percentiles in milliseconds. */
final class LatencyLog {

  private long[] values = new long[1024];
  private int size;

  synchronized void add(long nanos) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = nanos;
  }

  synchronized int size() {
    return size;
  }

  /** Nearest-rank percentile in ms; NaN when empty. */
  synchronized double percentileMillis(double p) {
    if (size == 0) {
      return Double.NaN;
    }
    final long[] sorted = Arrays.copyOf(values, size);
    Arrays.sort(sorted);
    final int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
  }

  Map<String, Object> json() {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("samples", size());
    m.put("p50Ms", Throughput.round(percentileMillis(50), 1));
    m.put("p90Ms", Throughput.round(percentileMillis(90), 1));
    m.put("p99Ms", Throughput.round(percentileMillis(99), 1));
    m.put("maxMs", Throughput.round(percentileMillis(100), 1));
    return m;
  }
}
