package cn.gxq.subsidy.app;

import java.time.Duration;

/** One progress line of a replay: records replayed, their rate and the time left at that rate. */
final class ReplayProgress {

  private ReplayProgress() {}

  static String line(long replayed, long total, Duration elapsed) {
    final double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    final long rate = Math.round(replayed / seconds);
    final String left =
        replayed >= total
            ? "draining the last hops"
            : rate == 0
                ? "time left unknown"
                : "about " + clock(Math.round((total - replayed) / (double) rate)) + " left";
    return String.format(
        "whatif: %,d of %,d records replayed (%d%%), %,d/s, %s, %s elapsed",
        replayed,
        total,
        total == 0 ? 100 : replayed * 100 / total,
        rate,
        left,
        clock(Math.round(seconds)));
  }

  private static String clock(long seconds) {
    return seconds >= 60 ? (seconds / 60) + "m " + (seconds % 60) + "s" : seconds + "s";
  }
}
