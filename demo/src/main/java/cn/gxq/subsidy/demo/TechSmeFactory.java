package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.TechSmeApplication;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Technology-based SME evaluation applications from the previous year's accounts: tech-staff shares
 * from 3% to 50%, R&D from 0.5% to 10% of revenue, a few class I rights or some class II ones, and
 * about one in eight taking a direct route, so scores spread on both sides of 60.
 */
final class TechSmeFactory implements ProgrammeFactory {

  private enum Invalid {
    CHECK_CHARACTER,
    TECH_STAFF_ABOVE_ALL,
    NEGATIVE_AMOUNT
  }

  private final Draw draw;
  private final RegistryView registry;

  TechSmeFactory(Draw draw, RegistryView registry) {
    this.draw = draw;
    this.registry = registry;
  }

  @Override
  public String prefix() {
    return "TS";
  }

  @Override
  public List<Enterprise> candidates() {
    return registry.techSmeCandidates.isEmpty() ? registry.all() : registry.techSmeCandidates;
  }

  @Override
  public SpecificRecord regular(Enterprise e, String id, Instant at) {
    return accounts(e, id, at, draw.uniform(0.35, 1.0)).build();
  }

  /** Weak figures (score well below 60, no route), or a declared restricted product. */
  @Override
  public SpecificRecord ineligible(String id, Instant at) {
    Enterprise e = draw.pick(candidates());
    TechSmeApplication.Builder a = accounts(e, id, at, 0.0);
    if (draw.chance(0.3)) {
      a.setRestrictedProducts(true);
    }
    return a.build();
  }

  @Override
  public SpecificRecord invalid(Enterprise e, String id, Instant at) {
    TechSmeApplication.Builder a = accounts(e, id, at, 0.6);
    switch (Invalid.values()[draw.nextInt(Invalid.values().length)]) {
      case CHECK_CHARACTER -> a.setCreditCode(CreditCodes.withWrongCheck(e.getCreditCode()));
      case TECH_STAFF_ABOVE_ALL -> a.setTechStaff(a.getEmployees() + 1);
      case NEGATIVE_AMOUNT -> a.setRdExpense(Money.yuan(-draw.between(1, 50_000)));
    }
    return a.build();
  }

  @Override
  public String claim(SpecificRecord application) {
    TechSmeApplication a = (TechSmeApplication) application;
    return "TECH_SME_EVALUATION:" + a.getCreditCode() + ":" + Cst.year(a.getSubmittedAt());
  }

  /** R&D raised or cut by {@code factor}: the amendment that moves a score across a band. */
  @Override
  public SpecificRecord amend(SpecificRecord application, Instant at, double factor) {
    TechSmeApplication a = (TechSmeApplication) application;
    return TechSmeApplication.newBuilder(a)
        .setRevision(a.getRevision() + 1)
        .setSubmittedAt(at)
        .setRdExpense(Money.times(a.getRdExpense().max(Money.yuan(10_000L)), factor))
        .build();
  }

  /** Each figure reaches the upper bands with probability {@code strength}. */
  private TechSmeApplication.Builder accounts(Enterprise e, String id, Instant at, double s) {
    int employees = Math.max(3, Math.min(e.getEmployees(), 500));
    double revenue = e.getRevenue().doubleValue();
    double rdShare = draw.chance(s) ? draw.uniform(0.04, 0.10) : draw.uniform(0.005, 0.03);
    BigDecimal rd = Money.yuan(revenue * rdShare);
    return TechSmeApplication.newBuilder()
        .setApplicationId(id)
        .setRevision(1)
        .setWithdrawn(false)
        .setCreditCode(e.getCreditCode())
        .setSubmittedAt(at)
        .setEmployees(employees)
        .setTechStaff(
            (int)
                Math.round(
                    employees
                        * (draw.chance(s) ? draw.uniform(0.2, 0.5) : draw.uniform(0.03, 0.15))))
        .setSalesRevenue(e.getRevenue())
        .setTotalAssets(e.getTotalAssets())
        .setRdExpense(rd)
        .setTotalCostsAndExpenses(Money.yuan(revenue * draw.uniform(0.7, 0.95)))
        .setClassOneIp(draw.chance(s * 0.5) ? draw.between(1, 4) : 0)
        .setClassTwoIp(draw.chance(s) ? draw.between(1, 8) : 0)
        .setRestrictedProducts(false)
        .setSeriousIncident(false)
        .setAbnormalOrViolationListed(false)
        .setNationalAwardTopThree(draw.chance(0.02 * s))
        .setProvincialRdInstitution(draw.chance(0.08 * s))
        .setLedStandardDrafting(draw.chance(0.04 * s));
  }
}
