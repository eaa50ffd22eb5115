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
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the contract's topics that do not exist yet; existing ones are left exactly as an
 * operator made them.
 */
final class TopicSetup {

  private TopicSetup() {}

  /**
   * With replication 3 or more the topics get {@code min.insync.replicas=2} (Kafka's default is 1,
   * under which an acknowledged write can live on one replica only); below that, the broker's.
   */
  static List<String> ensure(Admin admin, Topics topics, int partitions, short replication)
      throws InterruptedException, ExecutionException {
    return ensure(admin, topics, partitions, replication, replication >= 3 ? 2 : 0);
  }

  /** As above with an explicit {@code min.insync.replicas}; 0 leaves it to the broker. */
  static List<String> ensure(
      Admin admin, Topics topics, int partitions, short replication, int minInsyncReplicas)
      throws InterruptedException, ExecutionException {
    final Set<String> existing = admin.listTopics().names().get();
    final List<NewTopic> missing = new ArrayList<>();
    for (Topics.TopicSpec spec : topics.all()) {
      if (existing.contains(spec.name())) {
        continue;
      }
      final Map<String, String> configs = new HashMap<>(spec.configs());
      if (minInsyncReplicas > 0) {
        configs.put("min.insync.replicas", Integer.toString(minInsyncReplicas));
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
