package cn.gxq.subsidy.app;

import cn.gxq.subsidy.topology.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the contract's topics that do not exist yet; existing ones are left exactly as an
 * operator made them.
 */
final class TopicSetup {

  /** Publishers' clocks may run a little ahead; a record dated further out is refused. */
  static final long MAX_FUTURE_MS = 60 * 60 * 1000L;

  static final long MIN_COMPACTION_LAG_MS = 7 * 24 * 60 * 60 * 1000L;

  private TopicSetup() {}

  static List<String> ensure(Admin admin, Topics topics, int partitions, short replication)
      throws InterruptedException, ExecutionException {
    final Set<String> existing = admin.listTopics().names().get();
    final List<NewTopic> missing = new ArrayList<>();
    for (Topics.TopicSpec spec : topics.all()) {
      if (existing.contains(spec.name())) {
        continue;
      }
      final Map<String, String> configs = new HashMap<>();
      configs.put(
          TopicConfig.CLEANUP_POLICY_CONFIG,
          spec.compacted()
              ? TopicConfig.CLEANUP_POLICY_COMPACT
              : TopicConfig.CLEANUP_POLICY_DELETE);
      // A record dated years ahead would move stream time, and with it the registry's history
      // window, past every real application: refuse it at the broker.
      configs.put(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, Long.toString(MAX_FUTURE_MS));
      if (spec.compacted()) {
        // Keep every version for a week before compaction may drop it: an instance that lags
        // (restarting, rebalancing) must still see the registry's intermediate versions.
        configs.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(MIN_COMPACTION_LAG_MS));
      }
      if (!spec.compacted()) {
        configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1"); // decisions are records of state money
      }
      missing.add(new NewTopic(spec.name(), partitions, replication).configs(configs));
    }
    try {
      admin.createTopics(missing).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e; // another instance creating the same topics at the same moment is fine
      }
    }
    return missing.stream().map(NewTopic::name).toList();
  }
}
