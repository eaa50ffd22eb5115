package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.TaxAssessment;
import cn.gxq.subsidy.policy.SizeClass;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Generates a realistic registry of zone enterprises from a seed: valid and unique credit codes
 * registered in the zone's counties, Chinese names, a technology-heavy industry mix, size figures
 * consistent with 工信部联企业〔2011〕300号, registration dates 1995–2021, high-tech certificates (about
 * 40%), tech-SME years, and a few non-resident or deemed-profit enterprises.
 *
 * <p>Calls are deterministic for a seed: the same sequence of calls yields the same records.
 */
public final class EnterpriseGenerator {
  /** Share of 个体工商户 (USCC type 92) among registry entries. */
  static final double INDIVIDUAL_SHARE = 0.08;

  private static final ZoneId CST = Cst.ZONE;
  private static final LocalDate FIRST_REGISTRATION = LocalDate.of(1995, 1, 1);
  private static final LocalDate LAST_REGISTRATION = LocalDate.of(2021, 12, 31);
  private static final LocalDate FIRST_CERTIFICATE = LocalDate.of(2016, 1, 1);
  private static final LocalDate LAST_CERTIFICATE = LocalDate.of(2022, 12, 31);

  /** Tech-SME registration began in 2017 (国科发政〔2017〕115号). */
  private static final int FIRST_TECH_SME_YEAR = 2017;

  private static final long TECH_SME_CEILING = 200_000_000L;

  private final Draw draw;
  private final Instant start;
  private final LocalDate startDate;
  private final CreditCodeFactory codes;
  private final Names names;
  private final Weighted<Zone> zones = new Weighted<>();
  private final Weighted<Industry> industries = new Weighted<>();
  private final Weighted<Industry> individualIndustries = new Weighted<>();
  private final Weighted<SizeClass> sizes =
      new Weighted<SizeClass>()
          .add(SizeClass.MICRO, 0.45)
          .add(SizeClass.SMALL, 0.33)
          .add(SizeClass.MEDIUM, 0.16)
          .add(SizeClass.LARGE, 0.06);

  /**
   * @param seed seed of the generator
   * @param start the registry's {@code updatedAt}; no date generated lies after it
   */
  public EnterpriseGenerator(long seed, Instant start) {
    this.draw = new Draw(seed);
    this.start = start.truncatedTo(ChronoUnit.MILLIS);
    this.startDate = this.start.atZone(CST).toLocalDate();
    this.codes = new CreditCodeFactory(draw);
    this.names = new Names(draw);
    for (Zone z : Zone.values()) {
      zones.add(z, z.weight());
    }
    for (Industry i : Industry.values()) {
      industries.add(i, i.weight());
      individualIndustries.add(i, i.individualWeight());
    }
  }

