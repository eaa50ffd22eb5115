package cn.gxq.subsidy.app;

import java.util.List;

/**
 * The programmes the dashboard lists ({@code GET /programmes}), with the kind of money each gives:
 * unlike kinds (cash, tax deductions, loans, recognitions) are never added up. The data lives here
 * only, until the programme catalogue takes it over.
 */
final class ProgrammeListing {

  /** What a programme's approved amount is. */
  enum MoneyKind {
    /** Cash relief paid or waived, e.g. rent. */
    CASH,
    /** An extra deduction from taxable income: not money paid out. */
    TAX_DEDUCTION,
    /** Credit a bank lends: to be repaid. */
    LOAN,
    /** A status granted, counted only: its amounts are always 0. */
    RECOGNITION
  }

  /** One programme as the dashboard shows it. */
  record Listed(String code, String nameZh, String nameEn, MoneyKind moneyKind) {}

  static final List<Listed> PROGRAMMES =
      List.of(
          new Listed("RENT_RELIEF", "房租减免", "Rent relief", MoneyKind.CASH),
          new Listed(
              "RD_SUPER_DEDUCTION", "研发费用加计扣除", "R&D super-deduction", MoneyKind.TAX_DEDUCTION),
          new Listed("INNOVATION_CREDIT_LOAN", "创新积分贷", "Innovation-credit loan", MoneyKind.LOAN),
          new Listed(
              "TECH_SME_EVALUATION",
              "科技型中小企业评价",
              "Tech-based SME evaluation",
              MoneyKind.RECOGNITION));

  private ProgrammeListing() {}
}
