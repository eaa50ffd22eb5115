package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.start.HistoryGuard;
import cn.gxq.subsidy.broker.EmbeddedKafkaBroker;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.topology.TopicSetup;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

/**
 * Topics made by an earlier version (a compacted registry with a week's lag) or by an operator (a
 * retention on the decisions) are found at start-up and set to keep everything; the totals,
 * compacted by design, and the topics already right are left alone.
 */
class HistoryGuardTest {

  @Test
  void topicsThatWouldEraseHistoryAreFoundAndSetToKeepEverything() throws Exception {
    try (EmbeddedKafkaBroker broker =
            EmbeddedKafkaBroker.builder().temporaryDataDir().port(0).build().start();
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
      final Topics topics = Topics.defaults();
      admin
          .createTopics(
              List.of(
                  new NewTopic(topics.enterprises(), 1, (short) 1)
                      .configs(
                          Map.of(
                              TopicConfig.CLEANUP_POLICY_CONFIG,
                              TopicConfig.CLEANUP_POLICY_COMPACT,
                              TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
                              "604800000")),
                  new NewTopic(topics.decisions(), 1, (short) 1)
                      .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "604800000")),
                  new NewTopic("subsidy-decisions-enterprises-changelog", 1, (short) 1)
                      .configs(
                          Map.of(
                              TopicConfig.CLEANUP_POLICY_CONFIG,
                              TopicConfig.CLEANUP_POLICY_COMPACT))))
          .all()
          .get();
      TopicSetup.ensure(admin, topics, 1, (short) 1);
      final List<String> changelogs = List.of("subsidy-decisions-enterprises-changelog");

      final List<HistoryGuard.Finding> found = HistoryGuard.check(admin, topics, changelogs);
      assertThat(found.stream().map(HistoryGuard.Finding::topic))
          .containsExactlyInAnyOrder(
              topics.enterprises(), topics.decisions(), "subsidy-decisions-enterprises-changelog");
      final HistoryGuard.Finding registryFound =
          found.stream().filter(f -> f.topic().equals(topics.enterprises())).findFirst().get();
      assertThat(registryFound.setting())
          .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, "compact")
          .containsEntry(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "604800000");
      assertThat(registryFound.kept()).isEqualTo(Topics.Kept.EVERY_VERSION);

      final List<String> said = HistoryGuard.keepEverything(admin, found);
      assertThat(said).hasSize(3);
      assertThat(said.get(0))
          .startsWith("topic subsidy.enterprises.v1 (cleanup.policy=compact")
          .contains("now cleanup.policy=compact, min.compaction.lag.ms=9223372036854775807")
          .contains("Records it erased before are gone");
      // The broker applies a configuration change a moment after it acknowledged it.
      final long deadline = System.nanoTime() + 30_000_000_000L;
      while (!HistoryGuard.check(admin, topics, changelogs).isEmpty()
          && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(HistoryGuard.check(admin, topics, changelogs)).isEmpty();
      final Config registry = config(admin, topics.enterprises());
      assertThat(registry.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
      assertThat(registry.get(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG).value())
          .isEqualTo(Long.toString(Long.MAX_VALUE));
      final Config decisions = config(admin, topics.decisions());
      assertThat(decisions.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
      // The totals are compacted by design and are not touched.
      final Config totals = config(admin, topics.totals());
      assertThat(totals.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
    }
  }

  private static Config config(Admin admin, String topic) throws Exception {
    return admin
        .describeConfigs(List.of(new ConfigResource(ConfigResource.Type.TOPIC, topic)))
        .all()
        .get()
        .values()
        .iterator()
        .next();
  }
}
