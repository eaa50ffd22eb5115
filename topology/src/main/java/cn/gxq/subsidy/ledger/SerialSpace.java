package cn.gxq.subsidy.ledger;

import java.util.OptionalInt;

/**
 * How one router partition draws registration serials without asking the others: the serials {@code
 * 1..max} of a series are dealt out in turn over the router's partitions, as cards are dealt. With
 * {@code P} partitions, partition {@code p}'s {@code n}-th serial ({@code n} from 1) is {@code (n −
 * 1)·P + p + 1}: no two partitions ever draw the same serial, and together they use the whole
 * space. Each partition's share is about {@code max / P}; enterprises spread evenly over the
 * partitions (they are placed by a hash of their credit code), so the shares fill up evenly too,
 * and a series is full on one partition only when it is nearly full everywhere.
 *
 * <p>{@code P} must stay the same for the life of the numbering: the serials already drawn were
 * dealt for it. It does, for as long as the router's claims are right at all: the router's input is
 * partitioned by credit code, and a change of its partition count would send an enterprise's claims
 * to another partition too.
 *
 * @param partitions how many partitions the serials are dealt over (the partition count of the
 *     router's input, or more: a larger figure only leaves serials unused)
 * @param partition this router's partition
 * @param max the largest serial of a series (999,999 for six digits; smaller in tests)
 */
public record SerialSpace(int partitions, int partition, int max) {

  public SerialSpace {
    if (partitions < 1 || max < 1) {
      throw new IllegalArgumentException(
          "partitions and the largest serial must be at least 1, were " + partitions + ", " + max);
    }
    if (partition < 0 || partition >= partitions) {
      throw new IllegalStateException(
          "registration serials are dealt over "
              + partitions
              + " router partitions, but this router runs on partition "
              + partition
              + ": the partition count they are dealt over must be at least the router input's");
    }
  }

  /** The {@code n}-th serial this partition draws in a series, or empty past its share. */
  public OptionalInt serial(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("serials are drawn from the first on, asked for " + n);
    }
    final long serial = (long) (n - 1) * partitions + partition + 1;
    return serial <= max ? OptionalInt.of((int) serial) : OptionalInt.empty();
  }

  /** How many serials of each series this partition can draw: its share of the space. */
  public int share() {
    return partition >= max ? 0 : (max - partition - 1) / partitions + 1;
  }
}
