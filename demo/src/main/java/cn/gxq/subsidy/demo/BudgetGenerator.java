package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Programme;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Budgets per zone × programme × year, sized against a registry of a given size so that some run
 * out under the demo's application stream (rent relief in 中关村 first) and others do not, plus a
 * later raise of some of them and a cut of others. R&D super-deductions get no budget: tax
 * deductions are unlimited.
 *
 * <p>Amounts are per 1,000 registry enterprises and scale with the registry (never below a tenth),
 * rounded to 10,000 yuan. Deterministic: no randomness at all.
 */
public final class BudgetGenerator {
  /** Rent relief 2022, yuan per 1,000 enterprises: 中关村 tight, 苏州 ample. */
  private static final long[] RENT_RELIEF_2022 = {
    // ZGC, ZJ, XA, BH, SIP
    3_000_000, 4_000_000, 2_000_000, 2_500_000, 20_000_000
  };

  /** Innovation-loan credit quota for 2022 and 2023, yuan per 1,000 enterprises. */
  private static final long[][] LOAN_QUOTA = {
    {300_000_000, 150_000_000, 20_000_000, 60_000_000, 80_000_000},
    {400_000_000, 200_000_000, 60_000_000, 80_000_000, 100_000_000}
  };

  private static final int[] LOAN_YEARS = {2022, 2023};

  private final double scale;
  private final Instant start;

  /**
   * @param enterprises size of the registry the applications come from
   * @param start {@code updatedAt} of the initial allotments
   */
  public BudgetGenerator(int enterprises, Instant start) {
    this.scale = Math.max(0.1, enterprises / 1000.0);
    this.start = start.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The initial allotments, all at the start instant. */
  public List<Budget> initial() {
    List<Budget> out = new ArrayList<>();
    Zone[] zones = Zone.values();
    for (int z = 0; z < zones.length; z++) {
      out.add(budget(zones[z], Programme.RENT_RELIEF, 2022, RENT_RELIEF_2022[z], start));
    }
    for (int y = 0; y < LOAN_YEARS.length; y++) {
      for (int z = 0; z < zones.length; z++) {
        out.add(
            budget(
                zones[z],
                Programme.INNOVATION_CREDIT_LOAN,
                LOAN_YEARS[y],
                LOAN_QUOTA[y][z],
                start));
      }
    }
    return out;
  }

  /**
   * Raises at {@code at}: 中关村 and 天津滨海 rent relief 2022 doubled, 西安 loan quota 2022 up by half.
   * Each record carries the new total, not the increment (contract).
   */
  public List<Budget> raises(Instant at) {
    Instant t = at.truncatedTo(ChronoUnit.MILLIS);
    int zgc = Zone.ZGC.ordinal();
    int bh = Zone.BH.ordinal();
    int xa = Zone.XA.ordinal();
    return List.of(
        budget(Zone.ZGC, Programme.RENT_RELIEF, 2022, RENT_RELIEF_2022[zgc] * 2, t),
        budget(Zone.BH, Programme.RENT_RELIEF, 2022, RENT_RELIEF_2022[bh] * 2, t),
        budget(Zone.XA, Programme.INNOVATION_CREDIT_LOAN, 2022, LOAN_QUOTA[0][xa] * 3 / 2, t));
  }

  /**
   * Cuts at {@code at}: 苏州工业园区 rent relief 2022 to 60% (it was ample), 上海张江 loan quota 2023 to 80%.
   * New totals, as for {@link #raises}; a cut below what is already approved approves nothing more,
   * it revokes nothing.
   */
  public List<Budget> cuts(Instant at) {
    Instant t = at.truncatedTo(ChronoUnit.MILLIS);
    int sip = Zone.SIP.ordinal();
    int zj = Zone.ZJ.ordinal();
    return List.of(
        budget(Zone.SIP, Programme.RENT_RELIEF, 2022, RENT_RELIEF_2022[sip] * 6 / 10, t),
        budget(Zone.ZJ, Programme.INNOVATION_CREDIT_LOAN, 2023, LOAN_QUOTA[1][zj] * 8 / 10, t));
  }

  private Budget budget(Zone zone, Programme programme, int year, long perThousand, Instant at) {
    BigDecimal amount = Money.roundTo(perThousand * scale, 10_000);
    return Budget.newBuilder()
        .setZone(zone.code())
        .setProgramme(programme)
        .setYear(year)
        .setAmount(amount)
        .setUpdatedAt(at)
        .build();
  }
}
