package cn.gxq.subsidy.programme.rddeduction;

import cn.gxq.subsidy.policy.PolicyChecks;
import cn.gxq.subsidy.policy.YearRange;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.math.BigDecimal;

/**
 * One cell of the R&D super-deduction rate table.
 *
 * @param taxYears tax years of the row
 * @param kind enterprise column
 * @param rate extra deduction rate (0.75 = 75%)
 * @param latePeriod a different rate for the end of the year, or null
 * @param source the document the rate comes from (decisions quote it), or empty
 */
public record RdRate(
    YearRange taxYears,
    RdEnterpriseKind kind,
    BigDecimal rate,
    @JsonSetter(nulls = Nulls.SET) PeriodRate latePeriod,
    @JsonSetter(nulls = Nulls.AS_EMPTY) String source) {
  public RdRate {
    PolicyChecks.requireRate("rate", rate);
    final int lateYear = latePeriod == null ? 0 : latePeriod.from().getYear();
    if (latePeriod != null && !taxYears.equals(new YearRange(lateYear, lateYear))) {
      throw PolicyChecks.invalid(
          "latePeriod",
          "a late period needs a row for its single tax year "
              + lateYear
              + ", row covers "
              + taxYears);
    }
  }
}
