package cn.gxq.subsidy.programme.techsme;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The numbers of the technology-based SME evaluation (国科发政〔2017〕115号), the section {@code
 * programmes.techSmeEvaluation} of a policy file, bound by Jackson.
 *
 * @param firstYear the first evaluation year the rules cover
 * @param enterpriseTypePrefix credit-code type of an enterprise (企业, {@code 91}); individual
 *     businesses ({@code 92}) and cooperatives ({@code 93}) are not eligible
 * @param maxEmployees most staff an SME may have (inclusive)
 * @param maxSalesRevenue most previous-year sales revenue, yuan (inclusive)
 * @param maxTotalAssets most total assets, yuan (inclusive)
 * @param passScore the least score that passes (inclusive)
 * @param techStaffShare tech staff ÷ all staff, bands from the highest
 * @param rdShareOfRevenue R&D expense ÷ sales revenue, bands from the highest
 * @param rdShareOfCosts R&D expense ÷ total costs and expenses, bands from the highest
 * @param classOneIpPoints points for at least one class I right
 * @param classTwoIp class II rights by count, bands from the highest
 */
public record TechSmePolicy(
    int firstYear,
    String enterpriseTypePrefix,
    int maxEmployees,
    BigDecimal maxSalesRevenue,
    BigDecimal maxTotalAssets,
    int passScore,
    List<ShareBand> techStaffShare,
    List<ShareBand> rdShareOfRevenue,
    List<ShareBand> rdShareOfCosts,
    int classOneIpPoints,
    List<CountBand> classTwoIp) {

  /** A lower bound on a share (inclusive, as written) and the points it earns. */
  public record ShareBand(BigDecimal atLeast, int points) {
    public ShareBand {
      Objects.requireNonNull(atLeast, "atLeast");
      if (atLeast.signum() < 0 || atLeast.compareTo(BigDecimal.ONE) > 0) {
        throw new IllegalArgumentException("atLeast must be a share 0..1, was " + atLeast);
      }
    }
  }

  /** A least count (inclusive) and the points it earns. */
  public record CountBand(int atLeast, int points) {}

  public TechSmePolicy {
    Objects.requireNonNull(enterpriseTypePrefix, "enterpriseTypePrefix");
    Objects.requireNonNull(maxSalesRevenue, "maxSalesRevenue");
    Objects.requireNonNull(maxTotalAssets, "maxTotalAssets");
    techStaffShare = descending(techStaffShare, "techStaffShare");
    rdShareOfRevenue = descending(rdShareOfRevenue, "rdShareOfRevenue");
    rdShareOfCosts = descending(rdShareOfCosts, "rdShareOfCosts");
    classTwoIp = List.copyOf(Objects.requireNonNull(classTwoIp, "classTwoIp"));
    for (int i = 1; i < classTwoIp.size(); i++) {
      if (classTwoIp.get(i).atLeast() >= classTwoIp.get(i - 1).atLeast()) {
        throw new IllegalArgumentException("classTwoIp: bands must go from the highest count down");
      }
    }
  }

  // The rules take the first band a value reaches, so the bands must go from the highest down.
  private static List<ShareBand> descending(List<ShareBand> bands, String name) {
    Objects.requireNonNull(bands, name);
    for (int i = 1; i < bands.size(); i++) {
      if (bands.get(i).atLeast().compareTo(bands.get(i - 1).atLeast()) >= 0) {
        throw new IllegalArgumentException(name + ": bands must go from the highest share down");
      }
    }
    return List.copyOf(bands);
  }
}
