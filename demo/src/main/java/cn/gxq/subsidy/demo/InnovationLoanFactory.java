package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.InnovationLoanApplication;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * Innovation-credit loan applications whose indicators are aimed at a score window, so scores
 * spread around the 60/70/80 tiers of the project-default scoring; requested credit lines run from
 * 50万 to 1500万, some above their tier's cap.
 */
final class InnovationLoanFactory implements ProgrammeFactory {
  private static final List<String> BANKS =
      List.of(
          "ICBC", "CCB", "BOC", "ABC", "BOCOM", "CMB", "SPDB", "BOB", "BOSC", "XABANK", "TJBANK",
          "SZRCB");
  private static final int[] TERMS = {12, 12, 24, 36};

  /** Score windows the regular applications aim at, around the tiers. */
  private final Weighted<int[]> windows =
      new Weighted<int[]>()
          .add(new int[] {50, 59}, 0.15)
          .add(new int[] {60, 64}, 0.15)
          .add(new int[] {65, 69}, 0.15)
          .add(new int[] {70, 74}, 0.15)
          .add(new int[] {75, 79}, 0.15)
          .add(new int[] {80, 95}, 0.25);

  private enum Invalid {
    CHECK_CHARACTER,
    NEGATIVE_AMOUNT,
    ZERO_TERM,
    SHARE_ABOVE_ONE
  }

  private final Draw draw;
  private final RegistryView registry;

  InnovationLoanFactory(Draw draw, RegistryView registry) {
    this.draw = draw;
    this.registry = registry;
  }

  @Override
  public String prefix() {
    return "IL";
  }

  @Override
  public List<Enterprise> candidates() {
    return registry.innovationCandidates.isEmpty() ? registry.all() : registry.innovationCandidates;
  }

  /** Whether {@code e} may apply on the day of {@code at}: a valid certificate or tech-SME year. */
  boolean fits(Enterprise e, Instant at) {
    return RegistryView.innovationEntityOn(e, Cst.date(at));
  }

  @Override
  public SpecificRecord regular(Enterprise e, String id, Instant at) {
    return aimed(e, id, at, windows.draw(draw));
  }

  @Override
  public SpecificRecord ineligible(String id, Instant at) {
    LocalDate day = Cst.date(at);
    if (!registry.noInnovationStatus.isEmpty() && draw.chance(0.6)) {
      return aimed(draw.pick(registry.noInnovationStatus), id, at, windows.draw(draw));
    }
    Enterprise e = draw.pick(candidates());
    for (int i = 0; i < 10 && !RegistryView.innovationEntityOn(e, day); i++) {
      e = draw.pick(candidates());
    }
    return aimed(e, id, at, new int[] {15, 50});
  }

  @Override
  public SpecificRecord invalid(Enterprise e, String id, Instant at) {
    InnovationLoanApplication a = aimed(e, id, at, windows.draw(draw));
    switch (draw.pick(Invalid.values())) {
      case CHECK_CHARACTER -> a.setCreditCode(CreditCodes.withWrongCheck(e.getCreditCode()));
      case NEGATIVE_AMOUNT -> a.setRequestedAmount(a.getRequestedAmount().negate());
      case ZERO_TERM -> a.setTermMonths(0);
      case SHARE_ABOVE_ONE -> a.setTechStaffShare(Money.share(draw.uniform(1.05, 3)));
    }
    return a;
  }

  @Override
  public String claim(SpecificRecord application) {
    InnovationLoanApplication a = (InnovationLoanApplication) application;
    return "IL|" + a.getCreditCode() + "|" + Cst.year(a.getSubmittedAt());
  }

  /** Draws indicators until the score lands in {@code window}, nudging the strength each try. */
  private InnovationLoanApplication aimed(Enterprise e, String id, Instant at, int[] window) {
    double strength = (window[0] + window[1]) / 200.0;
    InnovationLoanApplication best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (int attempt = 0; attempt < 60; attempt++) {
      InnovationLoanApplication a = draw(e, id, at, strength);
      int score = LoanScore.of(a);
      int distance = score < window[0] ? window[0] - score : Math.max(0, score - window[1]);
      if (distance < bestDistance) {
        best = a;
        bestDistance = distance;
      }
      if (distance == 0) {
        break;
      }
      strength = Math.min(1, Math.max(0, strength + (score < window[0] ? 0.04 : -0.04)));
    }
    return best;
  }

