package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.demo.AbsurdApplication;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.demo.HostileRecords;
import cn.gxq.subsidy.programme.ApplicationHeader;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.AvroDeserializer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * More than 10,000 hostile records on all five input topics (garbage, wrong magic byte, unknown
 * schema id, another type's schema id, truncated Avro, null values, missing keys, values of 900 KB)
 * and over a thousand absurd but decodable applications, against one running instance. Every record
 * must end as a dead letter with its code or as a decision with its reason, counted exactly, and
 * the instance must stay RUNNING throughout. Null keys on the two compacted topics never reach the
 * application: the broker refuses them, and the test counts those refusals apart.
 */
class HostileInputTest {

  private static final int ROUNDS = 260;
  private static final int LARGE_PER_TOPIC = 4;
  private static final int LARGE_BYTES = 900_000;
  private static final int ABSURD_BATCHES = 40;

  /** A sane Kafka timestamp: the input topics refuse records dated more than 1 h ahead. */
  private static final Instant AT = Instant.parse("2022-05-01T09:00:00Z");

  @Test
  void everyHostileRecordIsAccountedForAndTheApplicationKeepsRunning() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(3);
        GeneratedPublisher publisher =
            new GeneratedPublisher(cluster.bootstrap(), cluster.client, cluster.topics)) {
      final DemoScenario scenario =
          DemoScenario.standard(5L, 200, Instant.parse("2022-03-01T00:00:00Z"));
      publisher.publishAll(scenario.enterprises());
      publisher.publishAll(scenario.budgets());
      final ClusterFixture.Instance instance = cluster.startInstance("hostile-it");
      cluster.awaitRunning(Duration.ofSeconds(60));
      final HostileStateWatch watch = new HostileStateWatch(instance.streams()).start();

      final HostileLedger ledger = new HostileLedger();
      final long begin = System.nanoTime();
      try (KafkaProducer<String, byte[]> producer = producer(cluster.bootstrap())) {
        final HostileSender sender = new HostileSender(producer, ledger);
        wireLevel(cluster, sender);
        absurd(cluster, scenario, sender);
        sender.awaitAll();
      }
      final long sent = ledger.sent();
      System.out.printf(
          "hostile: %d records sent in %d ms, %d refused by the broker%n",
          sent, (System.nanoTime() - begin) / 1_000_000, ledger.refused());
      assertThat(sent).isGreaterThanOrEqualTo(10_000);

      // The broker itself refuses null keys on compacted topics; those must all fail to send.
      assertThat(ledger.refusedUnexpectedly())
          .as("refused but meant for the application")
          .isEmpty();
      assertThat(ledger.refused()).isEqualTo(ledger.expectedRefusals());

      final Map<String, Map<String, Integer>> letters = readDeadLetters(cluster, ledger);
      assertThat(letters)
          .as("dead letters per source topic and code")
          .isEqualTo(ledger.expectedLetters());

      final Map<String, Decision> decided = readDecisions(cluster, ledger);
      assertThat(decided.keySet())
          .containsExactlyInAnyOrderElementsOf(ledger.expectedReasons().keySet());
      final List<String> wrongReason = new ArrayList<>();
      ledger
          .expectedReasons()
          .forEach(
              (id, reason) -> {
                final Decision d = decided.get(id);
                if (!reason.isEmpty()
                    && d.getReasons().stream().noneMatch(r -> r.getCode().equals(reason))) {
                  wrongReason.add(
                      String.format(
                          "%s (%s): expected %s, got %s %s %s",
                          id,
                          ledger.description(id),
                          reason,
                          d.getStatus(),
                          d.getReasons(),
                          d.getCreditCode()));
                }
              });
      assertThat(wrongReason).as("decisions without the expected reason").isEmpty();

      watch.stop();
      assertThat(watch.leftRunning()).as("states after RUNNING").isEmpty();
      assertThat(instance.streams().state()).hasToString("RUNNING");
      System.out.printf(
          "HOSTILE VERDICT: PASS sent=%d deadLetters=%d decisions=%d refusedByBroker=%d"
              + " state=RUNNING throughout%n",
          sent,
          letters.values().stream().flatMap(m -> m.values().stream()).mapToInt(i -> i).sum(),
          decided.size(),
          ledger.refused());
    }
  }

  /**
   * A null value on the registry topic deregisters the enterprise as of its timestamp (README): an
   * application submitted after it is not registered, and nothing is dead-lettered.
   */
  @Test
  void registryNullValueDeregistersTheEnterprise() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(1);
        GeneratedPublisher publisher =
            new GeneratedPublisher(cluster.bootstrap(), cluster.client, cluster.topics)) {
      final DemoScenario scenario =
          DemoScenario.standard(5L, 20, Instant.parse("2022-03-01T00:00:00Z"));
      publisher.publishAll(scenario.enterprises());
      final Generated application = scenario.applicationGenerator().take(1).get(0);
      final String creditCode = ApplicationHeader.of(application.value()).creditCode();
      publisher.raw(
          cluster.topics.enterprises(),
          creditCode,
          null,
          application.eventTime().toEpochMilli() - 1);
      publisher.flush();
      cluster.startInstance("registry-null-it");
      publisher.publishAll(List.of(application));

      final AvroDeserializer<Decision> codec =
          new AvroDeserializer<>(Decision.class, cluster.client);
      final List<Decision> decisions = new ArrayList<>();
      cluster
          .readUntil(cluster.topics.decisions(), r -> !r.isEmpty(), Duration.ofSeconds(60))
          .forEach(r -> decisions.add(codec.deserialize(r.topic(), r.value())));
      // A tombstone is a deregistration as of its timestamp (README), not a dead letter.
      final var letters =
          cluster.readUntil(cluster.topics.deadLetter(), r -> !r.isEmpty(), Duration.ofSeconds(5));
      assertThat(letters).as("dead letters").isEmpty();
      assertThat(decisions)
          .singleElement()
          .satisfies(
              d ->
                  assertThat(d.getReasons())
                      .extracting(cn.gxq.subsidy.avro.Reason::getCode)
                      .contains("ENTERPRISE_NOT_REGISTERED"));
    }
  }

  /**
   * Amounts valid in form but absurd (10^15 yuan) once overflowed the ledger's decimal(18,2) sums
   * and stopped the application for good; now validation rejects them and it runs on.
   */
  @Test
  void hugeAmountsAreRejectedAndTheLedgerKeepsRunning() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(1);
        GeneratedPublisher publisher =
            new GeneratedPublisher(cluster.bootstrap(), cluster.client, cluster.topics)) {
      final DemoScenario scenario =
          DemoScenario.standard(5L, 20, Instant.parse("2022-03-01T00:00:00Z"));
      publisher.publishAll(scenario.enterprises()); // no budgets: unlimited
      final ClusterFixture.Instance instance = cluster.startInstance("huge-it");
      cluster.awaitRunning(Duration.ofSeconds(60));
      final HostileRecords hostile = new HostileRecords(23L, AT);
      final List<Generated> huge = new ArrayList<>();
      for (Enterprise applicant : scenario.registry().subList(0, 12)) {
        hostile.absurdApplications(applicant, AT).stream()
            .filter(a -> a.description().contains("10^15"))
            .forEach(a -> huge.add(a.generated()));
      }
      publisher.publishAll(huge);
      final AvroDeserializer<Decision> codec =
          new AvroDeserializer<>(Decision.class, cluster.client);
      final List<Decision> decided = new ArrayList<>();
      cluster
          .readUntil(
              cluster.topics.decisions(), r -> r.size() >= huge.size(), Duration.ofSeconds(60))
          .forEach(r -> decided.add(codec.deserialize(r.topic(), r.value())));
      assertThat(instance.streams().state()).hasToString("RUNNING");
      assertThat(huge).hasSize(36);
      assertThat(decided)
          .hasSize(huge.size())
          .allSatisfy(
              d -> {
                assertThat(d.getStatus()).hasToString("REJECTED");
                assertThat(d.getReasons())
                    .extracting(cn.gxq.subsidy.avro.Reason::getCode)
                    .contains("INVALID_FIELD");
              });
    }
  }

  /** Every wire-level kind on every topic, with a key of its own so nothing is compacted away. */
  private static void wireLevel(ClusterFixture cluster, HostileSender sender) {
    final HostileRecords hostile = new HostileRecords(17L, AT);
    final Random random = new Random(17L);
    final Map<RecordKind, Integer> ids = new HashMap<>();
    for (RecordKind type : Catalogue.recordKinds()) {
      ids.put(
          type,
          cluster.client.register(
              type.topic(cluster.topics) + "-value", FaultHarness.schemaOf(type)));
    }
    final List<RecordKind> types = Catalogue.recordKinds();
    for (int round = 0; round < ROUNDS; round++) {
      for (RecordKind type : types) {
        final String kind = type.name();
        final String topic = type.topic(cluster.topics);
        final boolean compacted = type == RecordKind.ENTERPRISE || type == RecordKind.BUDGET;
        final String key = "HOSTILE-" + kind + "-" + round;
        final SpecificRecord sample = hostile.sample(kind).value();
        final RecordKind other =
            types.get((types.indexOf(type) + 1 + random.nextInt(types.size() - 1)) % types.size());
        final SpecificRecord otherSample = hostile.sample(other.name()).value();
        sender.send(
            topic,
            key + "-random",
            hostile.randomBytes(kind, 1 + random.nextInt(300)).value(),
            "UNDECODABLE",
            "random bytes");
        sender.send(
            topic, key + "-short", hostile.tooShort(kind).value(), "UNDECODABLE", "too short");
        sender.send(
            topic,
            key + "-magic",
            hostile.wrongMagicByte(kind, ids.get(type)).value(),
            "UNDECODABLE",
            "wrong magic byte");
        sender.send(
            topic,
            key + "-unknown",
            hostile.unknownSchemaId(kind).value(),
            "UNKNOWN_SCHEMA",
            "unknown schema id");
        sender.send(
            topic,
            key + "-other",
            HostileRecords.wireFormat(ids.get(other), HostileRecords.avroBody(otherSample)),
            "UNDECODABLE",
            "schema id of " + other);
        sender.send(
            topic,
            key + "-cut",
            hostile.truncatedAvro(kind, ids.get(type)).value(),
            "UNDECODABLE",
            "truncated");
        if (type != RecordKind.ENTERPRISE) {
          // On the registry a null value is taken as a deletion, not dead-lettered: a known bug,
          // reproduced by registryNullValueIsDeadLettered below.
          sender.send(topic, key + "-null", null, "NULL_VALUE", "null value");
        }
        final byte[] keyless =
            HostileRecords.wireFormat(ids.get(type), HostileRecords.avroBody(sample));
        if (compacted) {
          sender.refused(topic, keyless, "null key on a compacted topic");
        } else {
          sender.send(topic, null, keyless, "MISSING_KEY", "missing key");
        }
        if (round < LARGE_PER_TOPIC) {
          sender.send(
              topic,
              key + "-large",
              hostile.largeValue(kind, LARGE_BYTES).value(),
              "UNDECODABLE",
              "900 KB value");
        }
      }
    }
  }

  /** Applications that decode but make no sense, budgets that do not add up, blank ids. */
  private static void absurd(ClusterFixture cluster, DemoScenario scenario, HostileSender sender) {
    final HostileRecords hostile = new HostileRecords(23L, AT);
    final List<Enterprise> registry = scenario.registry();
    final Map<RecordKind, cn.gxq.subsidy.serde.AvroSerializer<SpecificRecord>> serializers =
        new HashMap<>();
    for (int batch = 0; batch < ABSURD_BATCHES; batch++) {
      final Enterprise applicant = registry.get(batch % registry.size());
      for (AbsurdApplication a : hostile.absurdApplications(applicant, AT)) {
        final Generated g = a.generated();
        final RecordKind type = Catalogue.recordKind(g.topicKind());
        final byte[] bytes = serialize(cluster, serializers, type, g.value());
        // The generator's "lower-case credit code" is the code itself when it has no letters
        // (e.g. 911101023695610789): then it is a sound application and any reason will do.
        final boolean notAbsurd =
            applicant.getCreditCode().equals(ApplicationHeader.of(g.value()).creditCode());
        sender.decision(
            type.topic(cluster.topics),
            g.key(),
            bytes,
            notAbsurd ? "" : a.expectedReason().orElse(""),
            a.description());
        if (batch == 0) {
          // The same application with a blank id: it cannot be addressed, so it is dead-lettered.
          final SpecificRecord blank = withBlankId(g.value());
          sender.send(
              type.topic(cluster.topics),
              "HOSTILE-BLANK-" + g.key(),
              serialize(cluster, serializers, type, blank),
              "INVALID_RECORD",
              "blank id");
        }
      }
    }
    final RecordKind budget = RecordKind.BUDGET;
    final Budget base = (Budget) hostile.sample(Generated.BUDGET).value();
    for (int i = 0; i < 20; i++) {
      final Budget negative =
          Budget.newBuilder(base).setZone("HZ" + i).setAmount(new BigDecimal("-1.00")).build();
      sender.send(
          budget.topic(cluster.topics),
          Generated.budgetKey(negative),
          serialize(cluster, serializers, budget, negative),
          "INVALID_RECORD",
          "negative budget");
      sender.send(
          budget.topic(cluster.topics),
          "HZ" + i + ":RENT_RELIEF:1999",
          serialize(
              cluster, serializers, budget, Budget.newBuilder(base).setZone("HY" + i).build()),
          "INVALID_RECORD",
          "budget key disagrees with its fields");
    }
  }

  @SuppressWarnings("unchecked")
  private static byte[] serialize(
      ClusterFixture cluster,
      Map<RecordKind, cn.gxq.subsidy.serde.AvroSerializer<SpecificRecord>> serializers,
      RecordKind type,
      SpecificRecord value) {
    return serializers
        .computeIfAbsent(
            type,
            t ->
                new cn.gxq.subsidy.serde.AvroSerializer<>(
                    (Class<SpecificRecord>) t.recordClass(), cluster.client, false))
        .serialize(type.topic(cluster.topics), value);
  }

  private static SpecificRecord withBlankId(SpecificRecord application) {
    final SpecificRecord copy =
        (SpecificRecord)
            org.apache.avro.specific.SpecificData.getForSchema(application.getSchema())
                .deepCopy(application.getSchema(), application);
    copy.put(copy.getSchema().getField("applicationId").pos(), "");
    return copy;
  }

  private static Map<String, Map<String, Integer>> readDeadLetters(
      ClusterFixture cluster, HostileLedger ledger) {
    final Map<String, Map<String, Integer>> byTopicAndCode = new HashMap<>();
    final long expected = ledger.expectedLetterCount();
    final long[] count = {0};
    new FaultTopicReader(cluster.bootstrap())
        .read(
            cluster.topics.deadLetter(),
            r -> {
              count[0]++;
              byTopicAndCode
                  .computeIfAbsent(header(r, DeadLetter.SOURCE_TOPIC), k -> new HashMap<>())
                  .merge(header(r, DeadLetter.ERROR_CODE), 1, Integer::sum);
            },
            () -> count[0] >= expected,
            Duration.ofSeconds(3),
            Duration.ofSeconds(180));
    return byTopicAndCode;
  }

  private static Map<String, Decision> readDecisions(ClusterFixture cluster, HostileLedger ledger) {
    final AvroDeserializer<Decision> codec = new AvroDeserializer<>(Decision.class, cluster.client);
    final Map<String, Decision> decided = new HashMap<>();
    new FaultTopicReader(cluster.bootstrap())
        .read(
            cluster.topics.decisions(),
            r -> {
              final Decision d = codec.deserialize(r.topic(), r.value());
              decided.put(d.getApplicationId(), d);
            },
            () -> decided.keySet().containsAll(ledger.expectedReasons().keySet()),
            Duration.ofSeconds(2),
            Duration.ofSeconds(120));
    return decided;
  }

  private static String header(
      org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> r, String name) {
    final var h = r.headers().lastHeader(name);
    return h == null ? "(none)" : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static KafkaProducer<String, byte[]> producer(String bootstrap) {
    final Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    // A refused record must fail fast, not be retried until the delivery timeout.
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }

  /** Sends records and remembers what each must become. */
  private static final class HostileSender {
    private final KafkaProducer<String, byte[]> producer;
    private final HostileLedger ledger;
    private final List<Future<RecordMetadata>> pending = new ArrayList<>();
    private final List<ProducerRecord<String, byte[]>> keyless = new ArrayList<>();

    HostileSender(KafkaProducer<String, byte[]> producer, HostileLedger ledger) {
      this.producer = producer;
      this.ledger = ledger;
    }

    void send(String topic, String key, byte[] value, String code, String description) {
      ledger.letter(topic, code);
      pending.add(producer.send(new ProducerRecord<>(topic, null, AT.toEpochMilli(), key, value)));
    }

    void decision(String topic, String id, byte[] value, String reason, String description) {
      ledger.decision(id, reason, description);
      pending.add(producer.send(new ProducerRecord<>(topic, null, AT.toEpochMilli(), id, value)));
    }

    /**
     * Sent one at a time once the rest is out: the broker refuses a whole batch with one keyless
     * record on a compacted topic, which would take innocent records with it.
     */
    void refused(String topic, byte[] value, String description) {
      ledger.expectRefusal();
      keyless.add(new ProducerRecord<>(topic, null, AT.toEpochMilli(), null, value));
    }

    void awaitAll() throws InterruptedException {
      for (Future<RecordMetadata> f : pending) {
        try {
          f.get();
          ledger.sentOne();
        } catch (ExecutionException e) {
          ledger.refusedUnexpectedly(e.getCause().toString());
        }
      }
      for (ProducerRecord<String, byte[]> record : keyless) {
        try {
          producer.send(record).get();
          ledger.refusedUnexpectedly("a null key on a compacted topic was accepted");
        } catch (ExecutionException e) {
          ledger.refusedOne();
        }
      }
    }
  }
}
