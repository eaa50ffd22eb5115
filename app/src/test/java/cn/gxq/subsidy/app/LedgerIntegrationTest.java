package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.serde.AvroDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Budgets that run out and are raised, amendments and withdrawals, on a real broker with three
 * partitions per topic and two application instances, one of which is stopped without a graceful
 * shutdown half way. Afterwards the totals equal a recount of the current decisions, approved money
 * never exceeded a budget in any totals record ever emitted, and every application's decisions run
 * 1, 2, 3… with none missing and none doubled.
 */
class LedgerIntegrationTest {

  @Test
  void twoInstancesAndALostOneKeepTheLedgerExact() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(3);
        GeneratedPublisher publisher =
            new GeneratedPublisher(cluster.bootstrap(), cluster.client, cluster.topics)) {
      final DemoScenario scenario =
          DemoScenario.standard(11L, 400, Instant.parse("2022-03-01T00:00:00Z"));
      final List<Generated> applications = scenario.applicationGenerator().take(1200);
      publisher.publishAll(scenario.enterprises());
      publisher.publishAll(scenario.budgets());
      final ClusterFixture.Instance first = cluster.startInstance("ledger-it");
      final ClusterFixture.Instance second = cluster.startInstance("ledger-it");
      cluster.awaitRunning(Duration.ofSeconds(60));
      // A bucket without a budget is unlimited (domain.md). Budgets and applications reach a
      // bucket through different join tasks, so having published the budgets first does not mean
      // the ledger applied them first: wait until every budget shows on its bucket's totals.
      final Set<String> budgeted = new HashSet<>();
      scenario.budgets().forEach(g -> budgeted.add(g.key()));
      final AvroDeserializer<Totals> allotted =
          new AvroDeserializer<>(Totals.class, cluster.client);
      final Set<String> applied = new HashSet<>();
      cluster.readUntil(
          cluster.topics.totals(),
          records -> {
            for (ConsumerRecord<String, byte[]> r : records) {
              if (allotted.deserialize(r.topic(), r.value()).getBudget() != null) {
                applied.add(r.key());
              }
            }
            return applied.containsAll(budgeted);
          },
          Duration.ofSeconds(90));
      assertThat(applied).containsAll(budgeted);

      publisher.publishAll(applications.subList(0, 600));
      // Lose one instance mid-stream: no graceful hand-over, its tasks move to the other.
      second.streams().close(Duration.ZERO);
      publisher.publishAll(applications.subList(600, 1200));
      publisher.publishAll(scenario.budgetRaises(Instant.parse("2022-12-01T00:00:00Z")));

      final Set<String> ids = new HashSet<>();
      applications.forEach(g -> ids.add(g.key()));
      final AvroDeserializer<Decision> decisions =
          new AvroDeserializer<>(Decision.class, cluster.client);
      final Map<String, Decision> current = new HashMap<>();
      final Map<String, Long> lastSequence = new HashMap<>();
      final Quiet quiet = new Quiet(Duration.ofSeconds(2));
      cluster.readUntil(
          cluster.topics.decisions(),
          records -> {
            current.clear();
            lastSequence.clear();
            for (ConsumerRecord<String, byte[]> r : records) {
              final Decision d = decisions.deserialize(r.topic(), r.value());
              final long expected = lastSequence.getOrDefault(d.getApplicationId(), 0L) + 1;
              assertThat(d.getSequence())
                  .as("sequence of %s", d.getApplicationId())
                  .isEqualTo(expected);
              lastSequence.put(d.getApplicationId(), d.getSequence());
              current.put(d.getApplicationId(), d);
            }
            return current.keySet().containsAll(ids) && quiet.test(records.size());
          },
          Duration.ofSeconds(120));
      assertThat(current.keySet()).containsAll(ids);

      final AvroDeserializer<Totals> totalsCodec =
          new AvroDeserializer<>(Totals.class, cluster.client);
      final Map<String, Totals> latest = new HashMap<>();
      final Map<String, long[]> recount = recount(current.values());
      cluster.readUntil(
          cluster.topics.totals(),
          records -> {
            latest.clear();
            for (ConsumerRecord<String, byte[]> r : records) {
              final Totals t = totalsCodec.deserialize(r.topic(), r.value());
              if (t.getBudget() != null && !"ALL".equals(t.getZone())) {
                assertThat(t.getApprovedAmount())
                    .as("approved in %s", r.key())
                    .isLessThanOrEqualTo(t.getBudget());
              }
              latest.put(r.key(), t);
            }
            return recount.entrySet().stream()
                .allMatch(e -> matches(latest.get(e.getKey()), e.getValue()));
          },
          Duration.ofSeconds(30));

      for (Map.Entry<String, long[]> e : recount.entrySet()) {
        final Totals t = latest.get(e.getKey());
        assertThat(t).as(e.getKey()).isNotNull();
        assertThat(counts(t))
            .as("counts of %s", e.getKey())
            .containsExactly(java.util.Arrays.copyOf(e.getValue(), 5));
        assertThat(t.getApprovedAmount().movePointRight(2).longValueExact())
            .as("approved in %s", e.getKey())
            .isEqualTo(e.getValue()[5]);
      }
      // The budgets did run out and release: the mix exercised the waitlist.
      assertThat(current.values())
          .anySatisfy(
              d ->
                  assertThat(d.getReasons())
                      .anySatisfy(
                          r ->
                              assertThat(r.getCode())
                                  .isIn("BUDGET_EXHAUSTED", "APPROVED_FROM_WAITLIST")));
      assertThat(first.streams().state().isRunningOrRebalancing()).isTrue();
    }
  }

  /** Per bucket (and ALL): received, approved, rejected, waitlisted, withdrawn, approved fen. */
  private static Map<String, long[]> recount(Iterable<Decision> decisions) {
    final Map<String, long[]> counts = new HashMap<>();
    for (Decision d : decisions) {
      final String zone = d.getZone() == null ? "UNKNOWN" : d.getZone();
      for (String z : List.of(zone, "ALL")) {
        final long[] c =
            counts.computeIfAbsent(
                z + ":" + d.getProgramme() + ":" + d.getYear(), k -> new long[6]);
        c[0]++;
        c[
            switch (d.getStatus()) {
              case APPROVED -> 1;
              case REJECTED -> 2;
              case WAITLISTED -> 3;
              case WITHDRAWN -> 4;
            }]++;
        c[5] += d.getApprovedAmount().movePointRight(2).longValueExact();
      }
    }
    return counts;
  }

  private static long[] counts(Totals t) {
    return new long[] {
      t.getReceived(), t.getApproved(), t.getRejected(), t.getWaitlisted(), t.getWithdrawn()
    };
  }

  private static boolean matches(Totals t, long[] c) {
    return t != null
        && java.util.Arrays.equals(counts(t), java.util.Arrays.copyOf(c, 5))
        && t.getApprovedAmount().movePointRight(2).longValueExact() == c[5];
  }

  /** True once a count has not changed for a while: releases may follow the last input. */
  private static final class Quiet {
    private final Duration wait;
    private long lastCount = -1;
    private long stableSince;

    Quiet(Duration wait) {
      this.wait = wait;
    }

    boolean test(long count) {
      final long now = System.nanoTime();
      if (count != lastCount) {
        lastCount = count;
        stableSince = now;
        return false;
      }
      return now - stableSince > wait.toNanos();
    }
  }
}
