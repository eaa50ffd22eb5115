package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * R&D super-deduction claims for tax years 2020–2023 (never after the year of submission): R&D
 * sized by revenue and industry, split into the six categories (other related expenses sometimes
 * above their cap), with overseas contracts, 2022 Q4 splits and equipment, and declared shares of
 * excluded income.
 */
final class RdDeductionFactory implements ProgrammeFactory {
  static final int FIRST_YEAR = 2020;
  static final int LAST_YEAR = 2023;

  private enum Flaw {
    NON_RESIDENT,
    DEEMED,
    EXCLUDED_INDUSTRY,
    EXCLUDED_INCOME,
    NO_EXPENSE
  }

  private enum Invalid {
    CHECK_CHARACTER,
    NEGATIVE_AMOUNT,
    UNSUPPORTED_YEAR,
    SHARE_ABOVE_ONE
  }

  private final Draw draw;
  private final RegistryView registry;
  private final Weighted<Flaw> flaws =
      new Weighted<Flaw>()
          .add(Flaw.NON_RESIDENT, 0.15)
          .add(Flaw.DEEMED, 0.2)
          .add(Flaw.EXCLUDED_INDUSTRY, 0.3)
          .add(Flaw.EXCLUDED_INCOME, 0.2)
          .add(Flaw.NO_EXPENSE, 0.15);

  RdDeductionFactory(Draw draw, RegistryView registry) {
    this.draw = draw;
    this.registry = registry;
  }

  @Override
  public String prefix() {
    return "RD";
  }

  @Override
  public List<Enterprise> candidates() {
    return registry.rdEligible.isEmpty() ? registry.all() : registry.rdEligible;
  }

  @Override
  public SpecificRecord regular(Enterprise e, String id, Instant at) {
    return base(e, id, at).build();
  }

  @Override
  public SpecificRecord ineligible(String id, Instant at) {
    Flaw flaw = flaws.draw(draw);
    List<Enterprise> pool =
        switch (flaw) {
          case NON_RESIDENT -> registry.nonResident;
          case DEEMED -> registry.deemed;
          case EXCLUDED_INDUSTRY -> registry.rdExcludedIndustry;
          default -> List.of();
        };
    if (!pool.isEmpty()) {
      return base(draw.pick(pool), id, at).build();
    }
    RdDeductionApplication.Builder b = base(draw.pick(candidates()), id, at);
    if (flaw == Flaw.NO_EXPENSE) {
      b.setPersonnel(Money.ZERO)
          .setDirectInputs(Money.ZERO)
          .setDepreciation(Money.ZERO)
          .setIntangibleAmortisation(Money.ZERO)
          .setDesignFees(Money.ZERO)
          .setOtherRelated(Money.ZERO)
          .setOverseasContracted(Money.ZERO)
          .setQ4Expenses(null)
          .setQ4EquipmentPurchases(Money.ZERO);
    } else {
      b.setExcludedIncomeShare(Money.share(draw.uniform(0.51, 0.95)));
    }
    return b.build();
  }

  @Override
  public SpecificRecord invalid(Enterprise e, String id, Instant at) {
    RdDeductionApplication.Builder b = base(e, id, at);
    switch (draw.pick(Invalid.values())) {
      case CHECK_CHARACTER -> b.setCreditCode(CreditCodes.withWrongCheck(e.getCreditCode()));
      case NEGATIVE_AMOUNT -> b.setPersonnel(b.getPersonnel().negate().subtract(BigDecimal.ONE));
      case UNSUPPORTED_YEAR -> b.setTaxYear(draw.between(2015, 2017));
      case SHARE_ABOVE_ONE -> b.setExcludedIncomeShare(Money.share(draw.uniform(1.05, 2.5)));
    }
    return b.build();
  }

  @Override
  public String claim(SpecificRecord application) {
    RdDeductionApplication a = (RdDeductionApplication) application;
    return "RD|" + a.getCreditCode() + "|" + a.getTaxYear();
  }

  private RdDeductionApplication.Builder base(Enterprise e, String id, Instant at) {
    int taxYear = taxYear(Cst.year(at));
    boolean tech = Industry.of(e.getIndustryCode()).tech();
    double intensity = tech ? draw.uniform(0.04, 0.15) : draw.uniform(0.01, 0.05);
    double total = Math.max(50_000, e.getRevenue().doubleValue() * intensity);
    // Shares of the five main categories; what is left of 1 is design fees.
    double personnel = draw.uniform(0.45, 0.65);
    double direct = draw.uniform(0.15, 0.30);
    double depreciation = draw.uniform(0.04, 0.10);
    double amortisation = draw.uniform(0.01, 0.05);
    double design = Math.max(0, 1 - personnel - direct - depreciation - amortisation);
    // Other related expenses: usually under the 10/90 cap, sometimes above it.
    double other = total * draw.uniform(0, 0.15);
    double overseas = draw.chance(0.15) ? total * draw.logUniform(0.05, 1.0) : 0;

    RdDeductionApplication.Builder b =
        RdDeductionApplication.newBuilder()
            .setApplicationId(id)
            .setRevision(1)
            .setWithdrawn(false)
            .setCreditCode(e.getCreditCode())
            .setSubmittedAt(at)
            .setTaxYear(taxYear)
            .setPersonnel(Money.yuan(total * personnel))
            .setDirectInputs(Money.yuan(total * direct))
            .setDepreciation(Money.yuan(total * depreciation))
            .setIntangibleAmortisation(Money.yuan(total * amortisation))
            .setDesignFees(Money.yuan(total * design))
            .setOtherRelated(Money.yuan(other))
            .setOverseasContracted(Money.yuan(overseas))
            .setQ4Expenses(null)
            .setQ4EquipmentPurchases(Money.ZERO)
            .setExcludedIncomeShare(draw.chance(0.3) ? Money.share(draw.uniform(0, 0.35)) : null);
    if (taxYear == 2022) {
      if (draw.chance(0.6)) {
        b.setQ4Expenses(Money.yuan(total * draw.uniform(0.18, 0.35)));
      }
      if (e.getHighTechCertifiedOn() != null && draw.chance(0.35)) {
        b.setQ4EquipmentPurchases(Money.roundTo(draw.logUniform(200_000, 8_000_000), 100));
      }
    }
    return b;
  }

  /** Mostly last year's annual settlement, some the year before or this year's pre-claim. */
  private int taxYear(int submissionYear) {
    int last = Math.min(LAST_YEAR, submissionYear);
    if (last < FIRST_YEAR) {
      return FIRST_YEAR;
    }
    int back = new Weighted<Integer>().add(0, 0.3).add(1, 0.5).add(2, 0.2).draw(draw);
    return Math.max(FIRST_YEAR, last - back);
  }

  @Override
  public SpecificRecord amend(SpecificRecord application, Instant at, double factor) {
    RdDeductionApplication r = (RdDeductionApplication) application;
    return RdDeductionApplication.newBuilder(r)
        .setRevision(r.getRevision() + 1)
        .setSubmittedAt(at)
        .setPersonnel(Revisions.changed(r.getPersonnel(), factor))
        .build();
  }
}
