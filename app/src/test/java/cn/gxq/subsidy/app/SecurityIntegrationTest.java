package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.command.ClusterOptions;
import cn.gxq.subsidy.app.command.WhatIfCommand;
import cn.gxq.subsidy.app.security.AccessControl;
import cn.gxq.subsidy.app.security.Role;
import cn.gxq.subsidy.app.streams.SubsidyApplication;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.broker.BrokerSecurity;
import cn.gxq.subsidy.broker.EmbeddedKafkaBroker;
import cn.gxq.subsidy.broker.TlsMaterial;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.registry.LocalSchemaRegistry;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import cn.gxq.subsidy.topology.TopicSetup;
import cn.gxq.subsidy.topology.TopologySettings;
import cn.gxq.subsidy.whatif.WhatIfComparison;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole flow on a broker with TLS, SASL/SCRAM and the KRaft authorizer: each role can do what
 * it should and is refused what it should not, and the application decides under its own principal.
 * Users and ACLs are made by {@link AccessControl}, as {@code bin/subsidy acl} does.
 */
class SecurityIntegrationTest {

  private static final String SECRET = "s3cret-for-tests";
  private static final Topics TOPICS = Topics.defaults();
  private static final String APP_ID = "secure-decisions";

  private static Path dir;
  private static BrokerSecurity security;
  private static EmbeddedKafkaBroker broker;
  private static LocalSchemaRegistry registry;
  private static RestSchemaRegistryClient registryClient;
  private static SubsidyApplication app;

  @BeforeAll
  static void start() throws Exception {
    dir = Files.createTempDirectory("subsidy-security");
    security =
        new BrokerSecurity(
            TlsMaterial.inDirectory(dir.resolve("tls"), "tls-" + SECRET),
            "admin-" + SECRET,
            "controller-" + SECRET);
    broker =
        security
            .applyTo(
                EmbeddedKafkaBroker.builder().temporaryDataDir(),
                ClusterFixture.freePort(),
                ClusterFixture.freePort())
            .build()
            .start();
    try (Admin admin = Admin.create(as(BrokerSecurity.ADMIN, "admin-" + SECRET))) {
      TopicSetup.ensure(admin, TOPICS, 2, (short) 1);
      final AccessControl access = new AccessControl(TOPICS, APP_ID, "_schemas");
      for (Role role : Role.values()) {
        access.grant(admin, role, user(role), SECRET);
      }
    }
    registry =
        LocalSchemaRegistry.builder()
            .bootstrapServers(broker.bootstrapServers())
            .port(0)
            .kafkaProperties(security.clientProperties(user(Role.REGISTRY), SECRET))
            .writeCredentials("schemas", SECRET)
            .start();
    registryClient = new RestSchemaRegistryClient(registry.url(), "schemas", SECRET);
    app =
        new SubsidyApplication(
            new SubsidyApplication.Settings(
                APP_ID,
                broker.bootstrapServers(),
                dir.resolve("state"),
                1,
                (short) 1,
                "127.0.0.1:0",
                TopologySettings.defaults(),
                security.clientProperties(user(Role.APPLICATION), SECRET),
                Map.of()),
            TOPICS,
            registryClient,
            Rulebook.fromDefaultPolicy());
    app.start();
  }

  @AfterAll
  static void stop() {
    for (AutoCloseable c : new AutoCloseable[] {app, registryClient, registry, broker}) {
      try {
        if (c != null) {
          c.close();
        }
      } catch (Exception ignored) {
        // close the rest regardless
      }
    }
  }

