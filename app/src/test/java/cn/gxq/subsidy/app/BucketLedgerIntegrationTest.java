package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.rules.CreditCode;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.topology.LedgerStores;
import cn.gxq.subsidy.topology.PipelineObserver;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

/**
 * The ledger keyed by bucket, on a real broker with six partitions and two instances: a demo
 * workload over fifteen or more buckets is shared between the instances, and an application whose
 * enterprise moves zone is handed over from a bucket one instance owns to a bucket the other owns,
 * keeping its decisions numbered 1, 2, 3 and releasing the waitlist it leaves behind.
 */
class BucketLedgerIntegrationTest {

  private static final int PARTITIONS = 6;
  private static final int APPLICATIONS = 1500;

  @Test
  void bucketsSpreadOverInstancesAndAMoveCrossesThem() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(PARTITIONS);
        GeneratedPublisher publisher =
            new GeneratedPublisher(cluster.bootstrap(), cluster.client, cluster.topics)) {
      final DemoScenario scenario =
          DemoScenario.standard(23L, 600, Instant.parse("2022-03-01T00:00:00Z"));
      final List<Generated> applications = scenario.applicationGenerator().take(APPLICATIONS);
      publisher.publishAll(scenario.enterprises());
      publisher.publishAll(scenario.budgets());
      final Counting countA = new Counting();
      final Counting countB = new Counting();
      final ClusterFixture.Instance a = cluster.startInstance("bucket-ledger-it", countA);
      final ClusterFixture.Instance b = cluster.startInstance("bucket-ledger-it", countB);
      cluster.awaitRunning(Duration.ofSeconds(90));
      publisher.publishAll(applications);

      final Set<String> ids = new HashSet<>();
      applications.forEach(g -> ids.add(g.key()));
      final Map<String, Decision> current = readDecisions(cluster, ids);
      final Set<String> buckets = new HashSet<>();
      current.values().forEach(d -> buckets.add(bucketOf(d).toString()));
      assertThat(buckets).as("the workload spreads over buckets").hasSizeGreaterThanOrEqualTo(15);
      final long total = countA.decided.get() + countB.decided.get();
      final double shareA = (double) countA.decided.get() / total;
      System.out.printf(
          "ledger records: A %d, B %d (A's share %.2f) over %d buckets%n",
          countA.decided.get(), countB.decided.get(), shareA, buckets.size());
      assertThat(shareA).as("A's share of the ledger's records").isBetween(0.35, 0.65);

      moveAcrossInstances(cluster, a, b);
    }
  }

  /**
   * An application approved in one zone's bucket fills its budget and another waits behind it; then
   * its enterprise moves to a zone whose bucket the other instance owns, and two revisions follow
   * in quick succession (the second may arrive before the first is handed over).
   */
  private static void moveAcrossInstances(
      ClusterFixture cluster, ClusterFixture.Instance a, ClusterFixture.Instance b)
      throws Exception {
    final HostInfo hostA = new HostInfo("127.0.0.1", a.httpPort());
    String from = null;
    String to = null;
    for (int n = 0; n < 40 && (from == null || to == null); n++) {
      final String zone = "MV" + n;
      final KeyQueryMetadata owner =
          a.streams()
              .queryMetadataForKey(
                  LedgerStores.BUCKETS, bucket(zone).toString(), Serdes.String().serializer());
      if (owner.activeHost().equals(hostA)) {
        from = from == null ? zone : from;
      } else {
        to = to == null ? zone : to;
      }
    }
    assertThat(from).isNotNull();
    assertThat(to).isNotNull();
    final String mover = creditCode(900001);
    final String waiter = creditCode(900002);
    register(cluster, mover, from, "2022-01-01T00:00:00Z");
    register(cluster, waiter, from, "2022-01-01T00:00:00Z");
    cluster.send(
        cluster.topics.budgets(),
        bucket(from).toString(),
        new Budget(
            from,
            Programme.RENT_RELIEF,
            2022,
            new BigDecimal("6000.00"),
            at("2022-02-01T00:00:00Z")),
        at("2022-02-01T00:00:00Z").toEpochMilli(),
        Budget.class);
    // Budget and applications reach the bucket through different join tasks: apply only once the
    // ledger shows the budget, or the bucket would still be unlimited (domain.md).
    final String budgeted = bucket(from).toString();
    final AvroDeserializer<Totals> totalsCodec =
        new AvroDeserializer<>(Totals.class, cluster.client);
    cluster.readUntil(
        cluster.topics.totals(),
        records ->
            records.stream()
                .anyMatch(
                    r ->
                        r.key().equals(budgeted)
                            && totalsCodec.deserialize(r.topic(), r.value()).getBudget() != null),
        Duration.ofSeconds(60));
    apply(cluster, "MOVE-1", 1, mover, "2000.00", "2022-03-01T00:00:00Z"); // 6,000.00: fills it
    apply(cluster, "WAIT-1", 1, waiter, "1000.00", "2022-03-02T00:00:00Z"); // 3,000.00: waits
    readDecisions(cluster, Set.of("MOVE-1", "WAIT-1"));

    register(cluster, mover, to, "2022-05-01T00:00:00Z");
    Thread.sleep(2000); // the registry update reaches the join before the revision
    apply(cluster, "MOVE-1", 2, mover, "2000.00", "2022-05-02T00:00:00Z");
    apply(cluster, "MOVE-1", 3, mover, "1500.00", "2022-05-03T00:00:00Z");

    final List<Decision> moves = new ArrayList<>();
    final List<Decision> waits = new ArrayList<>();
    final AvroDeserializer<Decision> codec = new AvroDeserializer<>(Decision.class, cluster.client);
    cluster.readUntil(
        cluster.topics.decisions(),
        records -> {
          moves.clear();
          waits.clear();
          for (ConsumerRecord<String, byte[]> r : records) {
            if (r.key().equals("MOVE-1")) {
              moves.add(codec.deserialize(r.topic(), r.value()));
            } else if (r.key().equals("WAIT-1")) {
              waits.add(codec.deserialize(r.topic(), r.value()));
            }
          }
          return moves.size() >= 3 && waits.size() >= 2;
        },
        Duration.ofSeconds(60));
    assertThat(moves)
        .extracting(
            Decision::getRevision, Decision::getSequence, Decision::getZone, Decision::getStatus)
        .containsExactly(
            tuple(1, 1L, from, DecisionStatus.APPROVED),
            tuple(2, 2L, to, DecisionStatus.APPROVED),
            tuple(3, 3L, to, DecisionStatus.APPROVED));
    assertThat(moves.get(2).getApprovedAmount()).isEqualByComparingTo("4500.00");
    assertThat(waits)
        .extracting(Decision::getSequence, Decision::getStatus)
        .containsExactly(tuple(1L, DecisionStatus.WAITLISTED), tuple(2L, DecisionStatus.APPROVED));
    assertThat(waits.get(1).getReasons().get(0).getCode()).isEqualTo("APPROVED_FROM_WAITLIST");

    final Map<String, Totals> totals = latestTotals(cluster, from, to);
    assertThat(totals.get(bucket(from).toString()).getApprovedAmount())
        .isEqualByComparingTo("3000.00");
    assertThat(totals.get(bucket(from).toString()).getReceived()).isEqualTo(1);
    assertThat(totals.get(bucket(to).toString()).getApprovedAmount())
        .isEqualByComparingTo("4500.00");
    assertThat(totals.get(bucket(to).toString()).getReceived()).isEqualTo(1);
  }

  private static Map<String, Totals> latestTotals(ClusterFixture cluster, String from, String to) {
    final AvroDeserializer<Totals> codec = new AvroDeserializer<>(Totals.class, cluster.client);
    final Map<String, Totals> latest = new HashMap<>();
    cluster.readUntil(
        cluster.topics.totals(),
        records -> {
          records.forEach(r -> latest.put(r.key(), codec.deserialize(r.topic(), r.value())));
          final Totals f = latest.get(bucket(from).toString());
          final Totals t = latest.get(bucket(to).toString());
          return f != null && t != null && f.getReceived() == 1 && t.getReceived() == 1;
        },
        Duration.ofSeconds(30));
    return latest;
  }

  private static Map<String, Decision> readDecisions(ClusterFixture cluster, Set<String> ids) {
    final AvroDeserializer<Decision> codec = new AvroDeserializer<>(Decision.class, cluster.client);
    final Map<String, Decision> current = new HashMap<>();
    final Map<String, Long> lastSequence = new HashMap<>();
    cluster.readUntil(
        cluster.topics.decisions(),
        records -> {
          current.clear();
          lastSequence.clear();
          for (ConsumerRecord<String, byte[]> r : records) {
            final Decision d = codec.deserialize(r.topic(), r.value());
            assertThat(d.getSequence())
                .as("sequence of %s", d.getApplicationId())
                .isEqualTo(lastSequence.getOrDefault(d.getApplicationId(), 0L) + 1);
            lastSequence.put(d.getApplicationId(), d.getSequence());
            current.put(d.getApplicationId(), d);
          }
          return current.keySet().containsAll(ids);
        },
        Duration.ofSeconds(180));
    assertThat(current.keySet()).containsAll(ids);
    return current;
  }

  private static BucketKey bucketOf(Decision d) {
    return new BucketKey(d.getZone(), d.getProgramme(), d.getYear());
  }

  private static BucketKey bucket(String zone) {
    return new BucketKey(zone, Programme.RENT_RELIEF, 2022);
  }

  private static Instant at(String instant) {
    return Instant.parse(instant);
  }

  private static String creditCode(int n) {
    final String first17 = "91110108" + String.format("%09d", n);
    return first17 + CreditCode.checkCharacter(first17);
  }

  private static void register(ClusterFixture cluster, String code, String zone, String at) {
    final Enterprise enterprise =
        TestEnterprises.smallFirm(code, "北京迁移测试科技有限公司" + code.substring(12, 17))
            .setZone(zone)
            .setUpdatedAt(at(at))
            .build();
    cluster.send(
        cluster.topics.enterprises(), code, enterprise, at(at).toEpochMilli(), Enterprise.class);
  }

  /** Rent relief 2022, state-owned landlord, whole-year lease, not risk-listed: 3 months. */
  private static void apply(
      ClusterFixture cluster, String id, int revision, String code, String rent, String at) {
    final RentReliefApplication application =
        TestApplications.rentRelief(id, code, at)
            .setRevision(revision)
            .setMonthlyRent(new BigDecimal(rent))
            .build();
    cluster.send(
        cluster.topics.applications(Catalogue.of(Programme.RENT_RELIEF)),
        id,
        application,
        at(at).toEpochMilli(),
        RentReliefApplication.class);
  }

  /** Counts the decisions one instance's ledger emits. */
  private static final class Counting implements PipelineObserver {
    final AtomicLong decided = new AtomicLong();

    @Override
    public void decided(Decision decision) {
      decided.incrementAndGet();
    }
  }
}
