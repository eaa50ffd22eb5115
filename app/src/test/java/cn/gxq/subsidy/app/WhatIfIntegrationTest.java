package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.command.ClusterOptions;
import cn.gxq.subsidy.app.command.WhatIfCommand;
import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.AvroDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The what-if replay on a real broker (three partitions) beside a live application: an identical
 * policy changes nothing, one changed number changes exactly what was worked out by hand, budgets
 * can be replaced, records published after the snapshot are not replayed, and no live topic is
 * written.
 *
 * <p>One enterprise (small, software: service industry) rents from four state-owned landlords at
 * 10,000.00 a month over all of 2022; its zone's rent-relief budget for 2022 is 150,000.00. Live
 * (policy 2022.1): three counties not risk-listed get 3 months (30,000.00 each), one risk-listed 6
 * months (60,000.00): 150,000.00, all approved. One more application comes from an unregistered
 * enterprise and is rejected. The applications sit on one partition in submission order, so replay
 * and live meet them in the same order.
 */
class WhatIfIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUCKET = "ZGC:RENT_RELIEF:2022";

  /**
   * The applicant, chosen so that its credit code lands on the same partition of three as the
   * budget's key: its applications and the budget are then read by one task, which takes them in
   * timestamp order (budget first) in the live run and in the replay alike. Across tasks the replay
   * may meet a budget after applications it already decided (README, "Rules or competition"); that
   * is not what this test is about.
   */
  private static final String ENTERPRISE =
      TestEnterprises.onPartition(TestEnterprises.partitionOf(BUCKET, 3), 3, 0);

  @Test
  void replaysBesideTheLiveDecisionsAndShowsExactlyWhatAChangedNumberChanges() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(3)) {
      cluster.send(
          cluster.topics.enterprises(),
          ENTERPRISE,
          enterprise(),
          Instant.parse("2022-01-01T00:00:00Z").toEpochMilli(),
          Enterprise.class);
      cluster.send(
          cluster.topics.budgets(),
          BUCKET,
          budget("150000.00"),
          Instant.parse("2022-01-02T00:00:00Z").toEpochMilli(),
          Budget.class);
      final ClusterFixture.Instance instance = cluster.startInstance("whatif-it-live");
      cluster.awaitRunning(Duration.ofSeconds(60));
      awaitBudget(cluster);

      apply(cluster, "RR-1", ENTERPRISE, false, "2022-03-01T09:00:00Z");
      apply(cluster, "RR-2", ENTERPRISE, false, "2022-03-02T09:00:00Z");
      apply(cluster, "RR-3", ENTERPRISE, false, "2022-03-03T09:00:00Z");
      apply(cluster, "RR-4", ENTERPRISE, true, "2022-03-04T09:00:00Z");
      apply(
          cluster,
          "RR-5",
          TestEnterprises.creditCode("91110108MA99999"),
          false,
          "2022-03-05T09:00:00Z");
      final Map<String, Decision> live = awaitDecisions(cluster, 5);
      assertThat(live.values())
          .extracting(d -> d.getApplicationId() + " " + d.getStatus() + " " + d.getApprovedAmount())
          .containsExactlyInAnyOrder(
              "RR-1 APPROVED 30000.00",
              "RR-2 APPROVED 30000.00",
              "RR-3 APPROVED 30000.00",
              "RR-4 APPROVED 60000.00",
              "RR-5 REJECTED 0.00");
      final Totals liveTotals = awaitTotals(cluster, BUCKET, new BigDecimal("150000.00"));

      // (a) The same policy under another version: nothing changes, the figures are the totals'.
      // RR-6 is published once the snapshot is taken: live decides it, the replay must not.
      final Path dir = Files.createTempDirectory(cluster.workDir, "whatif");
      final Path same = policy(dir, "2022.100", 3);
      final PrintStream progress =
          onLine(
              "whatif: replaying",
              () ->
                  apply(
                      cluster,
                      "RR-6",
                      TestEnterprises.creditCode("91110108MA88888"),
                      false,
                      "2022-03-06T09:00:00Z"));
      final JsonNode unchanged = whatIf(cluster, dir, same, "same", null, progress);
      assertThat(unchanged.path("applications").asLong()).isEqualTo(5);
      assertThat(unchanged.path("changed").asLong()).isZero();
      assertThat(unchanged.path("changes")).isEmpty();
      final JsonNode bucket = bucket(unchanged, "ZGC", "RENT_RELIEF", 2022);
      assertThat(bucket.path("live")).isEqualTo(bucket.path("candidate"));
      assertThat(bucket.path("candidate").path("approved").asLong())
          .isEqualTo(liveTotals.getApproved());
      assertThat(new BigDecimal(bucket.path("candidate").path("approvedAmount").asText()))
          .isEqualByComparingTo(liveTotals.getApprovedAmount());
      assertThat(bucket.path("candidate").path("waitlisted").asLong())
          .isEqualTo(liveTotals.getWaitlisted());
      assertThat(bucket.path("candidate").path("rejected").asLong())
          .isEqualTo(liveTotals.getRejected());
      assertThat(
              bucket(unchanged, "UNKNOWN", "RENT_RELIEF", 2022)
                  .path("candidate")
                  .path("rejected")
                  .asLong())
          .isEqualTo(1);
      assertThat(awaitDecisions(cluster, 6)).containsKey("RR-6"); // live went on
      // The same decisions book the same movements, under the same ids, as live.
      final List<String> expected =
          live.values().stream()
              .filter(d -> d.getApprovedAmount().signum() > 0)
              .map(d -> d.getApplicationId() + "#" + d.getSequence())
              .toList();
      final List<String> replayedMoves =
          movementIds(
              cluster, cluster.topics.writingUnder("whatif.same.", false).movements(), expected);
      assertThat(replayedMoves).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(movementIds(cluster, cluster.topics.movements(), expected))
          .containsAll(replayedMoves);
      // The live application's HTTP API serves the result, as written with --json.
      final java.net.http.HttpResponse<String> served =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          java.net.URI.create(instance.url() + "/whatif/same"))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(served.body())).isEqualTo(unchanged);
      assertThat(
              java.net.http.HttpClient.newHttpClient()
                  .send(
                      java.net.http.HttpRequest.newBuilder(
                              java.net.URI.create(instance.url() + "/whatif/never_run"))
                          .build(),
                      java.net.http.HttpResponse.BodyHandlers.ofString())
                  .statusCode())
          .isEqualTo(404);

      // (b) Six months where the county is not risk-listed. By hand, first fit in line order
      // under 150,000.00: RR-1 60,000.00 approved (90,000.00 left), RR-2 60,000.00 approved
      // (30,000.00 left), RR-3 needs 60,000.00: waitlisted, RR-4 (risk-listed, 60,000.00 as
      // before) no longer fits: waitlisted.
      final JsonNode six = whatIf(cluster, dir, policy(dir, "2022.9", 6), "six_months", null, null);
      assertThat(six.path("changed").asLong()).isEqualTo(4);
      assertThat(changes(six))
          .containsExactly(
              "RR-1 APPROVED 30000.00 -> APPROVED 60000.00",
              "RR-2 APPROVED 30000.00 -> APPROVED 60000.00",
              "RR-3 APPROVED 30000.00 -> WAITLISTED 0.00",
              "RR-4 APPROVED 60000.00 -> WAITLISTED 0.00");
      assertThat(six.path("changes").get(3).path("candidate").path("reasons").get(0).asText())
          .isEqualTo("BUDGET_EXHAUSTED");
      // RR-4 asks what it asked before: it only lost the contest for the budget.
      assertThat(six.path("changes").findValuesAsText("cause"))
          .containsExactly("RULES", "RULES", "RULES", "COMPETITION");
      final JsonNode sixBucket = bucket(six, "ZGC", "RENT_RELIEF", 2022).path("candidate");
      assertThat(sixBucket.path("approved").asLong()).isEqualTo(2);
      assertThat(sixBucket.path("approvedAmount").asText()).isEqualTo("120000.00");
      assertThat(sixBucket.path("waitlisted").asLong()).isEqualTo(2);

      // (c) The same name again with the budget raised to 240,000.00 from a file: the run starts
      // clean, and all four fit: three amounts change, RR-4 does not.
      final Path budgets = dir.resolve("budgets.jsonl");
      Files.writeString(
          budgets,
          "{\"zone\":\"ZGC\",\"programme\":\"RENT_RELIEF\",\"year\":2022,\"amount\":\"240000.00\","
              + "\"updatedAt\":\"2022-01-02T00:00:00Z\"}\n",
          StandardCharsets.UTF_8);
      final JsonNode raised =
          whatIf(cluster, dir, policy(dir, "2022.9", 6), "six_months", budgets, null);
      assertThat(changes(raised))
          .containsExactly(
              "RR-1 APPROVED 30000.00 -> APPROVED 60000.00",
              "RR-2 APPROVED 30000.00 -> APPROVED 60000.00",
              "RR-3 APPROVED 30000.00 -> APPROVED 60000.00");
      assertThat(
              bucket(raised, "ZGC", "RENT_RELIEF", 2022)
                  .path("candidate")
                  .path("approvedAmount")
                  .asText())
          .isEqualTo("240000.00");

      // Nothing live was written: the live decisions are the six of the live application, and
      // the live budgets topic holds the one budget published above.
      assertThat(awaitDecisions(cluster, 6)).hasSize(6);
      assertThat(cluster.readUntil(cluster.topics.budgets(), r -> false, Duration.ofSeconds(2)))
          .hasSize(1);
      try (var admin = cluster.admin()) {
        assertThat(admin.listTopics().names().get())
            .contains("whatif.six_months.subsidy.budgets.v1", "whatif.same.subsidy.decisions.v1");
      }
    }
  }

  /**
   * Runs the command as {@code bin/subsidy whatif} does, with the cluster's work directory as data
   * directory (where the live instance's HTTP API looks for results), and reads its --json file.
   */
  private static JsonNode whatIf(
      ClusterFixture cluster,
      Path dir,
      Path policy,
      String name,
      Path budgets,
      PrintStream progress)
      throws Exception {
    final WhatIfCommand command = new WhatIfCommand();
    command.cluster = new ClusterOptions();
    command.cluster.bootstrapServers = cluster.bootstrap();
    command.cluster.schemaRegistryUrl = cluster.registry.url();
    command.cluster.topicPrefix = "";
    command.policy = policy;
    command.name = name;
    command.budgets = budgets;
    command.json = dir.resolve(name + ".json");
    command.dataDir = cluster.workDir;
    command.err = progress != null ? progress : new PrintStream(OutputStream.nullOutputStream());
    assertThat(command.call()).isZero();
    return JSON.readTree(command.json.toFile());
  }

  private static List<String> changes(JsonNode result) {
    final List<String> out = new java.util.ArrayList<>();
    for (JsonNode c : result.path("changes")) {
      out.add(
          c.path("applicationId").asText()
              + " "
              + c.path("live").path("status").asText()
              + " "
              + c.path("live").path("approvedAmount").asText()
              + " -> "
              + c.path("candidate").path("status").asText()
              + " "
              + c.path("candidate").path("approvedAmount").asText());
    }
    return out;
  }

  private static JsonNode bucket(JsonNode result, String zone, String programme, int year) {
    for (JsonNode b : result.path("buckets")) {
      if (b.path("zone").asText().equals(zone)
          && b.path("programme").asText().equals(programme)
          && b.path("year").asInt() == year) {
        return b;
      }
    }
    throw new AssertionError("no bucket " + zone + ":" + programme + ":" + year + " in " + result);
  }

  /** The bundled policy under another version, with the months for counties not risk-listed. */
  private static Path policy(Path dir, String version, int reliefMonths) throws Exception {
    final ObjectNode policy;
    try (InputStream in =
        WhatIfIntegrationTest.class
            .getClassLoader()
            .getResourceAsStream("policy/policy-2022.1.json")) {
      policy = (ObjectNode) JSON.readTree(in);
    }
    policy.put("version", version);
    ((ObjectNode) policy.path("rentRelief").path("years").get(0)).put("reliefMonths", reliefMonths);
    final Path file = dir.resolve("candidate-" + version + ".json");
    Files.writeString(file, JSON.writeValueAsString(policy), StandardCharsets.UTF_8);
    return file;
  }

  /** A progress stream that runs {@code action} once, when a line starting so is printed. */
  private static PrintStream onLine(String start, Runnable action) {
    return new PrintStream(
        new ByteArrayOutputStream() {
          private boolean done;

          @Override
          public synchronized void flush() {
            if (!done && toString(StandardCharsets.UTF_8).contains(start)) {
              done = true;
              action.run();
            }
          }
        },
        true,
        StandardCharsets.UTF_8);
  }

  private static void apply(
      ClusterFixture cluster, String id, String creditCode, boolean riskListed, String at) {
    final RentReliefApplication application =
        TestApplications.rentRelief(id, creditCode, at)
            .setLandlordName("北京国有资产经营有限责任公司 " + id)
            .setCountyCode(riskListed ? "110105" : "110108")
            .setCountyRiskListed(riskListed)
            .build();
    try {
      // One partition, in submission order: live and replay meet them in the same order.
      cluster
          .producer(RentReliefApplication.class)
          .send(
              new ProducerRecord<>(
                  cluster.topics.applications(Catalogue.of(Programme.RENT_RELIEF)),
                  0,
                  Instant.parse(at).toEpochMilli(),
                  id,
                  application))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Decision> awaitDecisions(ClusterFixture cluster, int count) {
    final AvroDeserializer<Decision> codec = new AvroDeserializer<>(Decision.class, cluster.client);
    final Map<String, Decision> latest = new HashMap<>();
    cluster.readUntil(
        cluster.topics.decisions(),
        records -> {
          latest.clear();
          for (ConsumerRecord<String, byte[]> r : records) {
            latest.put(r.key(), codec.deserialize(r.topic(), r.value()));
          }
          return latest.size() >= count;
        },
        Duration.ofSeconds(60));
    assertThat(latest).hasSize(count);
    return latest;
  }

  /** The keys (movement ids) of a movements topic, once it holds every one of {@code expected}. */
  private static List<String> movementIds(
      ClusterFixture cluster, String topic, List<String> expected) {
    return cluster
        .readUntil(
            topic,
            records -> records.stream().map(r -> r.key()).toList().containsAll(expected),
            Duration.ofSeconds(60))
        .stream()
        .map(r -> r.key())
        .toList();
  }

  private static void awaitBudget(ClusterFixture cluster) {
    final AvroDeserializer<Totals> codec = new AvroDeserializer<>(Totals.class, cluster.client);
    final Set<String> budgeted = new HashSet<>();
    cluster.readUntil(
        cluster.topics.totals(),
        records -> {
          for (ConsumerRecord<String, byte[]> r : records) {
            if (codec.deserialize(r.topic(), r.value()).getBudget() != null) {
              budgeted.add(r.key());
            }
          }
          return budgeted.contains(BUCKET);
        },
        Duration.ofSeconds(60));
    assertThat(budgeted).contains(BUCKET);
  }

  private static Totals awaitTotals(ClusterFixture cluster, String key, BigDecimal approved) {
    final AvroDeserializer<Totals> codec = new AvroDeserializer<>(Totals.class, cluster.client);
    final Map<String, Totals> latest = new HashMap<>();
    cluster.readUntil(
        cluster.topics.totals(),
        records -> {
          for (ConsumerRecord<String, byte[]> r : records) {
            latest.put(r.key(), codec.deserialize(r.topic(), r.value()));
          }
          return latest.containsKey(key)
              && latest.get(key).getApprovedAmount().compareTo(approved) == 0;
        },
        Duration.ofSeconds(60));
    assertThat(latest.get(key).getApprovedAmount()).isEqualByComparingTo(approved);
    return latest.get(key);
  }

  private static Enterprise enterprise() {
    return TestEnterprises.smallFirm(ENTERPRISE, "北京假设科技有限公司").build();
  }

  private static Budget budget(String amount) {
    return Budget.newBuilder()
        .setZone("ZGC")
        .setProgramme(Programme.RENT_RELIEF)
        .setYear(2022)
        .setAmount(new BigDecimal(amount))
        .setUpdatedAt(Instant.parse("2022-01-02T00:00:00Z"))
        .build();
  }
}
