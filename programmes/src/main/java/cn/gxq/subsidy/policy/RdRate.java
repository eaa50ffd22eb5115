package cn.gxq.subsidy.policy;

import java.math.BigDecimal;

/**
 * One cell of the R&D super-deduction rate table.
 *
 * @param taxYears tax years of the row
 * @param kind enterprise column
 * @param rate extra deduction rate (0.75 = 75%)
 * @param latePeriod a different rate for the end of the year, or null
 * @param source the document the rate comes from
 */
public record RdRate(
    YearRange taxYears,
    RdEnterpriseKind kind,
    BigDecimal rate,
    PeriodRate latePeriod,
    String source) {}
