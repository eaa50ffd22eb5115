package cn.gxq.subsidy.app;

import static cn.gxq.subsidy.app.HttpClientSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.metrics.BudgetGauges;
import cn.gxq.subsidy.app.security.ClientConfig;
import cn.gxq.subsidy.app.start.ContractPublisher;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Mix;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.topology.LedgerStores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances of one application id on topics of three partitions: each answers {@code GET
 * /applications/{id}} and {@code /totals} for keys the other owns, by asking the owner; a hop that
 * reaches an instance which does not own the partition is refused with 503, never forwarded.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class TwoInstanceApiTest {

  private static final int APPLICATIONS = 45;

  @Test
  void eachInstanceAnswersForKeysTheOtherOwns() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(3);
        ContractPublisher publisher =
            new ContractPublisher(
                ClientConfig.load(null, cluster.bootstrap()), cluster.client, cluster.topics)) {
      final DemoScenario scenario =
          DemoScenario.of(
              5L, 200, Instant.parse("2022-04-01T01:00:00Z"), Duration.ofMinutes(10), Mix.clean());
      scenario.enterprises().forEach(publisher::publish);
      scenario.budgets().forEach(publisher::publish);
      scenario.applicationGenerator().take(APPLICATIONS).forEach(publisher::publish);
      publisher.flush();

      final ClusterFixture.Instance a = cluster.startInstance("two-instance-it");
      final ClusterFixture.Instance b = cluster.startInstance("two-instance-it");
      awaitSettled(cluster, a, b);

      final List<ConsumerRecord<String, byte[]>> records =
          cluster.readUntil(
              cluster.topics.decisions(),
              r -> r.stream().map(ConsumerRecord::key).distinct().count() >= APPLICATIONS,
              Duration.ofSeconds(120));
      final Map<String, Decision> decided = HttpClientSupport.latestDecisions(cluster, records);
      assertThat(decided).hasSize(APPLICATIONS);

      // Every application's decision has one owner; the other instance must answer too.
      // (Which instance owns which is the assignor's choice: with a split, both directions.)
      final Map<String, HostInfo> owners = owners(a.streams(), decided.keySet());
      final HostInfo hostA = new HostInfo("127.0.0.1", a.httpPort());
      System.out.println(
          "owners: "
              + owners.values().stream()
                  .collect(Collectors.groupingBy(HostInfo::port, Collectors.counting()))
              + " (A="
              + a.httpPort()
              + ", B="
              + b.httpPort()
              + ")");
      assertThat(owners(b.streams(), decided.keySet())).isEqualTo(owners);
      assertThat(new java.util.HashSet<>(owners.values())).as("both instances own some").hasSize(2);
      final RecordJson json = new RecordJson();
      for (Decision decision : decided.values()) {
        final ClusterFixture.Instance owner =
            owners.get(decision.getApplicationId()).equals(hostA) ? a : b;
        final ClusterFixture.Instance other = owner == a ? b : a;
        final String path = "/applications/" + decision.getApplicationId();
        // The non-owner asks the owner; the answer is the same as the owner's own.
        final HttpClientSupport.Answer viaOther = get(other.url() + path);
        assertThat(viaOther.status())
            .as(decision.getApplicationId() + " via non-owner: " + viaOther.body())
            .isEqualTo(200);
        assertThat(viaOther.json())
            .isEqualTo(HttpClientSupport.MAPPER.readTree(json.write(decision)));
        assertThat(get(owner.url() + path).json()).isEqualTo(viaOther.json());
        // The history too is asked of the owner; it ends with the current decision.
        final HttpClientSupport.Answer history = get(other.url() + path + "/history");
        assertThat(history.status()).as(history.body()).isEqualTo(200);
        assertThat(history.json().get(history.json().size() - 1)).isEqualTo(viaOther.json());
        assertThat(get(owner.url() + path + "/history").json()).isEqualTo(history.json());
        // An internal hop that lands on the wrong instance is refused, not forwarded.
        final HttpClientSupport.Answer misrouted = get(other.url() + path + "?local=true");
        assertThat(misrouted.status()).as(misrouted.body()).isEqualTo(503);
        assertThat(misrouted.header("Retry-After")).isNotNull();
      }
      assertThat(get(a.url() + "/applications/RR-2022-424242").status()).isEqualTo(404);
      assertThat(get(b.url() + "/applications/RR-2022-424242").status()).isEqualTo(404);
      assertThat(get(a.url() + "/applications/RR-2022-424242/history").status()).isEqualTo(404);
      assertThat(get(b.url() + "/applications/RR-2022-424242/history").status()).isEqualTo(404);

      // Totals: the same whole answer from either instance.
      final var totalsA = get(a.url() + "/totals").json();
      assertThat(totalsA.size()).isGreaterThan(3);
      assertThat(get(b.url() + "/totals").json()).isEqualTo(totalsA);
      final long received =
          java.util.stream.StreamSupport.stream(totalsA.spliterator(), false)
              .filter(t -> t.get("zone").asText().equals("ALL"))
              .mapToLong(t -> t.get("received").asLong())
              .sum();
      assertThat(received).isEqualTo(APPLICATIONS);

      // The latest decisions merge both instances' feeds.
      final var latest = get(a.url() + "/decisions/latest?limit=200").json();
      final List<String> ids = new ArrayList<>();
      latest.forEach(d -> ids.add(d.get("applicationId").asText()));
      assertThat(ids).containsAll(decided.keySet());

      // Budget gauges: each instance shows the buckets it holds, together all of them once;
      // when one instance leaves, the other takes its partitions and their gauges.
      final Set<String> budgeted = new java.util.TreeSet<>();
      totalsA.forEach(
          t -> {
            if (!t.get("budget").isNull()) {
              budgeted.add(
                  t.get("zone").asText()
                      + ":"
                      + t.get("programme").asText()
                      + ":"
                      + t.get("year").asText());
            }
          });
      assertThat(budgeted).isNotEmpty();
      awaitGauges(
          () -> {
            final Set<String> onA = gaugeBuckets(a);
            final Set<String> onB = gaugeBuckets(b);
            final Set<String> both = new java.util.TreeSet<>(onA);
            both.retainAll(onB);
            final Set<String> either = new java.util.TreeSet<>(onA);
            either.addAll(onB);
            return both.isEmpty() && either.equals(budgeted) && !onA.isEmpty() && !onB.isEmpty();
          },
          "the instances' gauges split the budgeted buckets " + budgeted);
      b.close();
      awaitGauges(
          () -> gaugeBuckets(a).equals(budgeted),
          "the remaining instance shows every budgeted bucket " + budgeted);
    }
  }

  /** The buckets of {@code subsidy_budget_remaining_yuan} rows in an instance's /metrics. */
  private static Set<String> gaugeBuckets(ClusterFixture.Instance instance) {
    final Set<String> buckets = new java.util.TreeSet<>();
    final java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^subsidy_budget_remaining_yuan\\{([^}]*)\\} \\S+$")
            .matcher(get(instance.url() + "/metrics").body());
    while (m.find()) {
      final Map<String, String> labels = new java.util.HashMap<>();
      for (String pair : m.group(1).split(",")) {
        final String[] kv = pair.split("=", 2);
        labels.put(kv[0], kv[1].replace("\"", ""));
      }
      buckets.add(labels.get("zone") + ":" + labels.get("programme") + ":" + labels.get("year"));
    }
    return buckets;
  }

  private static void awaitGauges(java.util.function.BooleanSupplier done, String what)
      throws InterruptedException {
    final long deadline =
        System.nanoTime() + TimeUnit.SECONDS.toNanos(60 + 3 * BudgetGauges.REFRESH_SECONDS);
    while (!done.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      Thread.sleep(500);
    }
  }

  /**
   * Waits until both instances are RUNNING, agree on the owners of the decisions, and each answers
   * {@code /totals} (every partition queryable): the assignment has settled.
   */
  private static void awaitSettled(
      ClusterFixture cluster, ClusterFixture.Instance a, ClusterFixture.Instance b)
      throws InterruptedException {
    cluster.awaitRunning(Duration.ofSeconds(120));
    final List<String> probe = List.of("probe-1", "probe-2", "probe-3", "probe-4", "probe-5");
    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    int stableRounds = 0;
    Map<String, HostInfo> last = null;
    while (System.nanoTime() < deadline) {
      final Map<String, HostInfo> ownersA = owners(a.streams(), probe);
      final Map<String, HostInfo> ownersB = owners(b.streams(), probe);
      final boolean settled =
          a.streams().state() == KafkaStreams.State.RUNNING
              && b.streams().state() == KafkaStreams.State.RUNNING
              && ownersA != null
              && ownersA.equals(ownersB)
              && get(a.url() + "/totals").status() == 200
              && get(b.url() + "/totals").status() == 200;
      stableRounds = settled && ownersA.equals(last) ? stableRounds + 1 : 0;
      last = settled ? ownersA : null;
      if (stableRounds >= 5) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "assignment did not settle: "
            + owners(a.streams(), probe)
            + " vs "
            + owners(b.streams(), probe));
  }

  /** Who answers for each application id, as one instance sees it; null while unknown. */
  private static Map<String, HostInfo> owners(
      KafkaStreams streams, java.util.Collection<String> ids) {
    final Map<String, HostInfo> owners = new java.util.TreeMap<>();
    for (String id : ids) {
      final KeyQueryMetadata m =
          streams.queryMetadataForKey(
              LedgerStores.DECISIONS,
              id,
              org.apache.kafka.common.serialization.Serdes.String().serializer());
      if (m == null || m.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
        return null;
      }
      owners.put(id, m.activeHost());
    }
    return owners;
  }
}
