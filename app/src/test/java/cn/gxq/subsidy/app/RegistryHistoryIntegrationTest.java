package cn.gxq.subsidy.app;

import static cn.gxq.subsidy.app.HttpClientSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.command.ClusterOptions;
import cn.gxq.subsidy.app.command.WhatIfCommand;
import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.topology.Proposals;
import cn.gxq.subsidy.whatif.WhatIfComparison;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A decision can be reproduced after the broker's log cleaner has run over inputs dated in the
 * past: every registry and budget version stays on its topic, an instance whose state directory is
 * gone restores the registry and the ledger from the topics and answers every query as before, a
 * later revision is decided as the original instance would have, and a what-if replay of the
 * bundled policy book changes nothing.
 *
 * <p>The registry's versions are dated 2022-01-01 (small firms), 2022-09-01 and 2023-03-01 (large
 * firms): the applications, submitted 2022-04-15, are eligible only against the first. A control
 * topic configured as the registry was before (compacted, seven days' lag) receives the same
 * records: it losing versions is what shows that the cleaner ran.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class RegistryHistoryIntegrationTest {

  private static final int ENTERPRISES = 12;
  private static final String APP = "history-it";
  private static final String CONTROL = "control.registry-as-compacted-before";
  private static final Instant SMALL = Instant.parse("2022-01-01T00:00:00Z");
  private static final Instant LARGE = Instant.parse("2022-09-01T00:00:00Z");
  private static final Instant LARGER = Instant.parse("2023-03-01T00:00:00Z");
  private static final Instant LAST = Instant.parse("2023-06-01T00:00:00Z");

  /** A cleaner that looks every 200 ms and cleans any dirt. */
  private static final Map<String, String> EAGER_CLEANER =
      Map.of("log.cleaner.backoff.ms", "200", "log.retention.check.interval.ms", "500");

  @Test
  void decisionsAreReproducedAfterTheCleanerRanAndTheStateWasLost() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(3, EAGER_CLEANER)) {
      try (Admin admin = cluster.admin()) {
        admin
            .createTopics(
                List.of(
                    new NewTopic(CONTROL, 1, (short) 1)
                        .configs(
                            Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT,
                                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                                "604800000",
                                TopicConfig.SEGMENT_MS_CONFIG,
                                "100",
                                TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG,
                                "0.01"))))
            .all()
            .get();
        // Every record dated apart from the one before starts a segment of its own.
        rollOften(admin, cluster.topics.enterprises());
        rollOften(admin, cluster.topics.budgets());
      }
      final List<String> codes = new ArrayList<>();
      for (int n = 0; n < ENTERPRISES; n++) {
        codes.add(TestEnterprises.creditCode("91110108MH" + String.format("%05d", n)));
      }
      int registryRecords = 0;
      for (Instant at : List.of(SMALL, LARGE, LARGER)) {
        for (String code : codes) {
          final Enterprise version = version(code, at);
          cluster.send(
              cluster.topics.enterprises(), code, version, at.toEpochMilli(), Enterprise.class);
          cluster.send(CONTROL, code, version, at.toEpochMilli(), Enterprise.class);
          registryRecords++;
        }
      }
      // Every budget fits all twelve: budgets and applications reach the ledger through different
      // tasks, and which comes first is timing (README, "Budgets").
      final List<BigDecimal> budgets =
          List.of(
              new BigDecimal("1000000.00"),
              new BigDecimal("2000000.00"),
              new BigDecimal("1500000.00"));
      for (int i = 0; i < budgets.size(); i++) {
        final Instant at = SMALL.plus(Duration.ofDays(30L * i));
        cluster.send(
            cluster.topics.budgets(),
            "ZGC:RENT_RELIEF:2022",
            budget(budgets.get(i), at),
            at.toEpochMilli(),
            Budget.class);
      }

      final ClusterFixture.Instance live = cluster.startInstance(APP);
      for (int n = 0; n < ENTERPRISES; n++) {
        send(cluster, application(n, codes.get(n), 1, "2022-04-15T02:00:00Z"));
      }
      final Map<String, Decision> first = awaitDecisions(cluster, ENTERPRISES, 1);
      assertThat(first.values())
          .allSatisfy(
              d -> {
                assertThat(d.getStatus().name()).as(d.getApplicationId()).isEqualTo("APPROVED");
                assertThat(d.getDetails())
                    .containsEntry(Proposals.REGISTRY_VERSION, SMALL.toString());
              });
      // The sum over zones comes a repartition after the zone's totals: wait until both show.
      awaitTotals(live, ENTERPRISES);
      final Map<String, JsonNode> answers = answers(live, first.keySet());

      // A later-dated record closes each topic's active segment; then wait for the cleaner.
      final String newcomer = TestEnterprises.creditCode("91110108MH99999");
      for (String topic : List.of(cluster.topics.enterprises(), CONTROL)) {
        cluster.send(
            topic, newcomer, version(newcomer, LAST), LAST.toEpochMilli(), Enterprise.class);
      }
      final long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      while (count(cluster, CONTROL, registryRecords + 1) > ENTERPRISES + 1) {
        assertThat(System.nanoTime())
            .as("the cleaner compacted the control topic")
            .isLessThan(deadline);
        Thread.sleep(500);
      }
      assertThat(count(cluster, cluster.topics.enterprises(), registryRecords + 1))
          .as("every registry version is still on its topic")
          .isEqualTo(registryRecords + 1);
      assertThat(count(cluster, cluster.topics.budgets(), budgets.size()))
          .as("every budget version is still on its topic")
          .isEqualTo(budgets.size());

      // The state is lost: a new instance of the same application restores it from the topics.
      live.close();
      final ClusterFixture.Instance rebuilt = cluster.startInstance(APP);
      final long running = System.nanoTime() + Duration.ofSeconds(120).toNanos();
      while (rebuilt.streams().state() != KafkaStreams.State.RUNNING) {
        assertThat(System.nanoTime()).as("the rebuilt instance runs").isLessThan(running);
        Thread.sleep(100);
      }
      assertThat(answers(rebuilt, first.keySet())).isEqualTo(answers);

      // An unchanged second revision, a day later, meets the registry as it was: still small.
      for (int n = 0; n < ENTERPRISES; n += 2) {
        send(cluster, application(n, codes.get(n), 2, "2022-04-16T02:00:00Z"));
      }
      final Map<String, Decision> second = awaitDecisions(cluster, ENTERPRISES / 2, 2);
      for (Decision d : second.values()) {
        final Decision before = first.get(d.getApplicationId());
        assertThat(d.getStatus()).as(d.getApplicationId()).isEqualTo(before.getStatus());
        assertThat(d.getApprovedAmount()).isEqualByComparingTo(before.getApprovedAmount());
        assertThat(d.getSequence()).as(d.toString()).isEqualTo(before.getSequence() + 1);
        assertThat(d.getDetails()).containsEntry(Proposals.REGISTRY_VERSION, SMALL.toString());
      }

      // A replay of the bundled book meets what live met: nothing changes.
      final WhatIfComparison.Result replay =
          whatIf(cluster)
              .replayAndCompare(
                  "history",
                  Rulebook.fromDefaultPolicy(),
                  "bundled",
                  cluster.client,
                  new PrintStream(OutputStream.nullOutputStream()));
      assertThat(replay.applications()).as("revisions replayed").isEqualTo(ENTERPRISES * 3 / 2);
      assertThat(replay.notDecidedLive()).isZero();
      assertThat(replay.changed()).isZero();
    }
  }

  private static void rollOften(Admin admin, String topic) throws Exception {
    admin
        .incrementalAlterConfigs(
            Map.of(
                new ConfigResource(ConfigResource.Type.TOPIC, topic),
                List.of(
                    new AlterConfigOp(
                        new ConfigEntry(TopicConfig.SEGMENT_MS_CONFIG, "100"),
                        AlterConfigOp.OpType.SET))))
        .all()
        .get();
  }

  private static Enterprise version(String code, Instant at) {
    final boolean small = at.equals(SMALL);
    return TestEnterprises.smallFirm(code, "历史测试" + code.substring(10, 15))
        .setEmployees(small ? 50 : 900)
        .setRevenue(new BigDecimal(small ? "5000000.00" : "900000000.00"))
        .setUpdatedAt(at)
        .build();
  }

  private static Budget budget(BigDecimal amount, Instant at) {
    return Budget.newBuilder()
        .setZone("ZGC")
        .setProgramme(Programme.RENT_RELIEF)
        .setYear(2022)
        .setAmount(amount)
        .setUpdatedAt(at)
        .build();
  }

  private static RentReliefApplication application(
      int n, String code, int revision, String submittedAt) {
    return TestApplications.rentRelief("RR-HIST-" + n, code, submittedAt)
        .setRevision(revision)
        .build();
  }

  private static void send(ClusterFixture cluster, RentReliefApplication application) {
    cluster.send(
        cluster.topics.applications(cn.gxq.subsidy.programme.Catalogue.of(Programme.RENT_RELIEF)),
        application.getApplicationId(),
        application,
        application.getSubmittedAt().toEpochMilli(),
        RentReliefApplication.class);
  }

  /**
   * The latest decision of each application once {@code count} of them reached {@code revision}.
   */
  private static Map<String, Decision> awaitDecisions(
      ClusterFixture cluster, int count, int revision) {
    final Map<String, Decision> latest = new HashMap<>();
    cluster.readUntil(
        cluster.topics.decisions(),
        records -> {
          latest.clear();
          latest.putAll(HttpClientSupport.latestDecisions(cluster, records));
          latest.values().removeIf(d -> d.getRevision() != revision);
          return latest.size() >= count;
        },
        Duration.ofSeconds(90));
    assertThat(latest).as("decisions of revision " + revision).hasSize(count);
    return latest;
  }

  /** Waits until {@code /totals} counts {@code received} in the zone and in the ALL sum. */
  private static void awaitTotals(ClusterFixture.Instance instance, int received)
      throws InterruptedException {
    final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      final JsonNode totals = get(instance.url() + "/totals").json();
      int counted = 0;
      for (JsonNode t : totals) {
        if (t.get("received").asInt() == received) {
          counted++;
        }
      }
      if (counted == 2) {
        return;
      }
      assertThat(System.nanoTime()).as("totals of zone and ALL: " + totals).isLessThan(deadline);
      Thread.sleep(200);
    }
  }

  /** What the instance answers for each application, its history, and the totals. */
  private static Map<String, JsonNode> answers(
      ClusterFixture.Instance instance, Iterable<String> ids) {
    final Map<String, JsonNode> out = new HashMap<>();
    for (String id : ids) {
      for (String path : List.of("/applications/" + id, "/applications/" + id + "/history")) {
        final HttpClientSupport.Answer answer = get(instance.url() + path);
        assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
        out.put(path, answer.json());
      }
    }
    final HttpClientSupport.Answer totals = get(instance.url() + "/totals");
    assertThat(totals.status()).isEqualTo(200);
    out.put("/totals", totals.json());
    return out;
  }

  /** Records on a topic now, read from its beginning (at most {@code atMost} are awaited). */
  private static int count(ClusterFixture cluster, String topic, int atMost) {
    final List<ConsumerRecord<String, byte[]>> records =
        cluster.readUntil(topic, r -> r.size() >= atMost, Duration.ofSeconds(3));
    return records.size();
  }

  private static WhatIfCommand whatIf(ClusterFixture cluster) {
    final WhatIfCommand command = new WhatIfCommand();
    command.cluster = new ClusterOptions();
    command.cluster.bootstrapServers = cluster.bootstrap();
    command.cluster.schemaRegistryUrl = cluster.registry.url();
    command.cluster.topicPrefix = "";
    command.dataDir = cluster.workDir;
    return command;
  }
}
