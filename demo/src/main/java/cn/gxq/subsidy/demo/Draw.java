package cn.gxq.subsidy.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

/** Random draws shaped for business data, all from one seeded {@link Random}. */
final class Draw {
  private final Random random;

  Draw(Random random) {
    this.random = random;
  }

  Draw(long seed) {
    this(new Random(seed));
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  double uniform(double from, double to) {
    return from + (to - from) * random.nextDouble();
  }

  /** Integer in {@code from..to}, both inclusive. */
  int between(int from, int to) {
    return from + random.nextInt(to - from + 1);
  }

  /**
   * Log-uniform in {@code [from, to)}: sizes of firms spread over orders of magnitude, so a uniform
   * draw would make nearly all of them large.
   */
  double logUniform(double from, double to) {
    double lo = Math.log(from);
    double hi = Math.log(to);
    double v = Math.exp(lo + (hi - lo) * random.nextDouble());
    return Math.min(Math.max(v, from), Math.nextDown(to));
  }

  /** Exponential with the given mean: gaps between independent submissions. */
  double exponential(double mean) {
    return -mean * Math.log(1 - random.nextDouble());
  }

  <T> T pick(List<T> items) {
    return items.get(random.nextInt(items.size()));
  }

  <T> T pick(T[] items) {
    return items[random.nextInt(items.length)];
  }

  LocalDate date(LocalDate from, LocalDate to) {
    long days = to.toEpochDay() - from.toEpochDay();
    return from.plusDays(days <= 0 ? 0 : (long) (random.nextDouble() * (days + 1)));
  }

  int nextInt(int bound) {
    return random.nextInt(bound);
  }
}
