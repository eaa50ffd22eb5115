package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
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
public final class TopicSetup {

  private TopicSetup() {}

  /**
   * With replication 3 or more the topics get {@code min.insync.replicas=2} (Kafka's default is 1,
   * under which an acknowledged write can live on one replica only); below that, the broker's.
   */
  public static List<String> ensure(Admin admin, Topics topics, int partitions, short replication)
      throws InterruptedException, ExecutionException {
    return ensure(admin, topics, partitions, replication, replication >= 3 ? 2 : 0);
  }

  /** As above with an explicit {@code min.insync.replicas}; 0 leaves it to the broker. */
  public static List<String> ensure(
      Admin admin, Topics topics, int partitions, short replication, int minInsyncReplicas)
      throws InterruptedException, ExecutionException {
    final Set<String> existing = admin.listTopics().names().get();
    final List<NewTopic> missing = new ArrayList<>();
    for (Topics.TopicSpec spec : topics.all(Catalogue.programmes())) {
      if (existing.contains(spec.name()) || ledgerPartitioned(topics).contains(spec.name())) {
        continue;
      }
      missing.add(
          new NewTopic(spec.name(), partitions, replication)
              .configs(configs(spec, minInsyncReplicas)));
    }
    try {
      admin.createTopics(missing).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e; // another instance creating the same topics at the same moment is fine
      }
    }
    final List<String> created = new ArrayList<>(missing.stream().map(NewTopic::name).toList());
    created.addAll(
        ensureLedgerPartitioned(
            admin, topics, existing, partitions, replication, minInsyncReplicas));
    return created;
  }

  /**
   * Topics that must have as many partitions as the ledger's repartition topic: the hand-overs,
   * which the ledger reads beside it, and the arrival journal, whose partition p must hold what
   * task p met.
   */
  static List<String> ledgerPartitioned(Topics topics) {
    return List.of(topics.ledgerHandovers(), topics.arrivals());
  }

  /**
   * Kafka Streams takes the repartition topics' partition count from the topics upstream of them
   * (the largest count among applications, registry and budgets); a hand-over reaches its bucket's
   * task, and a journal entry lands beside its task's, only if the counts agree.
   */
  private static List<String> ensureLedgerPartitioned(
      Admin admin,
      Topics topics,
      Set<String> existedBefore,
      int partitions,
      short replication,
      int minInsyncReplicas)
      throws InterruptedException, ExecutionException {
    final List<String> upstream = new ArrayList<>();
    upstream.add(topics.enterprises());
    upstream.add(topics.budgets());
    for (ProgrammeDefinition<?> programme : Catalogue.programmes()) {
      upstream.add(topics.applications(programme));
    }
    // Topics made just now have the count they were made with; describing them at once can fail
    // (UnknownTopicOrPartition) until their metadata has reached every broker.
    final List<String> existing = upstream.stream().filter(existedBefore::contains).toList();
    int ledgerPartitions = existing.size() < upstream.size() ? partitions : 0;
    if (!existing.isEmpty()) {
      for (var d : admin.describeTopics(existing).allTopicNames().get().values()) {
        ledgerPartitions = Math.max(ledgerPartitions, d.partitions().size());
      }
    }
    final List<String> created = new ArrayList<>();
    final Set<String> present = admin.listTopics().names().get();
    for (String name : ledgerPartitioned(topics)) {
      if (ensureLedgerPartitioned(
          admin,
          topics,
          name,
          present,
          ledgerPartitions,
          upstream,
          replication,
          minInsyncReplicas)) {
        created.add(name);
      }
    }
    return created;
  }

  private static boolean ensureLedgerPartitioned(
      Admin admin,
      Topics topics,
      String name,
      Set<String> present,
      int ledgerPartitions,
      List<String> upstream,
      short replication,
      int minInsyncReplicas)
      throws InterruptedException, ExecutionException {
    if (present.contains(name)) {
      final int actual =
          admin.describeTopics(List.of(name)).allTopicNames().get().get(name).partitions().size();
      if (actual != ledgerPartitions) {
        throw new IllegalStateException(
            "topic "
                + name
                + " has "
                + actual
                + " partitions but the ledger has "
                + ledgerPartitions
                + " (the most of "
                + String.join(", ", upstream)
                + "): delete it, or add partitions to match, before starting");
      }
      return false;
    }
    final Topics.TopicSpec spec =
        topics.all(Catalogue.programmes()).stream()
            .filter(t -> t.name().equals(name))
            .findFirst()
            .orElseThrow();
    try {
      admin
          .createTopics(
              List.of(
                  new NewTopic(name, ledgerPartitions, replication)
                      .configs(configs(spec, minInsyncReplicas))))
          .all()
          .get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
      // Made a moment ago (by us or another instance), not yet in the listing: not created now.
      return false;
    }
    return true;
  }

  private static Map<String, String> configs(Topics.TopicSpec spec, int minInsyncReplicas) {
    final Map<String, String> configs = new HashMap<>(spec.configs());
    if (minInsyncReplicas > 0) {
      configs.put("min.insync.replicas", Integer.toString(minInsyncReplicas));
    }
    return configs;
  }
}
