package cn.gxq.subsidy.app.start;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Checks, when {@code run} starts, that no topic whose records a decision may need again is
 * configured to erase them: the registry and budgets (every version), the applications, the
 * decisions, the dead letters, the hand-overs and the arrival journal. Topics made by an earlier
 * version of the platform (the registry compacted with a week's lag), or by an operator with a
 * retention, erase them; the broker applies both by the records' timestamps, which are event times,
 * so a version dated in the past goes at once.
 *
 * <p>Setting such a topic to keep everything is always safe (it only stops erasing), so the guard
 * does it and says so; what was erased before is gone, and it says that too. Where the principal
 * may not alter topic configurations, it refuses to start with the command that would.
 */
public final class HistoryGuard {

  private static final List<String> KEYS =
      List.of(
          TopicConfig.CLEANUP_POLICY_CONFIG,
          TopicConfig.RETENTION_MS_CONFIG,
          TopicConfig.RETENTION_BYTES_CONFIG,
          TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG);

  private HistoryGuard() {}

  /** One topic that erases, or would erase, records: how it is set, and how it must be kept. */
  public record Finding(String topic, Map<String, String> setting, Topics.Kept kept) {
    String describe() {
      final List<String> set = new ArrayList<>();
      setting.forEach((k, v) -> set.add(k + "=" + v));
      return topic + " (" + String.join(", ", set) + ")";
    }
  }

  /**
   * The topics of {@code topics} that must keep every record and do not; {@code changelogs} names
   * more of them that must keep every version (the registry store's changelog, where the topology
   * does not reuse the registry topic).
   */
  public static List<Finding> check(Admin admin, Topics topics, Collection<String> changelogs)
      throws InterruptedException, ExecutionException {
    final Set<String> existing = admin.listTopics().names().get();
    final Map<String, Topics.Kept> kept = new LinkedHashMap<>();
    for (Topics.TopicSpec spec : topics.all(Catalogue.programmes())) {
      if (spec.kept() != Topics.Kept.LATEST && existing.contains(spec.name())) {
        kept.put(spec.name(), spec.kept());
      }
    }
    changelogs.stream()
        .filter(existing::contains)
        .forEach(t -> kept.put(t, Topics.Kept.EVERY_VERSION));
    final List<ConfigResource> resources =
        kept.keySet().stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t)).toList();
    final Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get();
    final List<Finding> findings = new ArrayList<>();
    for (ConfigResource resource : resources) {
      final Map<String, String> setting = new LinkedHashMap<>();
      for (String key : KEYS) {
        final ConfigEntry entry = configs.get(resource).get(key);
        setting.put(key, entry == null ? null : entry.value());
      }
      if (!Topics.Kept.keepsEveryRecord(
          setting.get(TopicConfig.CLEANUP_POLICY_CONFIG),
          setting.get(TopicConfig.RETENTION_MS_CONFIG),
          setting.get(TopicConfig.RETENTION_BYTES_CONFIG),
          setting.get(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG))) {
        findings.add(new Finding(resource.name(), setting, kept.get(resource.name())));
      }
    }
    return findings;
  }

  /**
   * Sets every finding's topic to keep its records as it must and returns what it did, a line each
   * for the operator.
   *
   * @throws IllegalStateException when the principal may not alter topic configurations: the
   *     platform does not decide on inputs whose history is being erased
   */
  public static List<String> keepEverything(Admin admin, List<Finding> findings)
      throws InterruptedException {
    final List<String> said = new ArrayList<>();
    for (Finding finding : findings) {
      final List<AlterConfigOp> ops = new ArrayList<>();
      final List<String> wanted = new ArrayList<>();
      finding.kept().configs().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e -> {
                ops.add(
                    new AlterConfigOp(
                        new ConfigEntry(e.getKey(), e.getValue()), AlterConfigOp.OpType.SET));
                wanted.add(e.getKey() + "=" + e.getValue());
              });
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
                  + " --add-config "
                  + String.join(",", wanted),
              e);
        }
        throw new IllegalStateException(
            "topic " + finding.describe() + " could not be set to keep its records: " + e, e);
      }
      said.add(
          "topic "
              + finding.describe()
              + " would erase records a decision may need again; now "
              + String.join(", ", wanted)
              + ". Records it erased before are gone: decisions that met them cannot be"
              + " reproduced from it.");
    }
    return said;
  }
}
