package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.broker.EmbeddedKafkaBroker;
import cn.gxq.subsidy.contract.Topics;
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
      assertThat(found.stream().filter(f -> f.topic().equals(topics.enterprises())).findFirst())
          .get()
          .extracting(HistoryGuard.Finding::erasing)
          .isEqualTo(
              Map.of(
                  TopicConfig.CLEANUP_POLICY_CONFIG, "compact",
                  TopicConfig.RETENTION_MS_CONFIG, "604800000"));

      final List<String> said = HistoryGuard.keepEverything(admin, found);
      assertThat(said).hasSize(3);
      assertThat(said.get(0))
          .contains("now kept whole")
          .contains("Records it erased before are gone");
      assertThat(HistoryGuard.check(admin, topics, changelogs)).isEmpty();
      final Config registry =
          admin
              .describeConfigs(
                  List.of(new ConfigResource(ConfigResource.Type.TOPIC, topics.enterprises())))
              .all()
              .get()
              .values()
              .iterator()
              .next();
      assertThat(registry.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("delete");
      assertThat(registry.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
      assertThat(registry.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
      // The totals are compacted by design and are not touched.
      final Config totals =
          admin
              .describeConfigs(
                  List.of(new ConfigResource(ConfigResource.Type.TOPIC, topics.totals())))
              .all()
              .get()
              .values()
              .iterator()
              .next();
      assertThat(totals.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
    }
  }
}
