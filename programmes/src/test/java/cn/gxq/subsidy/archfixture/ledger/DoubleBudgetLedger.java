package cn.gxq.subsidy.archfixture.ledger;

/**
 * Deliberately wrong, for HouseRulesTest: a ledger keeping its budget in double, stamped by now.
 */
public final class DoubleBudgetLedger {

  private double remaining;
  private long lastChange;

  public DoubleBudgetLedger(double budget) {
    this.remaining = budget;
  }

  public boolean draw(long amountFen) {
    lastChange = System.currentTimeMillis();
    if (amountFen / 100.0 > remaining) {
      return false;
    }
    remaining -= amountFen / 100.0;
    return true;
  }

  public double remaining() {
    return remaining;
  }

  public long lastChange() {
    return lastChange;
  }
}
