package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.command.ClusterOptions;
import cn.gxq.subsidy.app.command.ConsumeCommand;
import cn.gxq.subsidy.app.command.ProduceCommand;
import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.rules.CreditCode;
import cn.gxq.subsidy.topology.TopicSetup;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * JSON lines → {@code produce} → real broker (Avro, Confluent wire format, real registry over HTTP)
 * → {@code consume} → JSON lines: the same records come back, for every record type.
 */
class ProduceConsumeIntegrationTest {

  private static ClusterFixture cluster;
  private final RecordJson json = new RecordJson();

  /**
   * A tech-SME evaluation as a publisher writes it: 30 of 100 staff in tech (20 points), R&D 500
   * 000 of revenue 10 000 000 (5%: 40), two utility models (12): score 72.
   */
  private static final String TECH_SME_LINE =
      """
      {"applicationId":"TS-2022-000001","creditCode":"91110000600037341L",\
      "submittedAt":"2022-06-01T02:00:00Z","employees":100,"techStaff":30,\
      "salesRevenue":"10000000.00","totalAssets":"8000000.00","rdExpense":"500000.00",\
      "totalCostsAndExpenses":"9000000.00","classOneIp":0,"classTwoIp":2,\
      "restrictedProducts":false,"seriousIncident":false,"abnormalOrViolationListed":false,\
      "nationalAwardTopThree":false,"provincialRdInstitution":false,"ledStandardDrafting":false}""";

  /** One line per type, as a publisher would write it: optional fields absent, defaults implied. */
  private static final Map<RecordKind, String> LINES =
      Map.of(
          RecordKind.ENTERPRISE,
          """
          {"creditCode":"91110000600037341L","name":"北京示例科技有限公司","zone":"ZGC",\
          "industryCode":"I65","employees":50,"revenue":"5000000.00","totalAssets":"3000000.00",\
          "registeredOn":"2015-03-01","highTechCertifiedOn":"2021-06-30","techSmeYears":[2021,2022],\
          "taxResident":true,"taxAssessment":"ACTUAL","updatedAt":"2022-01-01T00:00:00Z"}""",
          RecordKind.BUDGET,
          """
          {"zone":"ZGC","programme":"RENT_RELIEF","year":2022,"amount":"5000000.00",\
          "updatedAt":"2022-02-01T00:00:00Z"}""",
          Catalogue.recordKind("rent-relief"),
          """
          {"applicationId":"RR-2022-000001","creditCode":"91110000600037341L",\
          "submittedAt":"2022-05-01T09:30:00Z","year":2022,"landlordName":"北京国资",\
          "landlordStateOwned":true,"countyCode":"110108","countyRiskListed":false,\
          "leaseStart":"2021-01-01","leaseEnd":"2023-12-31","monthlyRent":"12500.00","sublessor":false}""",
          Catalogue.recordKind("rd-deduction"),
          """
          {"applicationId":"RD-2022-000001","revision":2,"creditCode":"91110000600037341L",\
          "submittedAt":"2023-03-01T02:00:00Z","taxYear":2022,"personnel":"800000.00",\
          "directInputs":"200000.00","depreciation":"50000.00","intangibleAmortisation":"10000.00",\
          "designFees":"30000.00","otherRelated":"150000.00","overseasContracted":"0.00",\
          "q4Expenses":"300000.00","q4EquipmentPurchases":"0.00","excludedIncomeShare":"0.1000"}""",
          Catalogue.recordKind("innovation-loan"),
          """
          {"applicationId":"IL-2022-000001","withdrawn":true,"revision":3,\
          "creditCode":"91110000600037341L","submittedAt":"2022-07-01T00:00:00Z",\
          "requestedAmount":"3000000.00","bankCode":"ICBC","termMonths":12,"rdExpense":"900000.00",\
          "rdExpensePriorYear":"700000.00","revenue":"9000000.00","revenuePriorYear":"7000000.00",\
          "techContractTurnover":"1200000.00","highTechRevenue":"6000000.00",\
          "rdTaxSavingPriorYear":"150000.00","techStaffShare":"0.3500","postgraduateShare":"0.1200",\
          "returnOnNetAssets":"0.0800","inventionPatentApplications":3,"pctApplications":1,\
          "graduatesHired":12,"provincialPlatforms":1,"provincialAwards":0}""",
          Catalogue.recordKind("tech-sme"),
          TECH_SME_LINE);

  @BeforeAll
  static void start() {
    cluster = new ClusterFixture(1);
  }

  @AfterAll
  static void stop() {
    cluster.close();
  }

