package cn.gxq.subsidy.contract;

import cn.gxq.subsidy.avro.MovementMoney;

/**
 * What a programme's amounts are. Amounts of different kinds are never added together: a yuan of
 * rent relief is cash, a yuan of R&D deduction lowers taxable income, a loan is lent, and a
 * recognition carries no money at all.
 */
public enum MoneyKind {
  /** Cash relief paid or waived (rent relief). */
  CASH,
  /** An extra deduction from taxable income, not money paid (R&D super-deduction). */
  TAX_DEDUCTION,
  /** A loan granted (innovation-credit loans). */
  LOAN,
  /** A recognition without money; amounts are always 0 (technology-based SME evaluation). */
  RECOGNITION;

  /** What a movement of this money is booked as, or null: a recognition moves no money. */
  public MovementMoney booked() {
    return switch (this) {
      case CASH -> MovementMoney.CASH;
      case TAX_DEDUCTION -> MovementMoney.TAX_DEDUCTION;
      case LOAN -> MovementMoney.CREDIT_LINE;
      case RECOGNITION -> null;
    };
  }
}
