package cn.gxq.subsidy.ledger;

import java.math.BigDecimal;

/**
 * What one bucket can take on, so that every figure it keeps stays inside what its records can
 * carry. An eligible application past either limit is {@code REJECTED} with {@code
 * CAPACITY_REACHED}: a decision, never an exception that stops the stream.
 *
 * <p><b>Money.</b> The contract's amounts are {@code decimal(18,2)}: at most
 * 9,999,999,999,999,999.99 yuan (about 10<sup>16</sup>). A bucket holds at most {@link
 * #PRODUCTION}'s 10,000,000,000,000.00 yuan (10万亿, a hundred times the largest single amount,
 * {@code Money.MAX_AMOUNT}) approved and waiting together, so its approved amount, waiting amount
 * and budget remaining (a budget is at most {@code Money.MAX_AMOUNT}) are each within
 * ±10<sup>13</sup>, and the waiting amount in fen (≤ 10<sup>15</sup>) fits the line index's {@code
 * long} sums and the line store's 19-digit keys. The sum over zones ({@code ALL}) stays encodable
 * for up to 999 zones at that ceiling; {@link TotalsSum#fits} guards the rest.
 *
 * <p><b>Tickets.</b> Each eligible application takes a ticket when it first enters a bucket's line;
 * the line's index in memory spans tickets up to the highest one waiting ({@link
 * LineIndex#MAX_TICKET}, about 4.2 million tickets a bucket per year: 40 bytes a ticket, 160 MiB at
 * most for such a bucket).
 *
 * @param maxTicket the last ticket a bucket hands out
 * @param maxHeld the most a bucket may hold approved and waiting together, yuan
 */
public record BucketLimits(long maxTicket, BigDecimal maxHeld) {

  private static final BigDecimal PRODUCTION_MAX_HELD = new BigDecimal("10000000000000.00");

  /** The limits the application runs with. */
  public static final BucketLimits PRODUCTION =
      new BucketLimits(LineIndex.MAX_TICKET, PRODUCTION_MAX_HELD);

  public BucketLimits {
    if (maxTicket < 1 || maxTicket > LineIndex.MAX_TICKET) {
      throw new IllegalArgumentException(
          "the last ticket must be between 1 and " + LineIndex.MAX_TICKET + ", was " + maxTicket);
    }
    if (maxHeld.signum() <= 0 || maxHeld.compareTo(PRODUCTION_MAX_HELD) > 0) {
      throw new IllegalArgumentException(
          "a bucket may hold between 0 and "
              + PRODUCTION_MAX_HELD.toPlainString()
              + " yuan, was "
              + maxHeld.toPlainString());
    }
  }
}
