package cn.gxq.subsidy.whatif;

import java.time.Duration;

/**
 * One progress line of a replay: records read and decided, the rate of decisions and the time left
 * at that rate.
 */
final class ReplayProgress {

  private ReplayProgress() {}

  static String line(ReplayWatch.Status status, Duration elapsed) {
    final double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
    final long decided = status.decided();
    final long rate = Math.round(decided / seconds);
    final String left =
        rate == 0
            ? "time left unknown"
            : "about " + clock(Math.round((status.total() - decided) / (double) rate)) + " left";
    return String.format(
        "whatif: %,d of %,d records read, about %,d decided (%d%%), %,d/s, %s, %s elapsed",
        status.read(),
        status.total(),
        decided,
        status.total() == 0 ? 100 : decided * 100 / status.total(),
        rate,
        left,
        clock(Math.round(seconds)));
  }

  private static String clock(long seconds) {
    return seconds >= 60 ? (seconds / 60) + "m " + (seconds % 60) + "s" : seconds + "s";
  }
}
