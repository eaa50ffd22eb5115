package cn.gxq.subsidy.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.internal.Arrival;
import cn.gxq.subsidy.avro.internal.ArrivalKind;
import cn.gxq.subsidy.avro.internal.ArrivalStep;
import cn.gxq.subsidy.avro.internal.Assessment;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.serde.InMemorySchemaRegistryClient;
import cn.gxq.subsidy.topology.ArrivalJournal;
import cn.gxq.subsidy.topology.SubsidySerdes;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/**
 * The gate before a replay's ledger hands it each bucket's commands in the order live met them,
 * whatever order they come in, holds up no other bucket, and leaves out what live never met. Driven
 * through a topology with {@code TopologyTestDriver}; the ledger is a recorder.
 */
class OrderGateTest {

  private static final String ZGC = "ZGC:RENT_RELIEF:2022";
  private static final String BH = "BH:RENT_RELIEF:2022";
  private static final SubsidySerdes SERDES = new SubsidySerdes(new InMemorySchemaRegistryClient());

  private final List<String> met = new ArrayList<>();

  /** What the ledger met, in order: bucket and application. */
  private final class Recorder implements Processor<String, LedgerCommand, Void, Void> {
    @Override
    public void process(Record<String, LedgerCommand> record) {
      met.add(record.key() + " " + ((Proposal) record.value().getCommand()).getApplicationId());
    }
  }

  private static LedgerCommand revision(String applicationId) {
    return LedgerCommand.newBuilder()
        .setCommand(
            Proposal.newBuilder()
                .setApplicationId(applicationId)
                .setRevision(1)
                .setProgramme(Programme.RENT_RELIEF)
                .setCreditCode("91110108MA0000000X")
                .setYear(2022)
                .setAssessment(Assessment.ELIGIBLE)
                .setClaimKey(applicationId)
                .setEligibleAmount(new BigDecimal("10.00"))
                .setReasons(List.of())
                .setDetails(Map.of())
                .setPolicyVersion("2022.1")
                .setSubmittedAt(Instant.parse("2022-04-01T00:00:00Z"))
                .build())
        .build();
  }

  private static String identity(String applicationId) {
    return ArrivalJournal.identity(
        new Arrival(
            ArrivalStep.LEDGER,
            ArrivalKind.REVISION,
            applicationId,
            1,
            Instant.parse("2022-04-01T00:00:00Z"),
            null));
  }

  /** Live met, per bucket: ZGC X then Y then Z; BH W. */
  private static LiveOrder liveOrder() {
    final Map<ArrivalStep, Map<String, ArrayDeque<String>>> lanes =
        new EnumMap<>(ArrivalStep.class);
    lanes.put(ArrivalStep.ROUTER, new HashMap<>());
    lanes.put(
        ArrivalStep.LEDGER,
        new HashMap<>(
            Map.of(
                ZGC,
                new ArrayDeque<>(List.of(identity("X"), identity("Y"), identity("Z"))),
                BH,
                new ArrayDeque<>(List.of(identity("W"))))));
    return new LiveOrder(lanes, Map.of(), true);
  }

  private void replay(LiveOrder order, String... commands) throws Exception {
    final Topology topology = new Topology();
    topology.addSource(
        "commands",
        Serdes.String().deserializer(),
        SERDES.of(LedgerCommand.class).deserializer(),
        "ledger-commands");
    topology.addProcessor("ledger", () -> order.beforeLedger(new Recorder()), "commands");
    final Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "order-gate-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("order-gate").toString());
    try (TopologyTestDriver driver = new TopologyTestDriver(topology, props)) {
      final TestInputTopic<String, LedgerCommand> in =
          driver.createInputTopic(
              "ledger-commands",
              Serdes.String().serializer(),
              SERDES.of(LedgerCommand.class).serializer());
      for (String command : commands) {
        final String[] bucketAndId = command.split(" ");
        in.pipeInput(bucketAndId[0], revision(bucketAndId[1]));
      }
    }
  }

  @Test
  void eachBucketMeetsItsCommandsInLiveOrderWhateverOrderTheyComeIn() throws Exception {
    final LiveOrder order = liveOrder();
    replay(order, ZGC + " Z", ZGC + " Y", BH + " W", ZGC + " X");
    // W is not held up by ZGC's wait for X; ZGC's three go in live's order once X comes.
    assertThat(met).containsExactly(BH + " W", ZGC + " X", ZGC + " Y", ZGC + " Z");
    assertThat(order.held()).isZero();
  }

  @Test
  void whatLiveHadNotMetIsNotReplayedAndWhatItAwaitsIsHeld() throws Exception {
    final LiveOrder order = liveOrder();
    replay(order, ZGC + " Y", ZGC + " NEW", ZGC + " X");
    assertThat(met).containsExactly(ZGC + " X", ZGC + " Y");
    assertThat(order.beyondCut()).isEqualTo(1);
    assertThat(order.held()).as("nothing waits: Z never came, and nothing is behind it").isZero();
  }

  @Test
  void aCommandWaitsForTheOneLiveMetBeforeIt() throws Exception {
    final LiveOrder order = liveOrder();
    replay(order, ZGC + " Z", ZGC + " Y");
    assertThat(met).isEmpty();
    assertThat(order.held()).isEqualTo(2);
  }
}
