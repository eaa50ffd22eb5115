package cn.gxq.subsidy.ledger;

import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.contract.BucketKey;
import java.math.BigDecimal;

/**
 * Keeps a sum of buckets exact: each bucket's totals arrive as whole snapshots, and the sum moves
 * by the difference between a bucket's previous snapshot and its new one. Whatever order buckets
 * report in, the sum equals the sum of their latest snapshots.
 */
public final class TotalsSum {

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  /** The largest amount the contract's {@code decimal(18,2)} carries. */
  public static final BigDecimal MAX_ENCODABLE = new BigDecimal("9999999999999999.99");

  private TotalsSum() {}

  /** Moves {@code sum} from {@code before} (null: not counted yet) to {@code after}. */
  public static void move(Totals sum, Totals before, Totals after) {
    final Totals was =
        before != null
            ? before
            : BudgetLedger.emptyTotals(
                new BucketKey(after.getZone(), after.getProgramme(), after.getYear()));
    sum.setReceived(sum.getReceived() + after.getReceived() - was.getReceived());
    sum.setApproved(sum.getApproved() + after.getApproved() - was.getApproved());
    sum.setRejected(sum.getRejected() + after.getRejected() - was.getRejected());
    sum.setWaitlisted(sum.getWaitlisted() + after.getWaitlisted() - was.getWaitlisted());
    sum.setWithdrawn(sum.getWithdrawn() + after.getWithdrawn() - was.getWithdrawn());
    sum.setApprovedAmount(
        sum.getApprovedAmount().add(after.getApprovedAmount()).subtract(was.getApprovedAmount()));
    // The sum's budget is the sum of the buckets that have one; null while none has.
    sum.setBudget(moveBy(sum.getBudget(), was.getBudget(), after.getBudget()));
    sum.setBudgetRemaining(
        moveBy(sum.getBudgetRemaining(), was.getBudgetRemaining(), after.getBudgetRemaining()));
    if (after.getUpdatedAt().isAfter(sum.getUpdatedAt())) {
      sum.setUpdatedAt(after.getUpdatedAt());
    }
  }

  /**
   * Whether every amount of a totals record fits the contract's {@code decimal(18,2)}; a record
   * that does not could not be written. A bucket never holds more than {@link
   * BucketLimits#maxHeld}, so a zone's totals always fit; a sum over zones fits for up to 999 zones
   * at that ceiling.
   */
  public static boolean fits(Totals totals) {
    return fits(totals.getApprovedAmount())
        && fits(totals.getBudget())
        && fits(totals.getBudgetRemaining());
  }

  private static boolean fits(BigDecimal amount) {
    return amount == null || amount.abs().compareTo(MAX_ENCODABLE) <= 0;
  }

  private static BigDecimal moveBy(BigDecimal sum, BigDecimal before, BigDecimal after) {
    if (before == null && after == null) {
      return sum;
    }
    final BigDecimal base = sum == null ? ZERO : sum;
    return base.add(after == null ? ZERO : after).subtract(before == null ? ZERO : before);
  }
}
