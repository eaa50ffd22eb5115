package cn.gxq.subsidy.finance;

import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.avro.Movement;
import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.contract.BucketKey;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Adds movements and accepted settlements into the control totals of their bucket and day, China
 * Standard Time: a movement on the day it occurred, a settlement on the day it was settled.
 */
public final class ControlTotalsBook {

  /** China Standard Time: the day finance closes its books by. */
  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private ControlTotalsBook() {}

  /** {@code ZONE:PROGRAMME:YEAR:DATE} of a bucket's day. */
  public static String key(String bucket, Instant at) {
    return bucket + ":" + day(at);
  }

  /** The key of a day's totals: its bucket's, then its date. */
  public static String key(ControlTotals totals) {
    return bucket(totals) + ":" + totals.getDate();
  }

  /** {@code ZONE:PROGRAMME:YEAR} of a day's totals. */
  public static String bucket(ControlTotals totals) {
    return new BucketKey(totals.getZone(), totals.getProgramme(), totals.getYear()).toString();
  }

  public static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, CHINA);
  }

  /** {@code totals} (null before the day's first) with {@code movement} counted. */
  public static ControlTotals add(ControlTotals totals, Movement movement) {
    final String bucket =
        new BucketKey(movement.getZone(), movement.getProgramme(), movement.getYear()).toString();
    final ControlTotals t = copyOrNew(totals, bucket, movement.getOccurredAt());
    t.setMovements(t.getMovements() + 1);
    t.setChange(t.getChange().add(movement.getChange()));
    t.setToRecover(t.getToRecover().add(movement.getToRecover()));
    return touched(t, movement.getOccurredAt());
  }

  /** {@code totals} (null before the day's first) with an accepted settlement counted. */
  public static ControlTotals add(ControlTotals totals, String bucket, Settlement settlement) {
    final ControlTotals t = copyOrNew(totals, bucket, settlement.getSettledAt());
    final BigDecimal amount = settlement.getAmount().setScale(2);
    if (amount.signum() > 0) {
      t.setSettled(t.getSettled().add(amount));
    } else {
      t.setRecovered(t.getRecovered().subtract(amount));
    }
    return touched(t, settlement.getSettledAt());
  }

  /** {@code totals} (null before the day's first) with another of the same day added. */
  public static ControlTotals plus(ControlTotals totals, ControlTotals more) {
    if (totals == null) {
      return more;
    }
    final ControlTotals t = ControlTotals.newBuilder(totals).build();
    t.setMovements(t.getMovements() + more.getMovements());
    t.setChange(t.getChange().add(more.getChange()));
    t.setSettled(t.getSettled().add(more.getSettled()));
    t.setToRecover(t.getToRecover().add(more.getToRecover()));
    t.setRecovered(t.getRecovered().add(more.getRecovered()));
    return touched(t, more.getUpdatedAt());
  }

  private static ControlTotals copyOrNew(ControlTotals totals, String bucket, Instant at) {
    if (totals != null) {
      return ControlTotals.newBuilder(totals).build();
    }
    final BucketKey key = BucketKey.parse(bucket);
    final BigDecimal zero = MovementBook.ZERO;
    return new ControlTotals(
        key.zone(), key.programme(), key.year(), day(at), 0L, zero, zero, zero, zero, at);
  }

  private static ControlTotals touched(ControlTotals t, Instant at) {
    if (at.isAfter(t.getUpdatedAt())) {
      t.setUpdatedAt(at);
    }
    return t;
  }
}
