package cn.gxq.subsidy.programme.innovationloan;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Indicators of the innovation-points scoring (企业创新积分制). The state names them; the weights are in
 * policy data ({@link ScoringIndicator}). Keys are the names used in policy files and in decision
 * details ({@code points.<key>}).
 */
public enum LoanIndicator {
  RD_INTENSITY("rdIntensity"),
  RD_GROWTH("rdGrowth"),
  TECH_STAFF_SHARE("techStaffShare"),
  INVENTION_PATENT_APPLICATIONS("inventionPatentApplications"),
  PCT_APPLICATIONS("pctApplications"),
  TECH_CONTRACT_TURNOVER("techContractTurnover"),
  REVENUE_GROWTH("revenueGrowth"),
  HIGH_TECH_REVENUE_SHARE("highTechRevenueShare"),
  POSTGRADUATE_SHARE("postgraduateShare"),
  RD_TAX_SAVING_PRIOR_YEAR("rdTaxSavingPriorYear"),
  RETURN_ON_NET_ASSETS("returnOnNetAssets"),
  GRADUATES_HIRED("graduatesHired"),
  PROVINCIAL_PLATFORMS("provincialPlatforms"),
  PROVINCIAL_AWARDS("provincialAwards");

  private final String key;

  LoanIndicator(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  /** The indicator a policy file names by its key. */
  @JsonCreator
  static LoanIndicator ofKey(String key) {
    for (LoanIndicator i : values()) {
      if (i.key.equals(key)) {
        return i;
      }
    }
    throw new IllegalArgumentException("unknown indicator " + key);
  }
}