  @Test
  void theApplicationDecidesUnderItsOwnPrincipalAndFinanceReadsTheDecision() throws Exception {
    final DemoScenario scenario =
        DemoScenario.standard(3L, 50, Instant.parse("2022-03-01T00:00:00Z"));
    final Enterprise enterprise = scenario.registry().get(0);
    final RentReliefApplication application =
        RentReliefApplication.newBuilder()
            .setApplicationId("RR-SECURE-1")
            .setCreditCode(enterprise.getCreditCode())
            .setSubmittedAt(Instant.parse("2022-05-01T00:00:00Z"))
            .setYear(2022)
            .setLandlordName("国资")
            .setLandlordStateOwned(true)
            .setCountyCode("110108")
            .setCountyRiskListed(false)
            .setLeaseStart(java.time.LocalDate.of(2022, 1, 1))
            .setLeaseEnd(java.time.LocalDate.of(2022, 12, 31))
            .setMonthlyRent(new java.math.BigDecimal("1000.00"))
            .setSublessor(false)
            .build();

    publish(Role.PUBLISHER, TOPICS.enterprises(), Generated.of(enterprise));
    publish(
        Role.PUBLISHER,
        TOPICS.applications(Catalogue.of(Programme.RENT_RELIEF)),
        Generated.of(application));

    final List<ConsumerRecord<String, byte[]>> read =
        read(Role.FINANCE, TOPICS.decisions(), "finance-ledger", 1);
    final Decision decision =
        new AvroDeserializer<>(Decision.class, registryClient)
            .deserialize(TOPICS.decisions(), read.get(0).value());
    assertThat(decision.getApplicationId()).isEqualTo("RR-SECURE-1");
    assertThat(decision.getStatus()).isIn(DecisionStatus.APPROVED, DecisionStatus.REJECTED);
    // Not ERROR: the decision was made under the application's own principal. A rebalance may be
    // under way (the what-if test beside it creates topics), so wait for it to settle.
    final long settle = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    while (app.streams().state() == KafkaStreams.State.REBALANCING && System.nanoTime() < settle) {
      Thread.sleep(200);
    }
    assertThat(app.streams().state()).isEqualTo(KafkaStreams.State.RUNNING);
    // The operator reads everything, decisions and registry alike.
    assertThat(read(Role.OPERATOR, TOPICS.decisions(), "operator-audit", 1)).hasSize(1);
    assertThat(read(Role.OPERATOR, TOPICS.enterprises(), "operator-audit", 1)).hasSize(1);

    // Finance alone confirms settlements; the application reads them under its own principal and
    // dead-letters one that does not decode.
    assertThat(refusal(() -> publishRaw(Role.FINANCE, TOPICS.settlements())))
        .as("finance confirms a settlement")
        .isNull();
    final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
    boolean deadLettered = false;
    while (!deadLettered && System.nanoTime() < deadline) {
      deadLettered =
          read(Role.OPERATOR, TOPICS.deadLetter(), "operator-dead-" + System.nanoTime(), 1).stream()
              .anyMatch(
                  r ->
                      TOPICS
                              .settlements()
                              .equals(header(r, cn.gxq.subsidy.contract.DeadLetter.SOURCE_TOPIC))
                          && "UNDECODABLE"
                              .equals(header(r, cn.gxq.subsidy.contract.DeadLetter.ERROR_CODE)));
    }
    assertThat(deadLettered).as("the undecodable settlement is dead-lettered").isTrue();
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    final org.apache.kafka.common.header.Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Test
  void theApplicationWritesTheAccessLogWhichAuditorsAloneRead() throws Exception {
    publishRaw(Role.APPLICATION, TOPICS.accessLog());
    assertThat(read(Role.AUDITOR, TOPICS.accessLog(), "auditor-review", 1)).isNotEmpty();
    assertThat(refusal(() -> read(Role.OPERATOR, TOPICS.accessLog(), "operator-peek", 1)))
        .as("an operator reads who read what")
        .isInstanceOf(AuthorizationException.class);
    assertThat(refusal(() -> read(Role.FINANCE, TOPICS.accessLog(), "finance-peek", 1)))
        .as("finance reads who read what")
        .isInstanceOf(AuthorizationException.class);
    assertThat(refusal(() -> publishRaw(Role.AUDITOR, TOPICS.accessLog())))
        .as("an auditor writes the access log")
        .isInstanceOf(AuthorizationException.class);
    assertThat(refusal(() -> publishRaw(Role.AUDITOR, TOPICS.decisions())))
        .as("an auditor writes a decision")
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void eachRoleIsRefusedWhatItShouldNotDo() {
    assertThat(refusal(() -> read(Role.PUBLISHER, TOPICS.decisions(), "finance-sneaky", 1)))
        .as("publisher reads decisions")
        .isInstanceOf(AuthorizationException.class);
    assertThat(
            refusal(
                () ->
                    publishRaw(
                        Role.FINANCE, TOPICS.applications(Catalogue.of(Programme.RENT_RELIEF)))))
        .as("finance publishes an application")
        .isInstanceOf(AuthorizationException.class);
    assertThat(refusal(() -> read(Role.FINANCE, TOPICS.enterprises(), "finance-ledger", 1)))
        .as("finance reads the registry topic")
        .isInstanceOf(AuthorizationException.class);
    assertThat(refusal(() -> read(Role.FINANCE, TOPICS.decisions(), "operator-x", 1)))
        .as("finance uses another role's group")
        .isInstanceOf(AuthorizationException.class);
    assertThat(refusal(() -> publishRaw(Role.OPERATOR, TOPICS.budgets())))
        .as("operator publishes a budget")
        .isInstanceOf(AuthorizationException.class);
    assertThat(refusal(() -> publishRaw(Role.PUBLISHER, TOPICS.decisions())))
        .as("publisher forges a decision")
        .isInstanceOf(AuthorizationException.class);
    assertThat(refusal(() -> publishRaw(Role.PUBLISHER, TOPICS.settlements())))
        .as("publisher confirms a payment")
        .isInstanceOf(AuthorizationException.class);
    assertThat(refusal(() -> publishRaw(Role.ANALYST, TOPICS.settlements())))
        .as("analyst confirms a payment")
        .isInstanceOf(AuthorizationException.class);
    assertThat(refusal(() -> publishRaw(Role.FINANCE, TOPICS.movements())))
        .as("finance forges a movement")
        .isInstanceOf(AuthorizationException.class);
    assertThat(refusal(() -> read(Role.PUBLISHER, TOPICS.movements(), "finance-sneaky", 1)))
        .as("publisher reads movements")
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void theAnalystReplaysAWhatIfUnderItsOwnPrincipalButWritesNoLiveTopic() throws Exception {
    final Path clientConfig = dir.resolve("analyst.properties");
    final java.util.Properties analyst = new java.util.Properties();
    analyst.putAll(security.clientProperties(user(Role.ANALYST), SECRET));
    try (java.io.Writer out = Files.newBufferedWriter(clientConfig)) {
      analyst.store(out, null);
    }
    final WhatIfCommand command = new WhatIfCommand();
    command.cluster = new ClusterOptions();
    command.cluster.bootstrapServers = broker.bootstrapServers();
    command.cluster.schemaRegistryUrl = registry.url();
    command.cluster.topicPrefix = "";
    command.cluster.clientConfig = clientConfig;
    command.dataDir = dir.resolve("whatif-data");
    final WhatIfComparison.Result result =
        command.replayAndCompare(
            "secure",
            cn.gxq.subsidy.programme.Rulebook.fromDefaultPolicy(),
            "bundled",
            registryClient,
            new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
    assertThat(result.changed()).isZero();
    try (Admin admin = Admin.create(as(user(Role.ANALYST), SECRET))) {
      assertThat(admin.listTopics().names().get())
          .contains(
              "whatif.secure.subsidy.decisions.v1", "whatif.secure-ledger-by-bucket-repartition");
    }

    for (String live :
        List.of(
            TOPICS.decisions(),
            TOPICS.totals(),
            TOPICS.budgets(),
            TOPICS.ledgerHandovers(),
            TOPICS.arrivals())) {
      assertThat(refusal(() -> publishRaw(Role.ANALYST, live)))
          .as("analyst writes %s", live)
          .isInstanceOf(AuthorizationException.class);
    }
    assertThat(refusal(() -> read(Role.ANALYST, TOPICS.totals(), "whatif.sneaky", 1)))
        .as("analyst reads the live totals")
        .isInstanceOf(AuthorizationException.class);
  }

  @Test
  void anUnauthenticatedClientGetsNothing() {
    final Map<String, Object> wrongPassword = as(user(Role.OPERATOR), "wrong");
    assertThat(refusal(() -> describeCluster(wrongPassword)))
        .isInstanceOf(SaslAuthenticationException.class);
    final Map<String, Object> plaintext = new HashMap<>();
    plaintext.put("bootstrap.servers", broker.bootstrapServers());
    assertThat(refusal(() -> describeCluster(plaintext))).isNotNull();
  }

  @Test
  void theRegistryTakesWritesOnlyWithCredentials() throws Exception {
    final HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(
                        URI.create(registry.url() + "/subjects/anything-value/versions"))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"\\\"string\\\"\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(401);
  }

  private static String user(Role role) {
    return role.name().toLowerCase(java.util.Locale.ROOT) + "-user";
  }

  private static Map<String, Object> as(String user, String password) {
    final Map<String, Object> props = new HashMap<>(security.clientProperties(user, password));
    props.put("bootstrap.servers", broker.bootstrapServers());
    return props;
  }

  @SuppressWarnings("unchecked")
  private static void publish(Role role, String topic, Generated record) throws Exception {
    final Map<String, Object> props = as(user(role), SECRET);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    try (KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(
            props,
            new StringSerializer(),
            new AvroSerializer<>(
                (Class<SpecificRecord>) record.value().getClass(), registryClient, false))) {
      producer
          .send(
              new ProducerRecord<>(
                  topic, null, record.eventTime().toEpochMilli(), record.key(), record.value()))
          .get();
    }
  }

  private static void publishRaw(Role role, String topic) throws Exception {
    final Map<String, Object> props = as(user(role), SECRET);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer.send(new ProducerRecord<>(topic, "k", "v")).get();
    }
  }

  private static List<ConsumerRecord<String, byte[]>> read(
      Role role, String topic, String group, int atLeast) {
    final Map<String, Object> props = as(user(role), SECRET);
    props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    final List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (records.size() < atLeast && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    assertThat(records).as("%s reading %s", role, topic).hasSizeGreaterThanOrEqualTo(atLeast);
    return records;
  }

  private static void describeCluster(Map<String, Object> props) throws Exception {
    try (Admin admin = Admin.create(props)) {
      admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000)).nodes().get();
    }
  }

  private interface Attempt {
    void run() throws Exception;
  }

  /** What refused the attempt (unwrapped), or null when it succeeded. */
  private static Throwable refusal(Attempt attempt) {
    try {
      attempt.run();
      return null;
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception | AssertionError e) {
      return e;
    }
  }
}