  /** Each indicator reaches its upper bands with probability {@code strength}. */
  private InnovationLoanApplication draw(Enterprise e, String id, Instant at, double s) {
    BigDecimal revenue = e.getRevenue();
    double rev = revenue.doubleValue();
    double rdIntensity = draw.chance(s) ? draw.uniform(0.06, 0.2) : draw.uniform(0.005, 0.06);
    double rdGrowth = draw.chance(s) ? draw.uniform(0.1, 0.6) : draw.uniform(-0.2, 0.1);
    double revenueGrowth = draw.chance(s) ? draw.uniform(0.15, 0.8) : draw.uniform(-0.2, 0.15);
    BigDecimal rdExpense = Money.yuan(rev * rdIntensity);
    BigDecimal rdPrior = Money.yuan(rdExpense.doubleValue() / (1 + rdGrowth));
    return InnovationLoanApplication.newBuilder()
        .setApplicationId(id)
        .setRevision(1)
        .setWithdrawn(false)
        .setCreditCode(e.getCreditCode())
        .setSubmittedAt(at)
        .setRequestedAmount(Money.roundTo(draw.logUniform(500_000, 15_000_000), 100_000))
        .setBankCode(draw.pick(BANKS))
        .setTermMonths(TERMS[draw.nextInt(TERMS.length)])
        .setRdExpense(rdExpense)
        .setRdExpensePriorYear(rdPrior)
        .setRevenue(revenue)
        .setRevenuePriorYear(Money.yuan(rev / (1 + revenueGrowth)))
        .setTechContractTurnover(
            draw.chance(s)
                ? Money.yuan(rev * draw.uniform(0.1, 0.6))
                : draw.chance(0.5) ? Money.yuan(rev * draw.uniform(0, 0.1)) : Money.ZERO)
        .setHighTechRevenue(
            Money.yuan(rev * (draw.chance(s) ? draw.uniform(0.3, 0.9) : draw.uniform(0, 0.3))))
        // Last year's saving: prior R&D × deduction rate × income-tax rate, when it was claimed.
        .setRdTaxSavingPriorYear(
            draw.chance(0.85)
                ? Money.yuan(
                    rdPrior.doubleValue()
                        * draw.uniform(0.75, 1.0)
                        * (draw.chance(0.5) ? 0.15 : 0.25))
                : Money.ZERO)
        .setTechStaffShare(
            Money.share(draw.chance(s) ? draw.uniform(0.2, 0.6) : draw.uniform(0.03, 0.2)))
        .setPostgraduateShare(
            Money.share(draw.chance(s) ? draw.uniform(0.1, 0.4) : draw.uniform(0, 0.1)))
        .setReturnOnNetAssets(
            Money.share(draw.chance(s) ? draw.uniform(0.05, 0.3) : draw.uniform(-0.15, 0.05)))
        .setInventionPatentApplications(draw.chance(s) ? draw.between(2, 12) : draw.between(0, 1))
        .setPctApplications(draw.chance(s * 0.7) ? draw.between(1, 3) : 0)
        .setGraduatesHired(draw.chance(s) ? draw.between(1, 30) : 0)
        .setProvincialPlatforms(draw.chance(s * 0.8) ? 1 : 0)
        .setProvincialAwards(draw.chance(s * 0.6) ? draw.between(1, 2) : 0)
        .build();
  }

  @Override
  public SpecificRecord amend(SpecificRecord application, Instant at, double factor) {
    InnovationLoanApplication r = (InnovationLoanApplication) application;
    return InnovationLoanApplication.newBuilder(r)
        .setRevision(r.getRevision() + 1)
        .setSubmittedAt(at)
        .setRequestedAmount(creditLine(r.getRequestedAmount(), factor))
        .build();
  }

  /** Credit lines move in steps of 10万; a change never rounds back to the same line. */
  private static BigDecimal creditLine(BigDecimal line, double factor) {
    if (line.signum() <= 0) {
      return Revisions.changed(line, factor);
    }
    BigDecimal step = Money.yuan(100_000L);
    BigDecimal next = Money.roundTo(line.doubleValue() * factor, 100_000);
    if (next.compareTo(line) != 0) {
      return next;
    }
    return factor > 1 || line.compareTo(step) <= 0 ? line.add(step) : line.subtract(step);
  }
}
