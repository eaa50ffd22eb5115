package cn.gxq.subsidy.policy;

/**
 * Relief months of one relief year (发改财金〔2022〕271号).
 *
 * @param year relief year
 * @param reliefMonths months of rent relieved
 * @param riskAreaReliefMonths months where the county was listed as a medium- or high-risk area
 */
public record RentReliefYear(int year, int reliefMonths, int riskAreaReliefMonths) {
  public RentReliefYear {
    PolicyChecks.year("year", year);
    PolicyChecks.between("reliefMonths", reliefMonths, 0, 12);
    PolicyChecks.between("riskAreaReliefMonths", riskAreaReliefMonths, reliefMonths, 12);
  }
}
