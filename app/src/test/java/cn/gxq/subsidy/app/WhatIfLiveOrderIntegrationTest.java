package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.command.ClusterOptions;
import cn.gxq.subsidy.app.command.WhatIfCommand;
import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.internal.Arrival;
import cn.gxq.subsidy.avro.internal.ArrivalStep;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.AvroDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * Live meets two competitors in one order only because of when they were published; the replay's
 * tasks, racing through recorded input, would meet them the other way round. The arrival journal
 * makes the replay meet them as live did.
 *
 * <p>The zone's 2022 rent-relief budget is 30,000.00: room for one of two applications of 30,000.00
 * each. X is published on input partition 0 behind 3,000 applications of an unregistered enterprise
 * and decided (approved) before Y is published on partition 1 (waitlisted). A replay without live's
 * order has Y at the head of its partition and X behind 3,000 records: its ledger would meet Y
 * first, approve Y and waitlist X.
 */
class WhatIfLiveOrderIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BUCKET = "ZGC:RENT_RELIEF:2022";
  private static final int FILLERS = 3000;

  @Test
  void theReplayMeetsCompetitorsInTheOrderLiveMetThem() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(3)) {
      final String first = TestEnterprises.onPartition(2, 3, 0);
      final String second = TestEnterprises.onPartition(0, 3, 0);
      for (String creditCode : List.of(first, second)) {
        cluster.send(
            cluster.topics.enterprises(),
            creditCode,
            TestEnterprises.smallFirm(creditCode, "北京次序科技有限公司 " + creditCode).build(),
            Instant.parse("2022-01-01T00:00:00Z").toEpochMilli(),
            Enterprise.class);
      }
      cluster.send(
          cluster.topics.budgets(),
          BUCKET,
          Budget.newBuilder()
              .setZone("ZGC")
              .setProgramme(Programme.RENT_RELIEF)
              .setYear(2022)
              .setAmount(new BigDecimal("30000.00"))
              .setUpdatedAt(Instant.parse("2022-01-02T00:00:00Z"))
              .build(),
          Instant.parse("2022-01-02T00:00:00Z").toEpochMilli(),
          Budget.class);
      cluster.startInstance("whatif-order-live");
      cluster.awaitRunning(Duration.ofSeconds(60));

      final KafkaProducer<String, RentReliefApplication> producer =
          cluster.producer(RentReliefApplication.class);
      final String unregistered = TestEnterprises.onPartition(2, 3, 50_000);
      for (int i = 0; i < FILLERS; i++) {
        producer.send(record(2, application("F-" + i, unregistered, "2022-03-01T08:00:00Z")));
      }
      producer.send(record(2, application("X", first, "2022-03-01T09:00:00Z"))).get();
      assertThat(awaitDecision(cluster, "X").getStatus()).isEqualTo(DecisionStatus.APPROVED);
      producer.send(record(0, application("Y", second, "2022-03-01T10:00:00Z"))).get();
      assertThat(awaitDecision(cluster, "Y").getStatus()).isEqualTo(DecisionStatus.WAITLISTED);

      // Live's ledger recorded meeting the budget, then X, then Y.
      assertThat(ledgerArrivals(cluster))
          .containsSubsequence("BUDGET " + BUCKET, "REVISION X", "REVISION Y");

      final Path dir = Files.createTempDirectory(cluster.workDir, "whatif");
      final ByteArrayOutputStream progress = new ByteArrayOutputStream();
      final WhatIfCommand command = new WhatIfCommand();
      command.cluster = new ClusterOptions();
      command.cluster.bootstrapServers = cluster.bootstrap();
      command.cluster.schemaRegistryUrl = cluster.registry.url();
      command.cluster.topicPrefix = "";
      command.policy = sameRulesRenamed(dir);
      command.name = "same_order";
      command.json = dir.resolve("same.json");
      command.dataDir = cluster.workDir;
      command.err = new PrintStream(progress, true, StandardCharsets.UTF_8);
      assertThat(command.call()).isZero();

      final JsonNode result = JSON.readTree(command.json.toFile());
      assertThat(result.path("applications").asLong()).isEqualTo(FILLERS + 2);
      assertThat(result.path("changed").asLong())
          .as(progress.toString(StandardCharsets.UTF_8))
          .isZero();
      assertThat(progress.toString(StandardCharsets.UTF_8))
          .contains("live's arrival journal names")
          .doesNotContain("never came");
    }
  }

  private static List<String> ledgerArrivals(ClusterFixture cluster) {
    final AvroDeserializer<Arrival> codec = new AvroDeserializer<>(Arrival.class, cluster.client);
    final List<String> out = new ArrayList<>();
    cluster.readUntil(
        cluster.topics.arrivals(),
        records -> {
          out.clear();
          for (ConsumerRecord<String, byte[]> r : records) {
            final Arrival a = codec.deserialize(r.topic(), r.value());
            if (a.getStep() == ArrivalStep.LEDGER) {
              out.add(a.getKind() + " " + a.getSubject());
            }
          }
          return out.contains("REVISION Y");
        },
        Duration.ofSeconds(60));
    return out;
  }

  private static Decision awaitDecision(ClusterFixture cluster, String id) {
    final AvroDeserializer<Decision> codec = new AvroDeserializer<>(Decision.class, cluster.client);
    final Map<String, Decision> latest = new HashMap<>();
    cluster.readUntil(
        cluster.topics.decisions(),
        records -> {
          for (ConsumerRecord<String, byte[]> r : records) {
            latest.put(r.key(), codec.deserialize(r.topic(), r.value()));
          }
          return latest.containsKey(id);
        },
        Duration.ofSeconds(90));
    assertThat(latest).containsKey(id);
    return latest.get(id);
  }

  private static ProducerRecord<String, RentReliefApplication> record(
      int partition, RentReliefApplication application) {
    return new ProducerRecord<>(
        cn.gxq.subsidy.contract.Topics.defaults().applications(Catalogue.of(Programme.RENT_RELIEF)),
        partition,
        application.getSubmittedAt().toEpochMilli(),
        application.getApplicationId(),
        application);
  }

  private static RentReliefApplication application(String id, String creditCode, String at) {
    return TestApplications.rentRelief(id, creditCode, at).build();
  }

  /** The bundled policy, its version renamed: the rules are live's. */
  private static Path sameRulesRenamed(Path dir) throws Exception {
    final ObjectNode policy;
    try (InputStream in =
        WhatIfLiveOrderIntegrationTest.class
            .getClassLoader()
            .getResourceAsStream("policy/policy-2022.1.json")) {
      policy = (ObjectNode) JSON.readTree(in);
    }
    policy.put("version", "2022.100");
    final Path file = dir.resolve("same.json.policy");
    Files.writeString(file, JSON.writeValueAsString(policy), StandardCharsets.UTF_8);
    return file;
  }
}
