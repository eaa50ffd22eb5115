package cn.gxq.subsidy.whatif;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;

/**
 * The progress lines of one replay: records read and decided, the rate of decisions and the time
 * left at that rate. The rate is taken over the last {@link #WINDOW} of progress, not since the
 * start: the replay's Streams takes a while to start and decisions are counted as they are
 * committed, in bursts, so an average since the start says "0/s" first and then far too long a time
 * left. Until decisions have been seen to move for {@link #BASIS}, the line says it is still
 * estimating.
 */
final class ReplayProgress {

  static final Duration WINDOW = Duration.ofSeconds(30);
  static final Duration BASIS = Duration.ofSeconds(5);

  /** Decisions counted at an elapsed time. */
  private record Sample(Duration at, long decided) {}

  // Only samples since decisions began to move: the start-up before them says nothing of the rate.
  private final Deque<Sample> samples = new ArrayDeque<>();

  /** Notes where the replay stands; called on every poll, printed or not. */
  void observe(ReplayWatch.Status status, Duration elapsed) {
    final long decided = status.decided();
    if (samples.isEmpty() && decided == 0) {
      return;
    }
    samples.addLast(new Sample(elapsed, decided));
    // Keep one sample at or beyond the window's edge, so the window is always fully spanned.
    while (samples.size() > 2 && elapsed.minus(second().at()).compareTo(WINDOW) >= 0) {
      samples.removeFirst();
    }
  }

  /** The line for where the replay stands now (observed first). */
  String line(ReplayWatch.Status status, Duration elapsed) {
    observe(status, elapsed);
    final long decided = status.decided();
    final String rateAndLeft =
        rate()
            .map(
                perSecond ->
                    String.format(
                        "%,d/s, about %s left",
                        Math.round(perSecond),
                        clock(Math.round((status.total() - decided) / perSecond))))
            .orElse("estimating the rate and time left");
    return String.format(
        "whatif: %,d of %,d records read, about %,d decided (%d%%), %s, %s elapsed",
        status.read(),
        status.total(),
        decided,
        status.total() == 0 ? 100 : decided * 100 / status.total(),
        rateAndLeft,
        clock(elapsed.toSeconds()));
  }

  /** Decisions per second over the window; empty while there is no basis for one. */
  private Optional<Double> rate() {
    if (samples.size() < 2) {
      return Optional.empty();
    }
    final Sample first = samples.getFirst();
    final Sample last = samples.getLast();
    final Duration span = last.at().minus(first.at());
    final long moved = last.decided() - first.decided();
    if (span.compareTo(BASIS) < 0 || moved <= 0) {
      return Optional.empty();
    }
    return Optional.of(moved * 1000.0 / span.toMillis());
  }

  private Sample second() {
    final Iterator<Sample> it = samples.iterator();
    it.next();
    return it.next();
  }

  private static String clock(long seconds) {
    return seconds >= 60 ? (seconds / 60) + "m " + (seconds % 60) + "s" : seconds + "s";
  }
}
