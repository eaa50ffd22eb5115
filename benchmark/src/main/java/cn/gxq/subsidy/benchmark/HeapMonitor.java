package cn.gxq.subsidy.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap of this JVM, from GC notifications (heap just before each collection: the true high
 * water mark) and from the live set just after each collection (what the application really holds),
 * plus the resident set's high-water mark, which includes RocksDB's native memory.
 */
final class HeapMonitor {

  private final AtomicLong peakUsed = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final Set<String> heapPools =
      ManagementFactory.getMemoryPoolMXBeans().stream()
          .filter(p -> p.getType() == MemoryType.HEAP)
          .map(MemoryPoolMXBean::getName)
          .collect(Collectors.toSet());

  HeapMonitor start() {
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(
            (notification, handback) -> {
              if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                  notification.getType())) {
                final GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from(
                        (CompositeData) notification.getUserData());
                raise(peakUsed, heapOf(info.getGcInfo().getMemoryUsageBeforeGc()));
                raise(peakAfterGc, heapOf(info.getGcInfo().getMemoryUsageAfterGc()));
              }
            },
            null,
            null);
      }
    }
    return this;
  }

  /** Heap now, counted into the peak: a run that never collects still has a peak. */
  Snapshot snapshot() {
    raise(peakUsed, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    return new Snapshot(
        peakUsed.get(), peakAfterGc.get(), Runtime.getRuntime().maxMemory(), residentPeak());
  }

  private long heapOf(Map<String, MemoryUsage> pools) {
    long sum = 0;
    for (Map.Entry<String, MemoryUsage> pool : pools.entrySet()) {
      if (heapPools.contains(pool.getKey())) {
        sum += pool.getValue().getUsed();
      }
    }
    return sum;
  }

  private static void raise(AtomicLong peak, long value) {
    peak.accumulateAndGet(value, Math::max);
  }

  // VmHWM: the most this process ever had resident, heap and native (RocksDB) together.
  private static long residentPeak() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: unknown
    }
    return -1;
  }

  /**
   * @param peakUsed highest heap use seen (before a collection)
   * @param peakLive highest heap left after a collection
   * @param max the heap limit (-Xmx)
   * @param residentPeak the process's resident high-water mark, -1 when unknown
   */
  record Snapshot(long peakUsed, long peakLive, long max, long residentPeak) {

    String line() {
      return "peakUsed="
          + peakUsed
          + " peakLive="
          + peakLive
          + " max="
          + max
          + " residentPeak="
          + residentPeak;
    }

    static Snapshot parse(String line) {
      final Map<String, Long> values =
          java.util.Arrays.stream(line.trim().split(" "))
              .map(kv -> kv.split("=", 2))
              .collect(Collectors.toMap(kv -> kv[0], kv -> Long.parseLong(kv[1])));
      return new Snapshot(
          values.get("peakUsed"),
          values.get("peakLive"),
          values.get("max"),
          values.get("residentPeak"));
    }
  }
}
