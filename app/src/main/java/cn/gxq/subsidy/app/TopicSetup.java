package cn.gxq.subsidy.app;

import cn.gxq.subsidy.topology.Topics;
import java.util.ArrayList;
import java.util.List;
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

  static List<String> ensure(Admin admin, Topics topics, int partitions, short replication)
      throws InterruptedException, ExecutionException {
    final Set<String> existing = admin.listTopics().names().get();
    final List<NewTopic> missing = new ArrayList<>();
    for (Topics.TopicSpec spec : topics.all()) {
      if (existing.contains(spec.name())) {
        continue;
      }
      missing.add(new NewTopic(spec.name(), partitions, replication).configs(spec.configs()));
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
