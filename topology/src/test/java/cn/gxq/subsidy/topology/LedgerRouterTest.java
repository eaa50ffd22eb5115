package cn.gxq.subsidy.topology;

import static cn.gxq.subsidy.topology.Fixtures.at;
import static cn.gxq.subsidy.topology.Fixtures.creditCode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.internal.Assessment;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.rules.Registration;
import cn.gxq.subsidy.serde.InMemorySchemaRegistryClient;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The router's registration serials as a task of a multi-partition input draws them. */
class LedgerRouterTest {

  private final SubsidySerdes serdes = new SubsidySerdes(new InMemorySchemaRegistryClient());

  private MockProcessorContext<String, LedgerCommand> context(
      Integer routerPartitions, int partition) throws Exception {
    final Properties props = new Properties();
    props.put("application.id", "router-test");
    props.put("bootstrap.servers", "unused:9092");
    if (routerPartitions != null) {
      props.put(TopologySettings.ROUTER_PARTITIONS_CONFIG, routerPartitions.toString());
    }
    final MockProcessorContext<String, LedgerCommand> context =
        new MockProcessorContext<>(
            props, new TaskId(1, partition), Files.createTempDirectory("router").toFile());
    add(context, LedgerStores.ROUTES, serdes.route());
    add(context, LedgerStores.CLAIMS, Serdes.String());
    add(context, LedgerStores.REGISTRATIONS, Serdes.Integer());
    return context;
  }

  private static <V> void add(
      MockProcessorContext<String, LedgerCommand> context, String name, Serde<V> values) {
    final KeyValueStore<String, V> store =
        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), Serdes.String(), values)
            .withLoggingDisabled()
            .build();
    store.init(context.getStateStoreContext(), store);
    context.addStateStore((StateStore) store);
  }

  private static Proposal eligibleEvaluation(int enterprise) {
    final String code = creditCode(enterprise);
    final Map<String, String> details = new HashMap<>();
    details.put(Registration.SERIES, "2022110108");
    return Proposal.newBuilder()
        .setApplicationId("TS-" + enterprise)
        .setRevision(1)
        .setProgramme(Programme.TECH_SME_EVALUATION)
        .setCreditCode(code)
        .setEnterpriseName("enterprise " + enterprise)
        .setZone("ZGC")
        .setYear(2022)
        .setAssessment(Assessment.ELIGIBLE)
        .setClaimKey(code + ":2022")
        .setRequestedAmount(null)
        .setEligibleAmount(new BigDecimal("0.00"))
        .setReasons(List.of())
        .setDetails(details)
        .setPolicyVersion("test")
        .setSubmittedAt(at("2022-06-01T02:00:00Z"))
        .build();
  }

  private static List<String> numbers(
      MockProcessorContext<String, LedgerCommand> context, LedgerRouter router, int count) {
    final List<String> numbers = new ArrayList<>();
    for (int n = 1; n <= count; n++) {
      router.process(new Record<>(creditCode(n), eligibleEvaluation(n), 0L));
    }
    for (var forwarded : context.forwarded()) {
      final Proposal routed = (Proposal) forwarded.record().value().getCommand();
      numbers.add(routed.getDetails().get(Registration.NUMBER));
    }
    return numbers;
  }

  @Test
  void partitionTwoOfThreeDrawsEveryThirdSerialFromThree() throws Exception {
    final MockProcessorContext<String, LedgerCommand> context = context(3, 2);
    final LedgerRouter router = new LedgerRouter();
    router.init(context);

    assertThat(numbers(context, router, 3))
        .containsExactly("2022110108000003", "2022110108000006", "2022110108000009");
  }

  @Test
  void withoutThePartitionCountSerialsAreDealtOverAHundred() throws Exception {
    final MockProcessorContext<String, LedgerCommand> context = context(null, 5);
    final LedgerRouter router = new LedgerRouter();
    router.init(context);

    assertThat(numbers(context, router, 2)).containsExactly("2022110108000006", "2022110108000106");
  }

  @Test
  void aPartitionCountBelowTheTasksPartitionStopsTheTaskBeforeItNumbersAnything() throws Exception {
    final MockProcessorContext<String, LedgerCommand> context = context(3, 4);

    assertThatThrownBy(() -> new LedgerRouter().init(context))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dealt over 3 router partitions");
  }
}
