package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Enterprise;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A national year and a half at the seed's scale: a registry of about a million enterprises that
 * changes through 2022 and the first half of 2023 (enterprises grow and gain high-tech certificates
 * and tech-SME years, new ones register), budgets raised and cut during the period, and about two
 * million applications of every programme from 2022-01-01 to 2023-06-30, across the 2023.1 policy
 * version. Half of 中关村's enterprises are registered in 海淀区 ({@link #DISTRICT}), as the real zone
 * concentrates there, so one district's tech-SME evaluations run to tens of thousands a year.
 *
 * <p>Records come from the demo's own generators: {@link EnterpriseGenerator} (registry and its
 * changes), {@link BudgetGenerator} and {@link ApplicationGenerator} (its programme factories and
 * {@link Mix#defaults()}: amendments, withdrawals, duplicates, invalid and ineligible
 * applications). Deterministic for a seed and sizes.
 */
public final class NationalYear {

  /** When the initial registry and budgets are dated: the day before the period. */
  public static final Instant REGISTRY_AT = cst(2021, 12, 31);

  /** First day of the period, 00:00 CST. */
  public static final Instant FROM = cst(2022, 1, 1);

  /** End of the period (exclusive): 2023-07-01 00:00 CST. */
  public static final Instant TO = cst(2023, 7, 1);

  /** 海淀区: the district where 中关村 concentrates (positions 3–8 of its credit codes). */
  public static final String DISTRICT = "110108";

  /** Share of 中关村's enterprises registered in {@link #DISTRICT} (the generator spreads 1/5). */
  static final double DISTRICT_SHARE_OF_ZGC = 0.5;

  /** Share of the registry that registers during the period rather than before it. */
  static final double NEW_SHARE = 0.05;

  /** Registry changes during the period, as a share of the registry. */
  static final double CHANGED_SHARE = 0.25;

  /** Budget raises (BudgetGenerator#raises) take effect on this day. */
  public static final Instant RAISES_AT = cst(2022, 7, 1);

  /** Budget cuts (BudgetGenerator#cuts) take effect on this day. */
  public static final Instant CUTS_AT = cst(2022, 10, 1);

  private final long seed;
  private final int enterprises;
  private final int applications;
  private final List<Enterprise> initial;
  private final List<Enterprise> newcomers;
  private final int inDistrict;

  /**
   * @param seed seed of every generator
   * @param enterprises registry size at the end of the period (a {@link #NEW_SHARE} registers
   *     during it)
   * @param applications application records (revisions included) over the period
   */
  public NationalYear(long seed, int enterprises, int applications) {
    if (enterprises < 100 || applications < 1) {
      throw new IllegalArgumentException(
          "need at least 100 enterprises and 1 application: " + enterprises + ", " + applications);
    }
    this.seed = seed;
    this.enterprises = enterprises;
    this.applications = applications;
    final EnterpriseGenerator generator = new EnterpriseGenerator(seed, REGISTRY_AT);
    final int newCount = (int) Math.round(enterprises * NEW_SHARE);
    final List<Enterprise> before = generator.generate(enterprises - newCount);
    final Set<String> codes = new HashSet<>(enterprises * 2);
    before.forEach(e -> codes.add(e.getCreditCode()));
    // New registrations: enterprises of the same generator (unique codes), registered during the
    // period instead, with new-style codes and no certificate or tech-SME year yet.
    final List<Enterprise> fresh = new ArrayList<>(newCount);
    final long span = TO.toEpochMilli() - FROM.toEpochMilli();
    while (fresh.size() < newCount) {
      final Enterprise e = generator.next();
      codes.add(e.getCreditCode());
      if (e.getRegisteredOn().getYear() < 2016) {
        continue;
      }
      final Instant at = FROM.plusMillis(span * (fresh.size() + 1) / (newCount + 1));
      fresh.add(
          Enterprise.newBuilder(e)
              .setRegisteredOn(Cst.date(at))
              .setHighTechCertifiedOn(null)
              .setTechSmeYears(List.of())
              .setUpdatedAt(at)
              .build());
    }
    final Draw draw = new Draw(seed ^ 0x4A1D1A7L);
    final double move = (DISTRICT_SHARE_OF_ZGC - 0.2) / 0.8;
    final List<Enterprise> registry = new ArrayList<>(before.size());
    int district = 0;
    for (Enterprise e : before) {
      Enterprise kept = e;
      final String code = e.getCreditCode();
      if (e.getZone().equals(Zone.ZGC.code())
          && !code.substring(2, 8).equals(DISTRICT)
          && draw.chance(move)) {
        final String moved =
            CreditCodes.complete(code.substring(0, 2) + DISTRICT + code.substring(8, 17));
        if (codes.add(moved)) {
          kept = Enterprise.newBuilder(e).setCreditCode(moved).build();
        }
      }
      if (kept.getCreditCode().substring(2, 8).equals(DISTRICT)) {
        district++;
      }
      registry.add(kept);
    }
    this.initial = List.copyOf(registry);
    this.newcomers = List.copyOf(fresh);
    this.inDistrict = district;
  }

  public int enterprises() {
    return enterprises;
  }

  public int applications() {
    return applications;
  }

  /** Enterprises registered before the period: the applicants. */
  public List<Enterprise> initialRegistry() {
    return initial;
  }

  /** Enterprises of the initial registry registered in {@link #DISTRICT}. */
  public int districtEnterprises() {
    return inDistrict;
  }

  /** Enterprises that register during the period. */
  public int newRegistrations() {
    return newcomers.size();
  }

  /**
   * The registry in event-time order: the initial registry at {@link #REGISTRY_AT}, then changes
   * and new registrations dated through the period. Every record's time is its {@code updatedAt}.
   */
  public List<Generated> registry() {
    final List<Generated> out = new ArrayList<>(initial.size() + newcomers.size() * 6);
    initial.forEach(e -> out.add(Generated.of(e)));
    final List<Generated> later = changes();
    final List<Generated> merged = new ArrayList<>(later.size() + newcomers.size());
    int n = 0;
    for (Generated change : later) {
      while (n < newcomers.size() && !newcomers.get(n).getUpdatedAt().isAfter(change.eventTime())) {
        merged.add(Generated.of(newcomers.get(n++)));
      }
      merged.add(change);
    }
    while (n < newcomers.size()) {
      merged.add(Generated.of(newcomers.get(n++)));
    }
    out.addAll(merged);
    return out;
  }

  /**
   * Changed versions of about a quarter of the initial registry, in time order through the period;
   * a change builds on the enterprise's latest version, so some enterprises change twice.
   */
  private List<Generated> changes() {
    final EnterpriseGenerator changer = new EnterpriseGenerator(seed ^ 0x5DEECE66DL, REGISTRY_AT);
    final Draw draw = new Draw(seed ^ 0xC0FFEEL);
    final int count = (int) Math.ceil(initial.size() * CHANGED_SHARE);
    final long span = TO.toEpochMilli() - FROM.toEpochMilli();
    final List<Generated> out = new ArrayList<>(count);
    final Map<String, Enterprise> current = new HashMap<>();
    for (int i = 0; i < count; i++) {
      final Instant at = FROM.plusMillis(span * (i + 1) / (count + 1));
      final Enterprise e = draw.pick(initial);
      final Enterprise next = changer.changed(current.getOrDefault(e.getCreditCode(), e), at);
      current.put(next.getCreditCode(), next);
      out.add(Generated.of(next));
    }
    return out;
  }

  /** The initial budgets per zone, programme and year, at {@link #REGISTRY_AT}. */
  public List<Generated> budgets() {
    return budgetGenerator().initial().stream().map(Generated::of).toList();
  }

  /** Raises at {@link #RAISES_AT}, then cuts at {@link #CUTS_AT}: new totals, in time order. */
  public List<Generated> budgetChanges() {
    final BudgetGenerator budgets = budgetGenerator();
    final List<Generated> out = new ArrayList<>();
    budgets.raises(RAISES_AT).forEach(b -> out.add(Generated.of(b)));
    budgets.cuts(CUTS_AT).forEach(b -> out.add(Generated.of(b)));
    return out;
  }

  /**
   * The applications in submission order, from {@link #FROM}, at most {@link #applications()} and
   * none at or after {@link #TO}; a fresh iterator starts over with the same records.
   */
  public Iterator<Generated> applicationStream() {
    final Duration gap =
        Duration.ofMillis(
            Math.max(1, (TO.toEpochMilli() - FROM.toEpochMilli()) / (applications + 1L)));
    final ApplicationGenerator generator =
        new ApplicationGenerator(seed ^ 0x9E3779B97F4A7C15L, initial, FROM, gap, Mix.defaults());
    return new Iterator<>() {
      private int emitted;
      private Generated next = advance();

      private Generated advance() {
        if (emitted >= applications) {
          return null;
        }
        final Generated g = generator.next();
        if (!g.eventTime().isBefore(TO)) {
          return null;
        }
        emitted++;
        return g;
      }

      @Override
      public boolean hasNext() {
        return next != null;
      }

      @Override
      public Generated next() {
        if (next == null) {
          throw new NoSuchElementException();
        }
        final Generated g = next;
        next = advance();
        return g;
      }
    };
  }

  private BudgetGenerator budgetGenerator() {
    return new BudgetGenerator(enterprises, REGISTRY_AT);
  }

  private static Instant cst(int year, int month, int day) {
    return ZonedDateTime.of(LocalDate.of(year, month, day).atStartOfDay(), Cst.ZONE).toInstant();
  }
}
