package cn.gxq.subsidy.topology;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicsTest {

  private final Topics topics = new Topics("test.");

  @Test
  void compactedInputsKeepVersionsAndEveryTopicRefusesFarFutureRecords() {
    for (Topics.TopicSpec spec : topics.all()) {
      assertThat(spec.name()).startsWith("test.subsidy.");
      assertThat(spec.configs())
          .as(spec.name())
          .containsEntry(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, "3600000");
    }
    final Topics.TopicSpec registry = topics.all().get(0);
    assertThat(registry.name()).isEqualTo(topics.enterprises());
    assertThat(registry.configs())
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
        .containsEntry(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "604800000")
        .doesNotContainKey(TopicConfig.RETENTION_MS_CONFIG);
  }

  @Test
  void decisionsAreKeptForever() {
    final Topics.TopicSpec decisions =
        topics.all().stream()
            .filter(s -> s.name().equals(topics.decisions()))
            .findFirst()
            .orElseThrow();
    assertThat(decisions.configs())
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
  }

  @Test
  void aWhatIfReadsTheLiveInputsAndWritesOnlyUnderItsOwnPrefix() {
    final Topics whatIf = topics.writingUnder("whatif.x.", false);
    assertThat(whatIf.enterprises()).isEqualTo("test.subsidy.enterprises.v1");
    assertThat(whatIf.applications(cn.gxq.subsidy.avro.Programme.RENT_RELIEF))
        .isEqualTo(topics.applications(cn.gxq.subsidy.avro.Programme.RENT_RELIEF));
    assertThat(whatIf.budgets()).isEqualTo(topics.budgets());
    assertThat(
            java.util.List.of(
                whatIf.decisions(), whatIf.totals(), whatIf.deadLetter(), whatIf.ledgerHandovers()))
        .allSatisfy(name -> assertThat(name).startsWith("whatif.x.test.subsidy."));
    assertThat(topics.writingUnder("whatif.x.", true).budgets())
        .isEqualTo("whatif.x.test.subsidy.budgets.v1");
  }
}
