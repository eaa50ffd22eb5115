package cn.gxq.subsidy.topology;

import static cn.gxq.subsidy.topology.Fixtures.creditCode;
import static cn.gxq.subsidy.topology.Fixtures.rentRelief;
import static cn.gxq.subsidy.topology.Fixtures.smallSoftwareFirm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.contract.BucketKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A long random mix of applications, amendments, withdrawals, redeliveries and budget changes
 * (fixed seed, so a failure reproduces). After every step the published totals must equal a recount
 * of the current decisions, sequences must run 1, 2, 3… per application, and approved money may
 * only grow while it fits the budget.
 */
class LedgerPropertyTest {

  private static final String[] ZONES = {"ZGC", "ZJ"};
  private static final int ENTERPRISES = 60;
  private static final int STEPS = 3000;

  private final Random random = new Random(20221001L);
  private final Map<String, Decision> current = new HashMap<>();
  private final Map<String, RentReliefApplication> lastRevision = new HashMap<>();
  private final Map<String, Totals> published = new HashMap<>();
  private final List<String> ids = new ArrayList<>();
  private Instant clock = Instant.parse("2022-02-01T00:00:00Z");

  @Test
  void totalsAlwaysEqualARecountOfTheCurrentDecisions() {
    try (TopologyHarness harness = new TopologyHarness()) {
      for (int n = 0; n < ENTERPRISES; n++) {
        harness.register(
            smallSoftwareFirm(
                    creditCode(n), ZONES[n % ZONES.length], Instant.parse("2022-01-01T00:00:00Z"))
                .build());
      }
      int approvals = 0;
      int waitlisted = 0;
      for (int step = 0; step < STEPS; step++) {
        clock = clock.plus(Duration.ofMinutes(1));
        final Map<String, BigDecimal> approvedBefore = approvedByBucket();
        final boolean redelivery = act(harness);
        final List<Decision> decisions = harness.newDecisions();
        if (redelivery) {
          assertThat(decisions)
              .as("step %d: a redelivered revision decides nothing", step)
              .isEmpty();
        }
        for (Decision decision : decisions) {
          final Decision previous = current.get(decision.getApplicationId());
          final long expected = previous == null ? 1 : previous.getSequence() + 1;
          assertThat(decision.getSequence())
              .as("step %d: sequence of %s", step, decision.getApplicationId())
              .isEqualTo(expected);
          current.put(decision.getApplicationId(), decision);
          approvals += decision.getStatus() == DecisionStatus.APPROVED ? 1 : 0;
          waitlisted += decision.getStatus() == DecisionStatus.WAITLISTED ? 1 : 0;
        }
        published.putAll(harness.publishedTotals());
        assertTotalsMatchRecount(step);
        assertApprovalsFitTheBudget(step, approvedBefore);
      }
      // The mix must actually have exercised the interesting paths.
      assertThat(approvals).isGreaterThan(200);
      assertThat(waitlisted).isGreaterThan(50);
      assertThat(current.values())
          .extracting(Decision::getStatus)
          .contains(DecisionStatus.WITHDRAWN, DecisionStatus.REJECTED);
    }
  }

  /** One random input; true when it was a redelivery of the last revision. */
  private boolean act(TopologyHarness harness) {
    final int roll = random.nextInt(100);
    if (roll < 40 || ids.isEmpty()) {
      final String id = "RR-" + ids.size();
      ids.add(id);
      final int enterprise = random.nextInt(ENTERPRISES);
      final String rent = random.nextInt(100) < 5 ? "-1.00" : (100 + random.nextInt(4900)) + ".00";
      send(
          harness,
          rentRelief(id, creditCode(enterprise), rent, clock)
              .setLandlordName("国有房东" + random.nextInt(3))
              .build());
      return false;
    }
    final String id = ids.get(random.nextInt(ids.size()));
    final RentReliefApplication last = lastRevision.get(id);
    if (roll < 65) {
      send(
          harness,
          RentReliefApplication.newBuilder(last)
              .setRevision(last.getRevision() + 1)
              .setWithdrawn(false)
              .setMonthlyRent(new BigDecimal((100 + random.nextInt(4900)) + ".00"))
              .setSubmittedAt(clock)
              .build());
    } else if (roll < 75) {
      send(
          harness,
          RentReliefApplication.newBuilder(last)
              .setRevision(last.getRevision() + 1)
              .setWithdrawn(true)
              .setSubmittedAt(clock)
              .build());
    } else if (roll < 85) {
      harness.submit(last);
      return true;
    } else {
      harness.allot(
          Fixtures.budget(
              ZONES[random.nextInt(ZONES.length)], (random.nextInt(40) * 10_000) + ".00", clock));
    }
    return false;
  }

  private void send(TopologyHarness harness, RentReliefApplication application) {
    lastRevision.put(application.getApplicationId(), application);
    harness.submit(application);
  }

  private void assertTotalsMatchRecount(int step) {
    final Map<String, long[]> counts = new HashMap<>();
    final Map<String, BigDecimal> money = new HashMap<>();
    for (Decision d : current.values()) {
      final String zone = d.getZone() == null ? BucketKey.UNKNOWN_ZONE : d.getZone();
      for (String bucket : List.of(Fixtures.bucket(zone), Fixtures.bucket(BucketKey.ALL))) {
        final long[] c = counts.computeIfAbsent(bucket, k -> new long[5]);
        c[0]++;
        c[1 + d.getStatus().ordinal()]++;
        money.merge(bucket, d.getApprovedAmount(), BigDecimal::add);
      }
    }
    for (Map.Entry<String, long[]> entry : counts.entrySet()) {
      final Totals totals = published.get(entry.getKey());
      assertThat(totals).as("step %d: totals of %s", step, entry.getKey()).isNotNull();
      final long[] c = entry.getValue();
      assertThat(
              new long[] {
                totals.getReceived(),
                totals.getApproved(),
                totals.getRejected(),
                totals.getWaitlisted(),
                totals.getWithdrawn()
              })
          .as("step %d: counts of %s", step, entry.getKey())
          .containsExactly(c);
      assertThat(totals.getApprovedAmount())
          .as("step %d: approved in %s", step, entry.getKey())
          .isEqualByComparingTo(money.get(entry.getKey()));
    }
  }

  private Map<String, BigDecimal> approvedByBucket() {
    final Map<String, BigDecimal> approved = new HashMap<>();
    published.forEach((key, totals) -> approved.put(key, totals.getApprovedAmount()));
    return approved;
  }

  private void assertApprovalsFitTheBudget(int step, Map<String, BigDecimal> before) {
    for (Totals totals : published.values()) {
      final String key =
          new BucketKey(totals.getZone(), totals.getProgramme(), totals.getYear()).toString();
      final BigDecimal was = before.getOrDefault(key, BigDecimal.ZERO);
      if (totals.getBudget() != null
          && !BucketKey.ALL.equals(totals.getZone())
          && totals.getApprovedAmount().compareTo(was) > 0) {
        assertThat(totals.getApprovedAmount())
            .as("step %d: approved money in %s grew past its" + " budget", step, key)
            .isLessThanOrEqualTo(totals.getBudget());
      }
    }
  }
}
