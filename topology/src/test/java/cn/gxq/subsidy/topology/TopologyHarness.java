package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Movement;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.contract.ApplicationFields;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.serde.InMemorySchemaRegistryClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/** The real topology in a TopologyTestDriver, with typed topics for tests to speak through. */
final class TopologyHarness implements AutoCloseable {

  static final Rulebook RULEBOOK = Rulebook.fromDefaultPolicy();

  final Topics topics = Topics.defaults();
  final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  final SubsidySerdes serdes = new SubsidySerdes(registry);
  final TopologyTestDriver driver;
  final TestInputTopic<String, Enterprise> enterprises;
  final TestInputTopic<String, Budget> budgets;
  final TestInputTopic<String, RentReliefApplication> rentRelief;
  final TestOutputTopic<String, Decision> decisions;
  final TestOutputTopic<String, Totals> totals;
  final TestOutputTopic<String, byte[]> deadLetters;
  final TestInputTopic<String, Settlement> settlements;
  final TestOutputTopic<String, Movement> movements;
  final TestOutputTopic<String, ControlTotals> controlTotals;

  TopologyHarness() {
    this(TopologySettings.defaults());
  }

  TopologyHarness(TopologySettings settings) {
    final Properties props = SubsidyTopology.baseConfig("subsidy-test", "unused:9092", topics);
    // The driver runs one task per sub-topology, partition 0: the router's input has one partition.
    props.put(TopologySettings.ROUTER_PARTITIONS_CONFIG, "1");
    try {
      props.put(
          StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("subsidy-ttd").toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
    driver =
        new TopologyTestDriver(SubsidyTopology.build(topics, serdes, RULEBOOK, settings), props);
    enterprises =
        driver.createInputTopic(
            topics.enterprises(), Serdes.String().serializer(), serdes.enterprise().serializer());
    budgets =
        driver.createInputTopic(
            topics.budgets(), Serdes.String().serializer(), serdes.budget().serializer());
    rentRelief =
        driver.createInputTopic(
            topics.applications(Catalogue.of(Programme.RENT_RELIEF)),
            Serdes.String().serializer(),
            serdes.of(RentReliefApplication.class).serializer());
    decisions =
        driver.createOutputTopic(
            topics.decisions(), Serdes.String().deserializer(), serdes.decision().deserializer());
    totals =
        driver.createOutputTopic(
            topics.totals(), Serdes.String().deserializer(), serdes.totals().deserializer());
    deadLetters =
        driver.createOutputTopic(
            topics.deadLetter(), Serdes.String().deserializer(), Serdes.ByteArray().deserializer());
    settlements =
        driver.createInputTopic(
            topics.settlements(),
            Serdes.String().serializer(),
            serdes.of(Settlement.class).serializer());
    movements =
        driver.createOutputTopic(
            topics.movements(),
            Serdes.String().deserializer(),
            serdes.of(Movement.class).deserializer());
    controlTotals =
        driver.createOutputTopic(
            topics.controlTotals(),
            Serdes.String().deserializer(),
            serdes.of(ControlTotals.class).deserializer());
  }

  TestInputTopic<String, byte[]> raw(String topic) {
    return driver.createInputTopic(
        topic, Serdes.String().serializer(), Serdes.ByteArray().serializer());
  }

  /** An input topic taking keys as bytes, to send keys that are not UTF-8. */
  TestInputTopic<byte[], byte[]> rawBytes(String topic) {
    return driver.createInputTopic(
        topic, Serdes.ByteArray().serializer(), Serdes.ByteArray().serializer());
  }

  /** The dead-letter topic with keys as bytes, to compare keys exactly. */
  TestOutputTopic<byte[], byte[]> deadLetterBytes() {
    return driver.createOutputTopic(
        topics.deadLetter(), Serdes.ByteArray().deserializer(), Serdes.ByteArray().deserializer());
  }

  void register(Enterprise enterprise) {
    enterprises.pipeInput(
        enterprise.getCreditCode(), enterprise, enterprise.getUpdatedAt().toEpochMilli());
  }

  void allot(Budget budget) {
    budgets.pipeInput(
        new BucketKey(budget.getZone(), budget.getProgramme(), budget.getYear()).toString(),
        budget,
        budget.getUpdatedAt().toEpochMilli());
  }

  void submit(RentReliefApplication application) {
    rentRelief.pipeInput(
        application.getApplicationId(), application, application.getSubmittedAt().toEpochMilli());
  }

  /** Publishes an application of any catalogue programme to its topic. */
  void submitAny(SpecificRecord application) {
    final ProgrammeDefinition<?> programme = Catalogue.of(application);
    @SuppressWarnings("unchecked")
    final Class<SpecificRecord> type = (Class<SpecificRecord>) programme.recordClass();
    driver
        .createInputTopic(
            topics.applications(programme),
            Serdes.String().serializer(),
            serdes.of(type).serializer())
        .pipeInput(
            ApplicationFields.applicationId(application),
            application,
            ApplicationFields.submittedAt(application).toEpochMilli());
  }

  List<Decision> newDecisions() {
    return decisions.readValuesToList();
  }

  /** Lets the wall-clock punctuation publish totals, then returns the latest per key. */
  Map<String, Totals> publishedTotals() {
    driver.advanceWallClockTime(Duration.ofSeconds(1));
    final Map<String, Totals> latest = new LinkedHashMap<>();
    for (TestRecord<String, Totals> record : totals.readRecordsToList()) {
      latest.put(record.key(), record.value());
    }
    return latest;
  }

  static String header(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    driver.close();
  }
}
