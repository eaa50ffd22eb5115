package cn.gxq.subsidy.programme.rentrelief;

import cn.gxq.subsidy.policy.PolicyChecks;

/**
 * Relief months of one relief year (发改财金〔2022〕271号).
 *
 * @param year relief year
 * @param reliefMonths months of rent relieved
 * @param riskAreaReliefMonths months where the county was listed as a medium- or high-risk area
 */
public record RentReliefYear(int year, int reliefMonths, int riskAreaReliefMonths) {
  public RentReliefYear {
    PolicyChecks.requireYear("year", year);
    PolicyChecks.requireBetween("reliefMonths", reliefMonths, 0, 12);
    PolicyChecks.requireBetween("riskAreaReliefMonths", riskAreaReliefMonths, reliefMonths, 12);
  }
}
