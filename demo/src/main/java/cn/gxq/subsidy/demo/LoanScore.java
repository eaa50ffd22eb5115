package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.InnovationLoanApplication;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The project-default innovation-points score of domain.md (100 points), so the generator can aim
 * loan applications at the 60/70/80 tiers. A copy of the policy's bands for the generator only: the
 * rules read theirs from the policy file.
 */
final class LoanScore {
  private static final MathContext MC = MathContext.DECIMAL64;

  private LoanScore() {}

  static int of(InnovationLoanApplication a) {
    int points = 0;
    points +=
        bands(
            ratio(a.getRdExpense(), a.getRevenue()),
            new double[] {0.10, 0.06, 0.03, 0.01},
            new int[] {15, 12, 8, 4});
    points +=
        growth(
            a.getRdExpense(),
            a.getRdExpensePriorYear(),
            new double[] {0.30, 0.10},
            new int[] {5, 3},
            1);
    points +=
        bands(
            a.getTechStaffShare().doubleValue(),
            new double[] {0.30, 0.20, 0.10},
            new int[] {10, 7, 4});
    points +=
        bands(a.getInventionPatentApplications(), new double[] {5, 2, 1}, new int[] {10, 6, 3});
    points += bands(a.getPctApplications(), new double[] {1}, new int[] {5});
    points +=
        positiveBands(
            a.getTechContractTurnover().doubleValue(),
            new double[] {10_000_000, 1_000_000},
            new int[] {5, 3},
            1);
    points +=
        growth(
            a.getRevenue(),
            a.getRevenuePriorYear(),
            new double[] {0.30, 0.15, 0.05},
            new int[] {15, 10, 5},
            2);
    points +=
        bands(
            ratio(a.getHighTechRevenue(), a.getRevenue()),
            new double[] {0.60, 0.30},
            new int[] {10, 5});
    points +=
        bands(a.getPostgraduateShare().doubleValue(), new double[] {0.20, 0.10}, new int[] {5, 3});
    points +=
        positiveBands(
            a.getRdTaxSavingPriorYear().doubleValue(),
            new double[] {1_000_000, 100_000},
            new int[] {5, 3},
            1);
    points +=
        bands(a.getReturnOnNetAssets().doubleValue(), new double[] {0.10, 0}, new int[] {5, 2});
    points += bands(a.getGraduatesHired(), new double[] {10, 1}, new int[] {4, 2});
    points += bands(a.getProvincialPlatforms(), new double[] {1}, new int[] {3});
    points += bands(a.getProvincialAwards(), new double[] {1}, new int[] {3});
    return points;
  }

  private static double ratio(BigDecimal part, BigDecimal whole) {
    return whole.signum() == 0 ? 0 : part.divide(whole, MC).doubleValue();
  }

  /** Highest band reached: {@code value ≥ atLeast[i]} gives {@code points[i]}. */
  private static int bands(double value, double[] atLeast, int[] points) {
    for (int i = 0; i < atLeast.length; i++) {
      if (value >= atLeast[i]) {
        return points[i];
      }
    }
    return 0;
  }

  /** Bands, then a last band for anything above 0. */
  private static int positiveBands(double value, double[] atLeast, int[] points, int abovePoints) {
    int p = bands(value, atLeast, points);
    return p > 0 ? p : value > 0 ? abovePoints : 0;
  }

  private static int growth(
      BigDecimal now, BigDecimal before, double[] atLeast, int[] points, int abovePoints) {
    if (before.signum() <= 0) {
      return 0;
    }
    return positiveBands(
        now.subtract(before).divide(before, MC).doubleValue(), atLeast, points, abovePoints);
  }
}
