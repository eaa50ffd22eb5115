package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.policy.SizeClass;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Rent-relief 2022 applications: premises in the applicant's zone, leases of 6 months to 5 years
 * that cover 2022 in part or in full, rent by floor area and the zone's going rate.
 */
final class RentReliefFactory implements ProgrammeFactory {
  static final int YEAR = 2022;
  private static final LocalDate YEAR_START = LocalDate.of(YEAR, 1, 1);
  private static final LocalDate YEAR_END = LocalDate.of(YEAR, 12, 31);
  private static final int[] LEASE_MONTHS = {6, 12, 12, 24, 24, 36, 36, 60};

  private enum Flaw {
    PRIVATE_LANDLORD,
    SUBLESSOR,
    LEASE_OUTSIDE_YEAR,
    NOT_SERVICE,
    TOO_LARGE
  }

  private enum Invalid {
    CHECK_CHARACTER,
    NEGATIVE_RENT,
    LEASE_REVERSED,
    UNSUPPORTED_YEAR
  }

  private final Draw draw;
  private final RegistryView registry;
  private final Landlords landlords;
  private final Weighted<Flaw> flaws =
      new Weighted<Flaw>()
          .add(Flaw.PRIVATE_LANDLORD, 0.35)
          .add(Flaw.SUBLESSOR, 0.2)
          .add(Flaw.LEASE_OUTSIDE_YEAR, 0.15)
          .add(Flaw.NOT_SERVICE, 0.15)
          .add(Flaw.TOO_LARGE, 0.15);

  RentReliefFactory(Draw draw, RegistryView registry, Landlords landlords) {
    this.draw = draw;
    this.registry = registry;
    this.landlords = landlords;
  }

  @Override
  public String prefix() {
    return "RR";
  }

  @Override
  public List<Enterprise> candidates() {
    return registry.rentReliefEligible.isEmpty() ? registry.all() : registry.rentReliefEligible;
  }

  @Override
  public SpecificRecord regular(Enterprise e, String id, Instant at) {
    return base(e, id, at, landlords.stateOwned(zone(e))).build();
  }

