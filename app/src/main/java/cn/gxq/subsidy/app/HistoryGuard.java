package cn.gxq.subsidy.app;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Checks, when {@code run} starts, that no topic whose every record a decision may need again is
 * configured to erase records: the registry and budgets (every version), the applications, the
 * decisions, the dead letters, the hand-overs and the arrival journal. Topics made by an earlier
 * version of the platform, or by an operator, may be compacted or have a retention; the broker
 * applies both by the records' timestamps, which are event times, so a version dated in the past
 * goes at once.
 *
 * <p>Making such a topic keep everything is always safe (it only stops erasing), so the guard does
 * it and says so; what was erased before is gone, and it says that too. Where the principal may not
 * alter topic configurations, it refuses to start with the command that would.
 */
final class HistoryGuard {

  /** What keeping every record means, in the topic's own configuration. */
  private static final Map<String, String> KEEP_ALL =
      Map.of(
          TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
          TopicConfig.RETENTION_MS_CONFIG, "-1",
          TopicConfig.RETENTION_BYTES_CONFIG, "-1");

  private HistoryGuard() {}

  /** One topic that erased, or would have erased, records, and how it was set. */
  record Finding(String topic, Map<String, String> erasing) {
    String describe() {
      final List<String> set = new ArrayList<>();
      erasing.forEach((k, v) -> set.add(k + "=" + v));
      return topic + " (" + String.join(", ", set) + ")";
    }
  }

  /**
   * The topics of {@code topics} that must keep everything and do not; {@code extra} names more of
   * them (the registry store's changelog when the topology does not reuse the registry topic).
   */
  static List<Finding> check(Admin admin, Topics topics, Collection<String> extra)
      throws InterruptedException, ExecutionException {
    final Set<String> existing = admin.listTopics().names().get();
    final List<String> kept = new ArrayList<>();
    for (Topics.TopicSpec spec : topics.all(Catalogue.programmes())) {
      if (!spec.compacted() && existing.contains(spec.name())) {
        kept.add(spec.name());
      }
    }
    extra.stream().filter(existing::contains).forEach(kept::add);
    final List<ConfigResource> resources =
        kept.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
    final Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
    final List<Finding> findings = new ArrayList<>();
    for (ConfigResource resource : resources) {
      final Map<String, String> erasing = new LinkedHashMap<>();
      for (String key : KEEP_ALL.keySet().stream().sorted().toList()) {
        final ConfigEntry entry = configs.get(resource).get(key);
        final String value = entry == null ? null : entry.value();
        if (!keepsAll(key, value)) {
          erasing.put(key, value);
        }
      }
      if (!erasing.isEmpty()) {
        findings.add(new Finding(resource.name(), erasing));
      }
    }
    return findings;
  }

  private static boolean keepsAll(String key, String value) {
    if (value == null) {
      return false;
    }
    if (key.equals(TopicConfig.CLEANUP_POLICY_CONFIG)) {
      return !value.toLowerCase(Locale.ROOT).contains(TopicConfig.CLEANUP_POLICY_COMPACT);
    }
    return Long.parseLong(value.trim()) < 0;
  }

  /**
   * Sets every finding's topic to keep everything and returns what it did, a line each for the
   * operator.
   *
   * @throws IllegalStateException when the principal may not alter topic configurations: the
   *     platform does not decide on inputs whose history is being erased
   */
  static List<String> keepEverything(Admin admin, List<Finding> findings)
      throws InterruptedException {
    final List<String> said = new ArrayList<>();
    for (Finding finding : findings) {
      final List<AlterConfigOp> ops = new ArrayList<>();
      KEEP_ALL.forEach(
          (k, v) -> ops.add(new AlterConfigOp(new ConfigEntry(k, v), AlterConfigOp.OpType.SET)));
      try {
        admin
            .incrementalAlterConfigs(
                Map.of(new ConfigResource(ConfigResource.Type.TOPIC, finding.topic()), ops))
            .all()
            .get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof TopicAuthorizationException
            || e.getCause() instanceof ClusterAuthorizationException) {
          throw new IllegalStateException(
              "topic "
                  + finding.describe()
                  + " erases records a decision may need again, and this principal may not"
                  + " change it; an administrator can: kafka-configs.sh --alter --entity-type"
                  + " topics --entity-name "
                  + finding.topic()
                  + " --add-config cleanup.policy=delete,retention.ms=-1,retention.bytes=-1",
              e);
        }
        throw new IllegalStateException(
            "topic " + finding.describe() + " could not be set to keep everything: " + e, e);
      }
      said.add(
          "topic "
              + finding.describe()
              + " would erase records a decision may need again; now kept whole"
              + " (cleanup.policy=delete, retention unlimited). Records it erased before are gone:"
              + " decisions that met them cannot be reproduced from it.");
    }
    return said;
  }
}