  @Test
  void everyRecordTypeComesBackAsItWasSent() throws Exception {
    for (RecordKind type : Catalogue.recordKinds()) {
      final String line = LINES.get(type);
      final ByteArrayOutputStream err = new ByteArrayOutputStream();
      final int status =
          produce()
              .publish(
                  type,
                  cluster.client,
                  new BufferedReader(new StringReader(line + "\n")),
                  new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(status).as("produce %s: %s", type, err).isZero();

      final List<String> printed = consume(type.name(), 1, "");
      assertThat(printed).as("consume %s", type).hasSize(1);
      final SpecificRecord sent = json.read(line, type.recordClass());
      final SpecificRecord received = json.read(printed.get(0), type.recordClass());
      assertThat(received).as(type.name()).isEqualTo(sent);
    }
  }

  @Test
  void financesSettlementsGoInByTypeAndComeOutOfTheirTopic() throws Exception {
    final String line =
        "{\"movementId\":\"RR-9#1\",\"amount\":\"-1200.50\","
            + "\"settledAt\":\"2022-06-01T02:00:00Z\",\"reference\":\"REC-7\"}";
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    assertThat(
            produce()
                .publish(
                    Catalogue.recordKind("settlement"),
                    cluster.client,
                    new BufferedReader(new StringReader(line + "\n")),
                    new PrintStream(err, true, StandardCharsets.UTF_8)))
        .as(err.toString(StandardCharsets.UTF_8))
        .isZero();
    final ConsumeCommand command = new ConsumeCommand();
    command.cluster = options();
    command.topic = "settlements";
    command.fromBeginning = true;
    command.max = 1L;
    command.timeoutSeconds = 15L;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    command.print(
        cluster.topics.settlements(),
        cluster.client,
        new PrintStream(out, true, StandardCharsets.UTF_8));
    assertThat(json.read(out.toString(StandardCharsets.UTF_8).trim(), Settlement.class))
        .isEqualTo(json.read(line, Settlement.class));
  }

  @Test
  void techSmeLinesComeOutOfTheRunningApplicationAsDecisionsWithScorePartsAndNumber()
      throws Exception {
    // A cluster of its own: the other tests read their topics from the beginning.
    final String prefix = "";
    try (ClusterFixture own = new ClusterFixture(1);
        ClusterFixture.Instance app = own.startInstance("tech-sme-it")) {
      final String enterprise =
          """
          {"creditCode":"91110108MA01ABCD1%s","name":"北京评价科技有限公司","zone":"ZGC",\
          "industryCode":"I65","employees":100,"revenue":"10000000.00","totalAssets":"8000000.00",\
          "registeredOn":"2015-03-01","taxResident":true,"taxAssessment":"ACTUAL",\
          "updatedAt":"2022-01-01T00:00:00Z"}"""
              .formatted(CreditCode.checkCharacter("91110108MA01ABCD1"));
      final String code = "91110108MA01ABCD1" + CreditCode.checkCharacter("91110108MA01ABCD1");
      assertThat(publish(own, prefix, RecordKind.ENTERPRISE, enterprise)).isZero();
      // The registry entry must be in the table before the application meets it.
      Thread.sleep(2_000);
      assertThat(
              publish(
                  own,
                  prefix,
                  Catalogue.recordKind("tech-sme"),
                  TECH_SME_LINE
                      .replace("91110000600037341L", code)
                      .replace("TS-2022-000001", "TS-2022-000777")))
          .isZero();

      final JsonNode decision = awaitDecision(own, prefix, "TS-2022-000777");
      assertThat(decision.get("programme").asText()).isEqualTo("TECH_SME_EVALUATION");
      assertThat(decision.get("status").asText()).isEqualTo("APPROVED");
      assertThat(decision.get("approvedAmount").asText()).isEqualTo("0.00");
      assertThat(decision.get("policyVersion").asText()).isEqualTo("2022.1");
      final JsonNode details = decision.get("details");
      assertThat(details.get("score").asText()).isEqualTo("72");
      assertThat(details.get("techStaffScore").asText()).isEqualTo("20");
      assertThat(details.get("rdScore").asText()).isEqualTo("40");
      assertThat(details.get("ipScore").asText()).isEqualTo("12");
      // 2022 + the credit code's region digits + a six-digit serial
      assertThat(details.get("registrationNumber").asText()).matches("2022110108\\d{6}");
    }
  }

  private static int publish(ClusterFixture own, String prefix, RecordKind kind, String line)
      throws Exception {
    final ProduceCommand command = new ProduceCommand();
    command.cluster = new ClusterOptions();
    command.cluster.bootstrapServers = own.bootstrap();
    command.cluster.schemaRegistryUrl = own.registry.url();
    command.cluster.topicPrefix = prefix;
    return command.publish(
        kind,
        own.client,
        new BufferedReader(new StringReader(line + "\n")),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  private static JsonNode awaitDecision(ClusterFixture own, String prefix, String id)
      throws Exception {
    final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      final ConsumeCommand command = new ConsumeCommand();
      command.cluster = new ClusterOptions();
      command.cluster.bootstrapServers = own.bootstrap();
      command.cluster.schemaRegistryUrl = own.registry.url();
      command.cluster.topicPrefix = prefix;
      command.topic = "decisions";
      command.fromBeginning = true;
      command.timeoutSeconds = 3L;
      final ByteArrayOutputStream out = new ByteArrayOutputStream();
      command.print(
          command.cluster.topics().decisions(),
          own.client,
          new PrintStream(out, true, StandardCharsets.UTF_8));
      for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank()) {
          final JsonNode node = HttpClientSupport.MAPPER.readTree(line);
          if (id.equals(node.path("applicationId").asText())) {
            return node;
          }
        }
      }
    }
    throw new AssertionError("no decision for " + id + " within 90 s");
  }

