package cn.gxq.subsidy.ledger;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * One bucket's line in memory, by ticket: a segment tree whose leaves are tickets (the amount in
 * fen a waiting ticket needs, or nothing) and whose nodes hold the count, sum and smallest amount
 * below them. Both questions the ledger asks of a long line take O(log n) instead of a read of the
 * line: how many wait ahead of a ticket and for how much, and which is the first ticket in line
 * that fits in what remains.
 */
public final class LineIndex {

  /**
   * The highest ticket the index takes: 2<sup>22</sup> − 1 (4,194,303). The index spans every
   * ticket up to the highest one waiting, 40 bytes each (160 MiB at this one). The ledger hands out
   * no ticket beyond it ({@link BucketLimits}).
   */
  public static final long MAX_TICKET = (1L << 22) - 1;

  private static final long NONE = Long.MAX_VALUE;

  private int leaves = 1;
  private long[] smallest = {NONE, NONE};
  private long[] sum = new long[2];
  private int[] count = new int[2];

  /** Puts a waiting ticket in line, or changes what it needs. */
  public void put(long ticket, long fen) {
    if (fen < 0) {
      throw new IllegalArgumentException("a waiting amount cannot be negative: " + fen);
    }
    grow(ticket);
    set(slot(ticket), fen, fen, 1);
  }

  /** Takes a ticket out of line; nothing happens when it is not waiting. */
  public void remove(long ticket) {
    if (ticket >= 0 && ticket < leaves) {
      set(slot(ticket), NONE, 0, 0);
    }
  }

  /** What the waiting ticket needs in fen, or -1 when it is not waiting. */
  public long amountOf(long ticket) {
    if (ticket < 0 || ticket >= leaves) {
      return -1;
    }
    final long fen = smallest[leaves + (int) ticket];
    return fen == NONE ? -1 : fen;
  }

  /** How many tickets wait ahead of {@code ticket}, and what they need together. */
  public Waiting ahead(long ticket) {
    long n = 0;
    long fen = 0;
    int left = leaves;
    int right = leaves + (int) Math.min(Math.max(ticket, 0), leaves);
    while (left < right) {
      if ((left & 1) == 1) {
        n += count[left];
        fen += sum[left++];
      }
      if ((right & 1) == 1) {
        n += count[--right];
        fen += sum[right];
      }
      left /= 2;
      right /= 2;
    }
    return new Waiting(n, BigDecimal.valueOf(fen, 2));
  }

  /** The first ticket in line that needs at most {@code fen}, or -1 when none does. */
  public long firstNeedingAtMost(long fen) {
    if (smallest[1] > fen) {
      return -1;
    }
    int node = 1;
    while (node < leaves) {
      node = smallest[2 * node] <= fen ? 2 * node : 2 * node + 1;
    }
    return node - leaves;
  }

  private int slot(long ticket) {
    return leaves + (int) ticket;
  }

  private void set(int leaf, long smallestFen, long sumFen, int n) {
    smallest[leaf] = smallestFen;
    sum[leaf] = sumFen;
    count[leaf] = n;
    for (int node = leaf / 2; node >= 1; node /= 2) {
      pull(node);
    }
  }

  private void pull(int node) {
    smallest[node] = Math.min(smallest[2 * node], smallest[2 * node + 1]);
    sum[node] = sum[2 * node] + sum[2 * node + 1];
    count[node] = count[2 * node] + count[2 * node + 1];
  }

  /** Doubles the leaves until {@code ticket} has one, keeping what waits. */
  private void grow(long ticket) {
    if (ticket < 0 || ticket > MAX_TICKET) {
      throw new IllegalArgumentException(
          "ticket " + ticket + " out of the line's range 0.." + MAX_TICKET);
    }
    if (ticket < leaves) {
      return;
    }
    int wider = leaves;
    while (wider <= ticket) {
      wider *= 2;
    }
    final long[] newSmallest = new long[2 * wider];
    final long[] newSum = new long[2 * wider];
    final int[] newCount = new int[2 * wider];
    Arrays.fill(newSmallest, NONE);
    System.arraycopy(smallest, leaves, newSmallest, wider, leaves);
    System.arraycopy(sum, leaves, newSum, wider, leaves);
    System.arraycopy(count, leaves, newCount, wider, leaves);
    smallest = newSmallest;
    sum = newSum;
    count = newCount;
    leaves = wider;
    for (int node = leaves - 1; node >= 1; node--) {
      pull(node);
    }
  }
}