  /** The next {@code count} enterprises; codes stay unique across calls. */
  public List<Enterprise> generate(int count) {
    List<Enterprise> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(next());
    }
    return out;
  }

  /** One more enterprise, as registered at the start instant. */
  public Enterprise next() {
    Zone zone = zones.draw(draw);
    boolean individual = draw.chance(INDIVIDUAL_SHARE);
    Industry industry = individual ? individualIndustries.draw(draw) : industries.draw(draw);
    SizeClass size = individual ? SizeClass.MICRO : sizes.draw(draw);
    SizeTable.Figures figures = SizeTable.draw(draw, industry.code(), size);
    LocalDate registeredOn = registrationDate();
    String region = draw.pick(zone.counties()).code();
    String code = codes.next(individual ? "92" : "91", region, registeredOn);
    String name = individual ? names.individual(zone, industry) : names.company(zone, industry);

    LocalDate certificate = individual ? null : certificate(industry, registeredOn);
    List<Integer> smeYears = individual ? List.of() : techSmeYears(industry, figures, registeredOn);
    boolean resident = individual || !draw.chance(0.015);
    boolean deemed = individual ? draw.chance(0.25) : size == SizeClass.MICRO && draw.chance(0.06);

    return Enterprise.newBuilder()
        .setCreditCode(code)
        .setName(name)
        .setZone(zone.code())
        .setIndustryCode(industry.code())
        .setEmployees(figures.staff())
        .setRevenue(figures.revenue())
        .setTotalAssets(figures.assets())
        .setRegisteredOn(registeredOn)
        .setHighTechCertifiedOn(certificate)
        .setTechSmeYears(smeYears)
        .setTaxResident(resident)
        .setTaxAssessment(deemed ? TaxAssessment.DEEMED : TaxAssessment.ACTUAL)
        .setUpdatedAt(start)
        .build();
  }

  /**
   * A later version of {@code e}: it grew in staff, revenue and assets, and may have gained a
   * high-tech certificate or a tech-SME year. Same credit code, {@code updatedAt} = {@code at}.
   */
  public Enterprise changed(Enterprise e, Instant at) {
    Objects.requireNonNull(e, "e");
    LocalDate atDate = at.atZone(CST).toLocalDate();
    int staff =
        (int)
            Math.max(e.getEmployees() + 1, Math.round(e.getEmployees() * draw.uniform(1.05, 1.4)));
    BigDecimal revenue = Money.times(e.getRevenue(), draw.uniform(1.05, 1.6));
    BigDecimal assets = Money.times(e.getTotalAssets(), draw.uniform(1.02, 1.3));
    LocalDate certificate = e.getHighTechCertifiedOn();
    boolean company = e.getCreditCode().startsWith("91");
    if (company
        && certificate == null
        && draw.chance(0.3)
        && !atDate.isBefore(e.getRegisteredOn().plusYears(1))) {
      certificate = atDate;
    }
    List<Integer> smeYears = new ArrayList<>(e.getTechSmeYears());
    if (company
        && !smeYears.contains(atDate.getYear())
        && qualifiesAsTechSme(staff, revenue, assets)
        && Industry.of(e.getIndustryCode()).tech()
        && draw.chance(0.5)) {
      smeYears.add(atDate.getYear());
    }
    return Enterprise.newBuilder(e)
        .setEmployees(staff)
        .setRevenue(revenue)
        .setTotalAssets(assets)
        .setHighTechCertifiedOn(certificate)
        .setTechSmeYears(smeYears)
        .setUpdatedAt(at.truncatedTo(ChronoUnit.MILLIS))
        .build();
  }

  /** A valid credit code that no enterprise of this generator has, nor ever will have. */
  public String unregisteredCreditCode() {
    Zone zone = zones.draw(draw);
    return codes.next("91", draw.pick(zone.counties()).code(), registrationDate());
  }

  private LocalDate registrationDate() {
    LocalDate last =
        LAST_REGISTRATION.isBefore(startDate) ? LAST_REGISTRATION : startDate.minusDays(1);
    LocalDate first = FIRST_REGISTRATION.isBefore(last) ? FIRST_REGISTRATION : last.minusYears(1);
    // Zones grew: more registrations in recent years.
    double u = Math.sqrt(draw.uniform(0, 1));
    long span = last.toEpochDay() - first.toEpochDay();
    return first.plusDays((long) (u * span));
  }

  private LocalDate certificate(Industry industry, LocalDate registeredOn) {
    if (!draw.chance(industry.tech() ? 0.6 : 0.1)) {
      return null;
    }
    LocalDate from =
        registeredOn.plusYears(1).isAfter(FIRST_CERTIFICATE)
            ? registeredOn.plusYears(1)
            : FIRST_CERTIFICATE;
    LocalDate to = LAST_CERTIFICATE.isBefore(startDate) ? LAST_CERTIFICATE : startDate;
    return from.isAfter(to) ? null : draw.date(from, to);
  }

  private List<Integer> techSmeYears(
      Industry industry, SizeTable.Figures f, LocalDate registeredOn) {
    if (!industry.tech()
        || !qualifiesAsTechSme(f.staff(), f.revenue(), f.assets())
        || !draw.chance(0.55)) {
      return List.of();
    }
    int last = startDate.getYear();
    int first = Math.max(FIRST_TECH_SME_YEAR, registeredOn.getYear());
    if (first > last) {
      return List.of();
    }
    int from = draw.between(first, last);
    List<Integer> years = new ArrayList<>();
    for (int y = from; y <= last; y++) {
      if (y == last || draw.chance(0.85)) {
        years.add(y);
      }
    }
    return years;
  }

  private static boolean qualifiesAsTechSme(int staff, BigDecimal revenue, BigDecimal assets) {
    return staff <= 500
        && revenue.compareTo(BigDecimal.valueOf(TECH_SME_CEILING)) <= 0
        && assets.compareTo(BigDecimal.valueOf(TECH_SME_CEILING)) <= 0;
  }
}
