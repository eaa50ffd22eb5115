package cn.gxq.subsidy.connectors.intake;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.connectors.Samples;
import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.serde.InMemorySchemaRegistryClient;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JsonIntakeBridgeTest {

  private static final String CODE = Samples.creditCode(1);
  private final Topics topics = Topics.defaults();
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private TopologyTestDriver driver;
  private TestInputTopic<String, byte[]> rentIntake;
  private TestOutputTopic<String, byte[]> rentContract;
  private TestOutputTopic<String, byte[]> deadLetters;

  @BeforeEach
  void start() {
    final Clock clock = Clock.fixed(Instant.parse("2022-06-01T00:00:00Z"), ZoneOffset.UTC);
    driver =
        new TopologyTestDriver(
            JsonIntakeBridge.build(topics, registry, clock),
            JsonIntakeBridge.config("bridge-test", "unused:9092", 1));
    rentIntake =
        driver.createInputTopic(
            IntakeTopics.of(topics, Catalogue.recordKind("rent-relief")),
            new StringSerializer(),
            new ByteArraySerializer());
    rentContract =
        driver.createOutputTopic(
            Catalogue.recordKind("rent-relief").topic(topics),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetter(), new StringDeserializer(), new ByteArrayDeserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }

  @Test
  void validJsonBecomesContractAvroKeyedAndTimedByTheRecord() {
    rentIntake.pipeInput(
        "RR-1",
        utf8(Samples.rentRelief("RR-1", 2, false, CODE, "20000.00", "2022-05-01T09:30:00Z")),
        Instant.parse("2022-05-31T00:00:00Z"));

    final TestRecord<String, byte[]> out = rentContract.readRecord();
    assertThat(out.key()).isEqualTo("RR-1");
    assertThat(out.timestamp()).isEqualTo(Instant.parse("2022-05-01T09:30:00Z").toEpochMilli());
    final RentReliefApplication app =
        new AvroDeserializer<>(RentReliefApplication.class, registry)
            .deserialize(rentContract.toString(), out.value());
    assertThat(app.getRevision()).isEqualTo(2);
    assertThat(app.getMonthlyRent()).isEqualTo(new BigDecimal("20000.00"));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void aPayloadStoredAsTextIsReadToo() {
    final String json = Samples.rentRelief("RR-2", 1, false, CODE, "1.00", "2022-05-01T09:30:00Z");
    rentIntake.pipeInput("RR-2", utf8("\"" + json.replace("\"", "\\\"") + "\""));
    assertThat(rentContract.readRecord().key()).isEqualTo("RR-2");
  }

  @Test
  void aBadFieldIsDeadLetteredUntouchedWithTheFieldNamed() {
    final byte[] bad =
        utf8(Samples.rentRelief("RR-3", 1, false, CODE, "12.345", "2022-05-01T09:30:00Z"));
    rentIntake.pipeInput("RR-3", bad);

    assertThat(rentContract.isEmpty()).isTrue();
    final TestRecord<String, byte[]> letter = deadLetters.readRecord();
    assertThat(letter.key()).isEqualTo("RR-3");
    assertThat(letter.value()).isEqualTo(bad);
    assertThat(header(letter.headers(), DeadLetter.ERROR_CODE)).isEqualTo("UNDECODABLE");
    assertThat(header(letter.headers(), DeadLetter.ERROR_MESSAGE))
        .contains("monthlyRent")
        .contains("at most 2 allowed");
    assertThat(header(letter.headers(), DeadLetter.SOURCE_TOPIC))
        .isEqualTo("subsidy.intake.rent-relief.v1");
    assertThat(header(letter.headers(), DeadLetter.SOURCE_PARTITION)).isEqualTo("0");
    assertThat(header(letter.headers(), DeadLetter.SOURCE_OFFSET)).isEqualTo("0");
  }

  @Test
  void notJsonNullValuesWrongKeysAndFutureTimesAreDeadLettered() {
    rentIntake.pipeInput("RR-4", utf8("{not json"));
    rentIntake.pipeInput("RR-5", (byte[]) null);
    rentIntake.pipeInput(
        "OTHER", utf8(Samples.rentRelief("RR-6", 1, false, CODE, "1.00", "2022-05-01T09:30:00Z")));
    rentIntake.pipeInput(
        (String) null,
        utf8(Samples.rentRelief("RR-7", 1, false, CODE, "1.00", "2022-05-01T09:30:00Z")));
    rentIntake.pipeInput(
        "RR-8", utf8(Samples.rentRelief("RR-8", 1, false, CODE, "1.00", "2030-01-01T00:00:00Z")));

    assertThat(deadLetters.readRecordsToList())
        .extracting(r -> r.key() + " " + header(r.headers(), DeadLetter.ERROR_CODE))
        .containsExactly(
            "RR-4 UNDECODABLE",
            "RR-5 NULL_VALUE",
            "OTHER INVALID_RECORD",
            "null MISSING_KEY",
            "RR-8 INVALID_RECORD");
    assertThat(rentContract.isEmpty()).isTrue();
  }

  @Test
  void budgetsAreKeyedZoneProgrammeYear() {
    final TestInputTopic<String, byte[]> intake =
        driver.createInputTopic(
            IntakeTopics.of(topics, RecordKind.BUDGET),
            new StringSerializer(),
            new ByteArraySerializer());
    final TestOutputTopic<String, byte[]> budgets =
        driver.createOutputTopic(
            topics.budgets(), new StringDeserializer(), new ByteArrayDeserializer());
    intake.pipeInput(
        "ZGC:RENT_RELIEF:2022",
        utf8(Samples.rentReliefBudget("1000000.00", "2022-01-01T00:00:00Z")));
    final TestRecord<String, byte[]> out = budgets.readRecord();
    assertThat(out.key()).isEqualTo("ZGC:RENT_RELIEF:2022");
    assertThat(
            new AvroDeserializer<>(Budget.class, registry)
                .deserialize("b", out.value())
                .getAmount())
        .isEqualTo(new BigDecimal("1000000.00"));
  }
}
