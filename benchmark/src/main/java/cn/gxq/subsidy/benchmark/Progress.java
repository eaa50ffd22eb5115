package cn.gxq.subsidy.benchmark;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Prints a phase's progress every few seconds, so a long run is never silent. */
final class Progress {

  private static final long EVERY_NANOS = TimeUnit.SECONDS.toNanos(5);

  private final PrintStream out;
  private final String phase;
  private final long began = System.nanoTime();
  private long next = began + EVERY_NANOS;

  Progress(PrintStream out, String phase) {
    this.out = out;
    this.phase = phase;
  }

  /** Prints when due: elapsed time and the named counts. */
  void tick(String what, LongSupplier done, long of) {
    final long now = System.nanoTime();
    if (now < next) {
      return;
    }
    next = now + EVERY_NANOS;
    final double seconds = (now - began) / 1e9;
    final long n = done.getAsLong();
    out.printf(
        "  %-12s %6.1f s  %s %,d of %,d (%,.0f/s)%n", phase, seconds, what, n, of, n / seconds);
  }
}
