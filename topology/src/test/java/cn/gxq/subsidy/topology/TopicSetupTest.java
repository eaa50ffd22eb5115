package cn.gxq.subsidy.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.broker.EmbeddedKafkaBroker;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What {@code run} and a what-if replay create, on a real KRaft broker. */
class TopicSetupTest {

  private static EmbeddedKafkaBroker broker;
  private static Admin admin;

  @BeforeAll
  static void start() {
    broker = EmbeddedKafkaBroker.builder().temporaryDataDir().port(0).build().start();
    final Properties props = new Properties();
    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
    admin = Admin.create(props);
  }

  @AfterAll
  static void stop() {
    admin.close();
    broker.close();
  }

  @Test
  void createsEveryMissingTopicKeptAsTheContractSaysAndLeavesExistingOnesAlone() throws Exception {
    final Topics topics = new Topics("fresh.");
    final Set<String> contract =
        topics.all(Catalogue.programmes()).stream()
            .map(Topics.TopicSpec::name)
            .collect(Collectors.toSet());

    assertThat(TopicSetup.ensure(admin, topics, 2, (short) 1))
        .containsExactlyInAnyOrderElementsOf(contract);
    assertThat(TopicSetup.ensure(admin, topics, 2, (short) 1)).as("a second run").isEmpty();

    final Map<String, String> decisions = configs(topics.decisions());
    assertThat(decisions)
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
    assertThat(configs(topics.enterprises()))
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
        .containsEntry(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(Long.MAX_VALUE));
    assertThat(partitions(topics.settlements())).isEqualTo(2);
  }

  @Test
  void theLedgersOwnTopicsTakeTheLargestPartitionCountUpstream() throws Exception {
    final Topics topics = new Topics("wide.");
    // An operator made the registry wider than this run would.
    admin.createTopics(List.of(new NewTopic(topics.enterprises(), 4, (short) 1))).all().get();
    assertThat(partitions(topics.enterprises())).isEqualTo(4); // made before this run, as in life

    TopicSetup.ensure(admin, topics, 2, (short) 1);

    assertThat(partitions(topics.enterprises())).isEqualTo(4);
    assertThat(partitions(topics.decisions())).isEqualTo(2);
    assertThat(partitions(topics.ledgerHandovers())).isEqualTo(4);
    assertThat(partitions(topics.arrivals())).isEqualTo(4);
  }

  @Test
  void aLedgerTopicOfAnotherCountIsRefusedWithWhatToDo() throws Exception {
    final Topics topics = new Topics("odd.");
    admin.createTopics(List.of(new NewTopic(topics.ledgerHandovers(), 5, (short) 1))).all().get();
    assertThat(partitions(topics.ledgerHandovers())).isEqualTo(5);

    assertThatThrownBy(() -> TopicSetup.ensure(admin, topics, 2, (short) 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(topics.ledgerHandovers())
        .hasMessageContaining("has 5 partitions but the ledger has 2");
  }

  /** A topic made a moment ago may not be described yet: its metadata is still on its way. */
  private static int partitions(String topic) throws Exception {
    final long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return admin
            .describeTopics(List.of(topic))
            .allTopicNames()
            .get()
            .get(topic)
            .partitions()
            .size();
      } catch (java.util.concurrent.ExecutionException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  private static Map<String, String> configs(String topic) throws Exception {
    final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
    final Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
    return config.entries().stream()
        .filter(e -> e.value() != null)
        .collect(Collectors.toMap(e -> e.name(), e -> e.value()));
  }
}
