package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.TechSmeApplication;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;

/**
 * An endless, deterministic stream of applications of all three programmes over a registry, in
 * submission order. Submissions arrive at exponential gaps with a configurable mean from the start
 * instant; each record is one kind of the {@link Mix} (regular, invalid, unregistered, ineligible,
 * duplicate, amendment, withdrawal). Amendments and withdrawals take the next revision of an
 * earlier application and come after it. Ids are unique and readable: {@code RR-2022-000123},
 * {@code RD-2022-000456}, {@code IL-2022-000789} (programme, year of submission, counter).
 *
 * <p>Regular applications avoid claims already made (one claim per enterprise and period), so the
 * duplicates in the stream are the intended ones, unless the registry is too small for the stream.
 * Programme shares of new applications: rent relief 40%, R&D 35%, loans 25%.
 */
public final class ApplicationGenerator implements Iterator<Generated> {
  /** Mean gap between submissions when none is given. */
  public static final Duration DEFAULT_MEAN_GAP = Duration.ofMinutes(10);

  private static final int POOL_LIMIT = 20_000;
  private static final int TRIES = 30;

  private enum Kind {
    REGULAR,
    INVALID,
    UNREGISTERED,
    INELIGIBLE,
    DUPLICATE,
    AMENDMENT,
    WITHDRAWAL
  }

  private final Draw draw;
  private final Mix mix;
  private final double meanGapMillis;
  private final RegistryView registry;
  private final CreditCodeFactory codes;
  private final RentReliefFactory rentRelief;
  private final RdDeductionFactory rdDeduction;
  private final InnovationLoanFactory innovationLoan;
  private final TechSmeFactory techSme;
  private final Map<Class<?>, ProgrammeFactory> factories = new HashMap<>();
  private final Weighted<ProgrammeFactory> programmes;
  private final Weighted<Kind> kinds;

  private final Map<String, Integer> counters = new HashMap<>();

  /** Programmes whose claims ran out recently: fewer tries, so a small registry stays fast. */
  private final Set<ProgrammeFactory> saturated = new HashSet<>();

  private final Set<String> claims = new HashSet<>();

  /** Latest revision of applications still open to amendment or withdrawal. */
  private final List<String> openIds = new ArrayList<>();

  private final Map<String, SpecificRecord> latest = new HashMap<>();

  /** Registered, valid first revisions a duplicate can copy. */
  private final List<SpecificRecord> claimed = new ArrayList<>();

  private Instant now;

  /** With the default mean gap and {@link Mix#defaults()}. */
  public ApplicationGenerator(long seed, List<Enterprise> registry, Instant start) {
    this(seed, registry, start, DEFAULT_MEAN_GAP, Mix.defaults());
  }

  /**
   * @param seed seed of the stream
   * @param registry the enterprises applicants are drawn from
   * @param start submissions come after it
   * @param meanGap mean time between two submissions
   * @param mix shares of irregular applications
   */
  public ApplicationGenerator(
      long seed, List<Enterprise> registry, Instant start, Duration meanGap, Mix mix) {
    if (meanGap.isNegative() || meanGap.isZero()) {
      throw new IllegalArgumentException("meanGap must be positive: " + meanGap);
    }
    this.draw = new Draw(seed);
    this.mix = Objects.requireNonNull(mix, "mix");
    this.meanGapMillis = meanGap.toMillis();
    this.registry = new RegistryView(registry);
    this.codes = new CreditCodeFactory(draw, new HashSet<>(this.registry.codes()));
    this.rentRelief = new RentReliefFactory(draw, this.registry, new Landlords(draw, codes));
    this.rdDeduction = new RdDeductionFactory(draw, this.registry);
    this.innovationLoan = new InnovationLoanFactory(draw, this.registry);
    this.techSme = new TechSmeFactory(draw, this.registry);
    this.programmes =
        new Weighted<ProgrammeFactory>()
            .add(rentRelief, 0.35)
            .add(rdDeduction, 0.30)
            .add(innovationLoan, 0.20)
            .add(techSme, 0.15);
    factories.put(RentReliefApplication.class, rentRelief);
    factories.put(RdDeductionApplication.class, rdDeduction);
    factories.put(InnovationLoanApplication.class, innovationLoan);
    factories.put(TechSmeApplication.class, techSme);
    this.kinds =
        new Weighted<Kind>()
            .add(Kind.REGULAR, mix.regular())
            .add(Kind.INVALID, mix.invalid())
            .add(Kind.UNREGISTERED, mix.unregistered())
            .add(Kind.INELIGIBLE, mix.ineligible())
            .add(Kind.DUPLICATE, mix.duplicates())
            .add(Kind.AMENDMENT, mix.amendments())
            .add(Kind.WITHDRAWAL, mix.withdrawals());
    this.now = start.truncatedTo(ChronoUnit.MILLIS);
  }

  public Mix mix() {
    return mix;
  }

  /** Always true: the stream is endless. */
  @Override
  public boolean hasNext() {
    return true;
  }