  @Override
  public SpecificRecord ineligible(String id, Instant at) {
    Flaw flaw = flaws.draw(draw);
    if (flaw == Flaw.NOT_SERVICE && !registry.nonService.isEmpty()) {
      Enterprise e = draw.pick(registry.nonService);
      return base(e, id, at, landlords.stateOwned(zone(e))).build();
    }
    if (flaw == Flaw.TOO_LARGE && !registry.serviceTooLarge.isEmpty()) {
      Enterprise e = draw.pick(registry.serviceTooLarge);
      return base(e, id, at, landlords.stateOwned(zone(e))).build();
    }
    Enterprise e = draw.pick(candidates());
    RentReliefApplication.Builder b = base(e, id, at, landlords.stateOwned(zone(e)));
    switch (flaw) {
      case SUBLESSOR -> b.setSublessor(true);
      case LEASE_OUTSIDE_YEAR -> {
        // Ended before 2022, or starts after it.
        boolean before = draw.chance(0.6);
        LocalDate start =
            before
                ? draw.date(LocalDate.of(2018, 1, 1), LocalDate.of(2020, 6, 30))
                : draw.date(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 30));
        LocalDate end =
            before
                ? draw.date(start.plusMonths(6), LocalDate.of(2021, 12, 31))
                : start.plusYears(3).minusDays(1);
        b.setLeaseStart(start).setLeaseEnd(end);
      }
      default -> {
        Landlords.Landlord l = landlords.privateOne(zone(e));
        b.setLandlordName(l.name())
            .setLandlordCreditCode(l.creditCode())
            .setLandlordStateOwned(false);
      }
    }
    return b.build();
  }

  @Override
  public SpecificRecord invalid(Enterprise e, String id, Instant at) {
    RentReliefApplication.Builder b = base(e, id, at, landlords.stateOwned(zone(e)));
    switch (draw.pick(Invalid.values())) {
      case CHECK_CHARACTER -> b.setCreditCode(CreditCodes.withWrongCheck(e.getCreditCode()));
      case NEGATIVE_RENT -> b.setMonthlyRent(b.getMonthlyRent().negate());
      case LEASE_REVERSED -> b.setLeaseEnd(b.getLeaseStart().minusDays(draw.between(1, 400)));
      case UNSUPPORTED_YEAR -> b.setYear(draw.chance(0.5) ? YEAR - 1 : YEAR + 1);
    }
    return b.build();
  }

  @Override
  public String claim(SpecificRecord application) {
    RentReliefApplication a = (RentReliefApplication) application;
    String landlord =
        a.getLandlordCreditCode() != null ? a.getLandlordCreditCode() : a.getLandlordName();
    return "RR|" + a.getCreditCode() + "|" + landlord + "|" + a.getYear();
  }

  private RentReliefApplication.Builder base(
      Enterprise e, String id, Instant at, Landlords.Landlord landlord) {
    Zone zone = zone(e);
    Zone.County county = draw.pick(zone.counties());
    LocalDate[] lease = lease();
    return RentReliefApplication.newBuilder()
        .setApplicationId(id)
        .setRevision(1)
        .setWithdrawn(false)
        .setCreditCode(e.getCreditCode())
        .setSubmittedAt(at)
        .setYear(YEAR)
        .setLandlordName(landlord.name())
        .setLandlordCreditCode(landlord.creditCode())
        .setLandlordStateOwned(landlord.stateOwned())
        .setCountyCode(county.code())
        .setCountyRiskListed(county.riskListed2022())
        .setLeaseStart(lease[0])
        .setLeaseEnd(lease[1])
        .setMonthlyRent(monthlyRent(e, zone))
        .setSublessor(false);
  }

  /** A lease that covers at least some of 2022: most all of it, some only its start or end. */
  private LocalDate[] lease() {
    for (int attempt = 0; attempt < 10; attempt++) {
      LocalDate start =
          draw.date(LocalDate.of(2018, 7, 1), LocalDate.of(2022, 11, 30))
              .withDayOfMonth(draw.chance(0.7) ? 1 : draw.between(2, 28));
      LocalDate end =
          start.plusMonths(LEASE_MONTHS[draw.nextInt(LEASE_MONTHS.length)]).minusDays(1);
      if (!end.isBefore(YEAR_START.plusDays(14)) && !start.isAfter(YEAR_END)) {
        return new LocalDate[] {start, end};
      }
    }
    return new LocalDate[] {LocalDate.of(2021, 7, 1), LocalDate.of(2024, 6, 30)};
  }

  /** Floor area by size times the zone's rent per m² per day over an average month. */
  private BigDecimal monthlyRent(Enterprise e, Zone zone) {
    double area =
        switch (RegistryView.individual(e) ? SizeClass.MICRO : RegistryView.size(e)) {
          case MICRO ->
              RegistryView.individual(e) ? draw.logUniform(20, 150) : draw.logUniform(30, 300);
          case SMALL -> draw.logUniform(150, 1500);
          case MEDIUM, LARGE -> draw.logUniform(800, 6000);
        };
    double rate = zone.rentPerSquareMetreDay() * draw.uniform(0.7, 1.3);
    return Money.roundTo(area * rate * 30.4, 100);
  }

  private static Zone zone(Enterprise e) {
    return Zone.of(e.getZone());
  }

  @Override
  public SpecificRecord amend(SpecificRecord application, Instant at, double factor) {
    RentReliefApplication r = (RentReliefApplication) application;
    return RentReliefApplication.newBuilder(r)
        .setRevision(r.getRevision() + 1)
        .setSubmittedAt(at)
        .setMonthlyRent(Revisions.changed(r.getMonthlyRent(), factor))
        .build();
  }
}
