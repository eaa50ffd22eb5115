package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Enterprise;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One seeded demo: a registry, its budgets and a stream of applications, plus later registry
 * changes and budget raises. Every method returns the same records on every call, and two scenarios
 * built from the same arguments return the same records.
 */
public final class DemoScenario {
  /** Share of the registry that publishes a changed version during a {@link #timeline}. */
  static final double CHANGED_SHARE = 0.05;

  private final long seed;
  private final int enterpriseCount;
  private final Instant start;
  private final Duration meanGap;
  private final Mix mix;
  private final List<Enterprise> registry;

  private DemoScenario(long seed, int enterprises, Instant start, Duration meanGap, Mix mix) {
    if (enterprises < 1) {
      throw new IllegalArgumentException("need at least one enterprise, got " + enterprises);
    }
    this.seed = seed;
    this.enterpriseCount = enterprises;
    this.start = start.truncatedTo(ChronoUnit.MILLIS);
    this.meanGap = meanGap;
    this.mix = mix;
    this.registry = List.copyOf(new EnterpriseGenerator(seed, this.start).generate(enterprises));
  }

  /** The default mean gap and {@link Mix#defaults()}. */
  public static DemoScenario standard(long seed, int enterprises, Instant start) {
    return new DemoScenario(
        seed, enterprises, start, ApplicationGenerator.DEFAULT_MEAN_GAP, Mix.defaults());
  }

  public static DemoScenario of(
      long seed, int enterprises, Instant start, Duration meanGap, Mix mix) {
    return new DemoScenario(seed, enterprises, start, meanGap, mix);
  }

  public long seed() {
    return seed;
  }

  public Instant start() {
    return start;
  }

  /** The registry as of the start instant. */
  public List<Enterprise> registry() {
    return registry;
  }

  /** The registry as records for the enterprises topic, all at the start instant. */
  public List<Generated> enterprises() {
    return registry.stream().map(Generated::of).toList();
  }

  /** The initial budgets, at the start instant. */
  public List<Generated> budgets() {
    return budgetGenerator().initial().stream().map(Generated::of).toList();
  }

  /** Raises of some budgets at {@code at} (new totals). */
  public List<Generated> budgetRaises(Instant at) {
    return budgetGenerator().raises(at).stream().map(Generated::of).toList();
  }

  /**
   * Changed versions of about 5% of the registry, at times spread evenly over {@code from..to} in
   * time order: enterprises that grew, to exercise the registry's history.
   */
  public List<Generated> enterpriseChanges(Instant from, Instant to) {
    EnterpriseGenerator changer = new EnterpriseGenerator(seed ^ 0x5DEECE66DL, start);
    Draw draw = new Draw(seed ^ 0xC0FFEEL);
    int count = (int) Math.ceil(registry.size() * CHANGED_SHARE);
    long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
    List<Generated> out = new ArrayList<>(count);
    // Changes build on the enterprise's latest version, so a registry history only grows.
    Map<String, Enterprise> current = new HashMap<>();
    for (int i = 0; i < count; i++) {
      Instant at = from.plusMillis(span * (i + 1) / (count + 1));
      Enterprise e = draw.pick(registry);
      Enterprise next = changer.changed(current.getOrDefault(e.getCreditCode(), e), at);
      current.put(next.getCreditCode(), next);
      out.add(Generated.of(next));
    }
    return out;
  }

  /** A fresh, endless application stream; every call starts over with the same records. */
  public Stream<Generated> applications() {
    return applicationGenerator().stream();
  }

  public ApplicationGenerator applicationGenerator() {
    return new ApplicationGenerator(seed ^ 0x9E3779B97F4A7C15L, registry, start, meanGap, mix);
  }

  /**
   * Everything in event-time order for {@code applications} applications: the registry and the
   * budgets at the start, then the applications with registry changes and, half-way through, budget
   * raises among them. Ties keep registry and budget records first.
   */
  public List<Generated> timeline(int applications) {
    List<Generated> apps = applications().limit(applications).toList();
    Instant end = apps.isEmpty() ? start.plus(meanGap) : apps.get(apps.size() - 1).eventTime();
    Instant middle = start.plusMillis((end.toEpochMilli() - start.toEpochMilli()) / 2);
    List<Generated> later = new ArrayList<>();
    later.addAll(enterpriseChanges(start.plusMillis(1), end));
    later.addAll(budgetRaises(middle));
    later.addAll(apps);
    later.sort(Comparator.comparing(Generated::eventTime)); // stable: changes and raises first
    List<Generated> out = new ArrayList<>(enterprises());
    out.addAll(budgets());
    out.addAll(later);
    return out;
  }

  private BudgetGenerator budgetGenerator() {
    return new BudgetGenerator(enterpriseCount, start);
  }
}
