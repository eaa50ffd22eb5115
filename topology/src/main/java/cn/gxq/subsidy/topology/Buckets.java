package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.avro.internal.BucketState;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Budget and counts per ZONE:PROGRAMME:YEAR, and their sum per ALL:PROGRAMME:YEAR. Every change to
 * a zone's bucket is applied to ALL as the difference between before and after, so the two can
 * never disagree, and both are marked for the next totals emission.
 */
final class Buckets {

  static final String ALL = "ALL";

  /** Zone of a decision whose enterprise was not registered at submission. */
  static final String UNKNOWN_ZONE = "UNKNOWN";

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  private final KeyValueStore<String, BucketState> store;
  private final KeyValueStore<String, Long> pending;

  Buckets(KeyValueStore<String, BucketState> store, KeyValueStore<String, Long> pending) {
    this.store = store;
    this.pending = pending;
  }

  static String key(String zone, Programme programme, int year) {
    return zone + ":" + programme.name() + ":" + year;
  }

  static String zoneOf(String zone) {
    return zone == null || zone.isBlank() ? UNKNOWN_ZONE : zone;
  }

  BucketState load(String zone, Programme programme, int year) {
    final BucketState state = store.get(key(zone, programme, year));
    return state != null ? state : new BucketState(empty(zone, programme, year), 1L, 0L, null);
  }

  BucketState load(String bucketKey) {
    final String[] parts = bucketKey.split(":");
    return load(parts[0], Programme.valueOf(parts[1]), Integer.parseInt(parts[2]));
  }

  /** A copy to diff against after changing {@code state}. */
  static Totals snapshot(BucketState state) {
    return Totals.newBuilder(state.getTotals()).build();
  }

  /** Stores a zone's bucket and moves ALL by what changed since {@code before}. */
  void save(BucketState state, Totals before, Instant eventTime) {
    final Totals after = state.getTotals();
    after.setBudgetRemaining(remaining(after));
    after.setUpdatedAt(latest(after.getUpdatedAt(), eventTime));
    final String key = key(after.getZone(), after.getProgramme(), after.getYear());
    store.put(key, state);
    pending.put(key, eventTime.toEpochMilli());

    final BucketState all = load(ALL, after.getProgramme(), after.getYear());
    final Totals sum = all.getTotals();
    sum.setReceived(sum.getReceived() + after.getReceived() - before.getReceived());
    sum.setApproved(sum.getApproved() + after.getApproved() - before.getApproved());
    sum.setRejected(sum.getRejected() + after.getRejected() - before.getRejected());
    sum.setWaitlisted(sum.getWaitlisted() + after.getWaitlisted() - before.getWaitlisted());
    sum.setWithdrawn(sum.getWithdrawn() + after.getWithdrawn() - before.getWithdrawn());
    sum.setApprovedAmount(
        sum.getApprovedAmount()
            .add(after.getApprovedAmount())
            .subtract(before.getApprovedAmount()));
    // ALL's budget is the sum of the zones that have one; null while none has.
    sum.setBudget(moveBy(sum.getBudget(), before.getBudget(), after.getBudget()));
    sum.setBudgetRemaining(
        moveBy(sum.getBudgetRemaining(), before.getBudgetRemaining(), after.getBudgetRemaining()));
    sum.setUpdatedAt(latest(sum.getUpdatedAt(), eventTime));
    final String allKey = key(ALL, after.getProgramme(), after.getYear());
    store.put(allKey, all);
    pending.put(allKey, eventTime.toEpochMilli());
  }

  static void count(Totals totals, DecisionStatus status, int delta) {
    totals.setReceived(totals.getReceived() + delta);
    switch (status) {
      case APPROVED -> totals.setApproved(totals.getApproved() + delta);
      case REJECTED -> totals.setRejected(totals.getRejected() + delta);
      case WAITLISTED -> totals.setWaitlisted(totals.getWaitlisted() + delta);
      case WITHDRAWN -> totals.setWithdrawn(totals.getWithdrawn() + delta);
    }
  }

  /** Whether {@code amount} can still be drawn; no budget record means unlimited. */
  static boolean fits(Totals totals, BigDecimal amount) {
    return totals.getBudget() == null
        || totals.getApprovedAmount().add(amount).compareTo(totals.getBudget()) <= 0;
  }

  static BigDecimal remaining(Totals totals) {
    return totals.getBudget() == null
        ? null
        : totals.getBudget().subtract(totals.getApprovedAmount());
  }

  private static BigDecimal moveBy(BigDecimal sum, BigDecimal before, BigDecimal after) {
    if (before == null && after == null) {
      return sum;
    }
    final BigDecimal base = sum == null ? ZERO : sum;
    return base.add(after == null ? ZERO : after).subtract(before == null ? ZERO : before);
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  private static Totals empty(String zone, Programme programme, int year) {
    return Totals.newBuilder()
        .setZone(zone)
        .setProgramme(programme)
        .setYear(year)
        .setReceived(0)
        .setApproved(0)
        .setRejected(0)
        .setWaitlisted(0)
        .setWithdrawn(0)
        .setApprovedAmount(ZERO)
        .setBudget(null)
        .setBudgetRemaining(null)
        .setUpdatedAt(Instant.EPOCH)
        .build();
  }
}