  @Test
  void aMalformedLineIsReportedWithItsNumberAndTheRestIsStillPublished() throws Exception {
    final String good = LINES.get(RecordKind.BUDGET);
    final String input =
        String.join(
            "\n",
            good.replace("\"ZGC\"", "\"ZJ\""),
            "{\"zone\":\"XA\",\"programme\":\"RENT_RELIEF\",\"year\":2022,\"amount\":\"12.345\","
                + "\"updatedAt\":\"2022-02-01T00:00:00Z\"}",
            "this is not json",
            good.replace("\"ZGC\"", "\"BH\""));
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final String prefix = "malformed.";
    try (var admin = cluster.admin()) {
      TopicSetup.ensure(admin, new cn.gxq.subsidy.contract.Topics(prefix), 1, (short) 1);
    }
    final ProduceCommand produce = produce();
    produce.cluster.topicPrefix = prefix;

    final int status =
        produce.publish(
            RecordKind.BUDGET,
            cluster.client,
            new BufferedReader(new StringReader(input)),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    final String report = err.toString(StandardCharsets.UTF_8);
    assertThat(status).isEqualTo(1);
    assertThat(report)
        .contains("line 2: field 'amount'")
        .contains("3 decimals")
        .contains("line 3:");
    assertThat(report).contains("2 published");
    final List<String> zones =
        consume("budget", 3, prefix).stream()
            .map(l -> json.read(l, cn.gxq.subsidy.avro.Budget.class).getZone())
            .toList();
    assertThat(zones).contains("ZJ", "BH").doesNotContain("XA");
  }

  @Test
  void aRecordDatedFarAheadIsALineErrorNotABrokerFailure() throws Exception {
    final String good = LINES.get(RecordKind.BUDGET);
    final String input =
        String.join(
            "\n",
            good.replace("2022-02-01T00:00:00Z", "2100-01-01T00:00:00Z"),
            good.replace("\"ZGC\"", "\"SIP\""));
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final int status =
        produce()
            .publish(
                RecordKind.BUDGET,
                cluster.client,
                new BufferedReader(new StringReader(input)),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    final String report = err.toString(StandardCharsets.UTF_8);
    assertThat(status).as(report).isEqualTo(1);
    assertThat(report)
        .contains("line 1: field 'updatedAt'")
        .contains("2100-01-01T00:00:00Z")
        .contains("future")
        .contains("1 published")
        .doesNotContain("line 2");
  }

  @Test
  void everyErrorOfALineIsReported() throws Exception {
    final String line =
        LINES
            .get(RecordKind.BUDGET)
            .replace("\"5000000.00\"", "\"12.345\"")
            .replace("2022-02-01T00:00:00Z", "yesterday")
            .replace("\"year\":2022", "\"year\":2022,\"colour\":\"red\"");
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final int status =
        produce()
            .publish(
                RecordKind.BUDGET,
                cluster.client,
                new BufferedReader(new StringReader(line)),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    final String report = err.toString(StandardCharsets.UTF_8);
    assertThat(status).isEqualTo(1);
    assertThat(report)
        .contains("line 1: unknown field 'colour'")
        .contains("line 1: field 'amount'")
        .contains("line 1: field 'updatedAt'");
  }

  @Test
  void aFailingRegistryExitsThreeNotOne() throws Exception {
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    // Nothing listens on port 1: every registration fails.
    try (var deadRegistry =
        new cn.gxq.subsidy.serde.RestSchemaRegistryClient("http://127.0.0.1:1")) {
      final int status =
          produce()
              .publish(
                  RecordKind.BUDGET,
                  deadRegistry,
                  new BufferedReader(new StringReader(LINES.get(RecordKind.BUDGET))),
                  new PrintStream(err, true, StandardCharsets.UTF_8));
      assertThat(status).isEqualTo(3);
    }
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("line 1: not published")
        .contains("schema registry");
  }

  private ProduceCommand produce() {
    final ProduceCommand command = new ProduceCommand();
    command.cluster = options();
    return command;
  }

  private List<String> consume(String topic, long max, String prefix) {
    final ConsumeCommand command = new ConsumeCommand();
    command.cluster = options();
    command.cluster.topicPrefix = prefix;
    command.topic = topic;
    command.fromBeginning = true;
    command.max = max;
    command.timeoutSeconds = 15L;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final String name = Catalogue.recordKind(topic).topic(command.cluster.topics());
    command.print(name, cluster.client, new PrintStream(out, true, StandardCharsets.UTF_8));
    return Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\n"))
        .filter(s -> !s.isBlank())
        .toList();
  }

  private static ClusterOptions options() {
    final ClusterOptions options = new ClusterOptions();
    options.bootstrapServers = cluster.bootstrap();
    options.schemaRegistryUrl = cluster.registry.url();
    options.topicPrefix = "";
    return options;
  }
}
