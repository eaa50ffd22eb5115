package cn.gxq.subsidy.whatif;

import cn.gxq.subsidy.avro.DecisionStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Live decisions against a what-if's, application by application and bucket by bucket. Pure: no
 * Kafka, so the arithmetic is tested on its own.
 */
public final class WhatIfComparison {

  /** A bucket's figures from current decisions: what the totals count, money in yuan. */
  public record Figures(long approved, BigDecimal approvedAmount, long waitlisted, long rejected) {

    static final Figures NONE = new Figures(0, new BigDecimal("0.00"), 0, 0);

    Figures with(DecidedApplication d) {
      return new Figures(
          approved + (d.status() == DecisionStatus.APPROVED ? 1 : 0),
          approvedAmount.add(d.approvedAmount()),
          waitlisted + (d.status() == DecisionStatus.WAITLISTED ? 1 : 0),
          rejected + (d.status() == DecisionStatus.REJECTED ? 1 : 0));
    }
  }

  /** One {@code ZONE:PROGRAMME:YEAR} bucket, live and under the candidate. */
  public record Bucket(String zone, String programme, int year, Figures live, Figures candidate) {}

  /**
   * Why an outcome differs. {@code RULES}: the candidate judged the application itself otherwise
   * (eligibility, or the amount it asks or is approved). {@code COMPETITION}: the same amount was
   * asked on both sides and only the contest for a budget or a claim went otherwise: the changed
   * rules moved other applications, or (under an identical policy) the replay met competing
   * applications in another order than the live application did.
   */
  public enum Cause {
    RULES,
    COMPETITION
  }

  /** An application whose final status or approved amount differs; a side may be null. */
  public record Change(
      String applicationId, DecidedApplication live, DecidedApplication candidate, Cause cause) {}

  /**
   * The whole comparison. {@code applications}: revisions the replay decided; {@code
   * notDecidedLive}: applications whose last replayed revision live had not decided yet when the
   * replay began (it was catching up), left out of the buckets and the changes.
   */
  public record Result(
      long applications,
      long changed,
      long notDecidedLive,
      List<Bucket> buckets,
      List<Change> changes) {

    long changedBy(Cause cause) {
      return changes.stream().filter(c -> c.cause() == cause).count();
    }
  }

  private WhatIfComparison() {}

  static Result compare(
      Map<String, DecidedApplication> live,
      Map<String, DecidedApplication> candidate,
      long revisionsReplayed) {
    final Map<String, Figures[]> buckets = new TreeMap<>();
    live.values()
        .forEach(d -> figures(buckets, d.bucket())[0] = figures(buckets, d.bucket())[0].with(d));
    long notDecidedLive = 0;
    for (DecidedApplication d : candidate.values()) {
      final DecidedApplication before = live.get(d.applicationId());
      if (before == null || before.revision() < d.revision()) {
        notDecidedLive++;
        continue;
      }
      figures(buckets, d.bucket())[1] = figures(buckets, d.bucket())[1].with(d);
    }
    final List<Bucket> rows = new ArrayList<>();
    buckets.forEach(
        (key, f) -> {
          final String[] parts = key.split(":");
          rows.add(new Bucket(parts[0], parts[1], Integer.parseInt(parts[2]), f[0], f[1]));
        });
    final Set<String> ids = new TreeSet<>(live.keySet());
    ids.addAll(candidate.keySet());
    final List<Change> changes = new ArrayList<>();
    for (String id : ids) {
      final DecidedApplication before = live.get(id);
      final DecidedApplication after = candidate.get(id);
      if (before == null || (after != null && before.revision() < after.revision())) {
        continue; // live had not decided it yet: nothing to compare with
      }
      if (!before.sameOutcome(after)) {
        changes.add(new Change(id, before, after, cause(before, after)));
      }
    }
    return new Result(
        revisionsReplayed, changes.size(), notDecidedLive, List.copyOf(rows), List.copyOf(changes));
  }

  static Cause cause(DecidedApplication live, DecidedApplication candidate) {
    final boolean contest =
        live != null
            && candidate != null
            && live.competing()
            && candidate.competing()
            && live.status() != candidate.status()
            && sameAmount(live.requestedAmount(), candidate.requestedAmount());
    return contest ? Cause.COMPETITION : Cause.RULES;
  }

  private static boolean sameAmount(BigDecimal a, BigDecimal b) {
    return a == null ? b == null : b != null && a.compareTo(b) == 0;
  }

  private static Figures[] figures(Map<String, Figures[]> buckets, String bucket) {
    return buckets.computeIfAbsent(bucket, b -> new Figures[] {Figures.NONE, Figures.NONE});
  }
}
