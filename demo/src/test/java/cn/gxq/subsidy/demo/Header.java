package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.TechSmeApplication;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * What the tests read from any application: the shared fields, the amended amount, the claim
 * (contract: one claim per enterprise and period) and whether validation must fail, decided here
 * from the contract rather than from the generator's intent.
 */
record Header(
    String creditCode,
    int revision,
    boolean withdrawn,
    Instant submittedAt,
    BigDecimal amount,
    String claim,
    boolean invalid) {

  static Header of(Generated g) {
    if (g.value() instanceof RentReliefApplication a) {
      String landlord =
          a.getLandlordCreditCode() != null ? a.getLandlordCreditCode() : a.getLandlordName();
      boolean invalid =
          !IndependentCreditCode.valid(a.getCreditCode())
              || a.getMonthlyRent().signum() < 0
              || a.getLeaseEnd().isBefore(a.getLeaseStart())
              || a.getYear() != 2022;
      return new Header(
          a.getCreditCode(),
          a.getRevision(),
          a.getWithdrawn(),
          a.getSubmittedAt(),
          a.getMonthlyRent(),
          "RR|" + a.getCreditCode() + "|" + landlord + "|" + a.getYear(),
          invalid);
    }
    if (g.value() instanceof RdDeductionApplication a) {
      boolean invalid =
          !IndependentCreditCode.valid(a.getCreditCode())
              || a.getPersonnel().signum() < 0
              || a.getTaxYear() < 2018
              || a.getExcludedIncomeShare() != null
                  && a.getExcludedIncomeShare().compareTo(BigDecimal.ONE) > 0;
      return new Header(
          a.getCreditCode(),
          a.getRevision(),
          a.getWithdrawn(),
          a.getSubmittedAt(),
          a.getPersonnel(),
          "RD|" + a.getCreditCode() + "|" + a.getTaxYear(),
          invalid);
    }
    if (g.value() instanceof TechSmeApplication a) {
      boolean invalid =
          !IndependentCreditCode.valid(a.getCreditCode())
              || a.getRdExpense().signum() < 0
              || a.getTechStaff() > a.getEmployees();
      int year = LocalDate.ofInstant(a.getSubmittedAt(), ZoneId.of("Asia/Shanghai")).getYear();
      return new Header(
          a.getCreditCode(),
          a.getRevision(),
          a.getWithdrawn(),
          a.getSubmittedAt(),
          a.getRdExpense(),
          "TS|" + a.getCreditCode() + "|" + year,
          invalid);
    }
    InnovationLoanApplication a = (InnovationLoanApplication) g.value();
    boolean invalid =
        !IndependentCreditCode.valid(a.getCreditCode())
            || a.getRequestedAmount().signum() < 0
            || a.getTermMonths() < 1
            || a.getTechStaffShare().compareTo(BigDecimal.ONE) > 0;
    int year = LocalDate.ofInstant(a.getSubmittedAt(), ZoneId.of("Asia/Shanghai")).getYear();
    return new Header(
        a.getCreditCode(),
        a.getRevision(),
        a.getWithdrawn(),
        a.getSubmittedAt(),
        a.getRequestedAmount(),
        "IL|" + a.getCreditCode() + "|" + year,
        invalid);
  }
}