  @Override
  public Generated next() {
    now = now.plusMillis(Math.max(1, Math.round(draw.exponential(meanGapMillis))));
    Kind kind = kinds.draw(draw);
    SpecificRecord record =
        switch (kind) {
          case AMENDMENT -> amendment();
          case WITHDRAWAL -> withdrawal();
          case DUPLICATE -> duplicate();
          default -> null;
        };
    if (record == null) {
      record =
          firstRevision(
              kind == Kind.AMENDMENT || kind == Kind.WITHDRAWAL || kind == Kind.DUPLICATE
                  ? Kind.REGULAR
                  : kind);
    }
    return Generated.of(record);
  }

  /** This generator as an endless sequential stream; limit it. */
  public Stream<Generated> stream() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
        false);
  }

  /** The next {@code count} records. */
  public List<Generated> take(int count) {
    List<Generated> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(next());
    }
    return out;
  }

  private SpecificRecord firstRevision(Kind kind) {
    ProgrammeFactory f = programmes.draw(draw);
    SpecificRecord a =
        switch (kind) {
          case INVALID -> f.invalid(draw.pick(f.candidates()), nextId(f), now);
          case UNREGISTERED -> unregistered(f);
          case INELIGIBLE -> ineligible(f);
          default -> regular(f);
        };
    if (kind == Kind.REGULAR || kind == Kind.INELIGIBLE) {
      claims.add(factoryOf(a).claim(a));
      remember(claimed, a);
    }
    open(a);
    return a;
  }

  /** A regular application making a claim not made before; other programmes when one is full. */
  private SpecificRecord regular(ProgrammeFactory first) {
    String id = nextId(first);
    SpecificRecord fallback = null;
    for (ProgrammeFactory f : List.of(first, rentRelief, rdDeduction, innovationLoan, techSme)) {
      String fid = f == first ? id : null;
      int tries = saturated.contains(f) ? 2 : TRIES;
      for (int i = 0; i < tries; i++) {
        Enterprise e = draw.pick(f.candidates());
        if (f == innovationLoan && !innovationLoan.fits(e, now)) {
          continue;
        }
        if (fid == null) {
          fid = nextId(f);
        }
        SpecificRecord a = f.regular(e, fid, now);
        if (!claims.contains(f.claim(a))) {
          saturated.remove(f);
          return a;
        }
        if (fallback == null) {
          fallback = a;
        }
      }
      saturated.add(f);
    }
    return fallback != null ? fallback : first.regular(draw.pick(first.candidates()), id, now);
  }

  private SpecificRecord ineligible(ProgrammeFactory f) {
    String id = nextId(f);
    SpecificRecord a = f.ineligible(id, now);
    for (int i = 0; i < TRIES && claims.contains(f.claim(a)); i++) {
      a = f.ineligible(id, now);
    }
    return a;
  }

  /** A valid credit code that is not in the registry, on an otherwise ordinary application. */
  private SpecificRecord unregistered(ProgrammeFactory f) {
    Enterprise template = draw.pick(f.candidates());
    String code =
        codes.next(
            "91", Zone.of(template.getZone()).registrationRegion(), template.getRegisteredOn());
    return f.regular(Enterprise.newBuilder(template).setCreditCode(code).build(), nextId(f), now);
  }

  private SpecificRecord duplicate() {
    for (int i = 0; i < 5 && !claimed.isEmpty(); i++) {
      SpecificRecord original = draw.pick(claimed);
      ProgrammeFactory f = factoryOf(original);
      SpecificRecord copy = Revisions.duplicate(original, nextId(f), now);
      // A loan claim is per year of submission: a copy in a later year is a new claim.
      if (f.claim(copy).equals(f.claim(original))) {
        open(copy);
        return copy;
      }
    }
    return null;
  }

  private SpecificRecord amendment() {
    if (openIds.isEmpty()) {
      return null;
    }
    String id = draw.pick(openIds);
    double factor = draw.chance(0.5) ? draw.uniform(0.5, 0.85) : draw.uniform(1.15, 1.6);
    SpecificRecord original = latest.get(id);
    SpecificRecord amended = factoryOf(original).amend(original, now, factor);
    latest.put(id, amended);
    return amended;
  }

  private SpecificRecord withdrawal() {
    if (openIds.isEmpty()) {
      return null;
    }
    int index = draw.nextInt(openIds.size());
    String id = openIds.get(index);
    removeOpen(index);
    return Revisions.withdraw(latest.remove(id), now);
  }

  private void open(SpecificRecord a) {
    String id = Generated.of(a).key();
    if (openIds.size() >= POOL_LIMIT) {
      latest.remove(openIds.get(0));
      removeOpen(0);
    }
    openIds.add(id);
    latest.put(id, a);
  }

  /** Swap-remove: order in the pool does not matter, only determinism does. */
  private void removeOpen(int index) {
    int last = openIds.size() - 1;
    openIds.set(index, openIds.get(last));
    openIds.remove(last);
  }

  private void remember(List<SpecificRecord> pool, SpecificRecord a) {
    if (pool.size() >= POOL_LIMIT) {
      pool.set(draw.nextInt(pool.size()), a);
    } else {
      pool.add(a);
    }
  }

  private ProgrammeFactory factoryOf(SpecificRecord a) {
    return factories.get(a.getClass());
  }

  private String nextId(ProgrammeFactory f) {
    int n = counters.merge(f.prefix(), 1, Integer::sum);
    return String.format("%s-%d-%06d", f.prefix(), Cst.year(now), n);
  }
}
