package cn.gxq.subsidy.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;

/**
 * The brokers of a fault run as child JVMs: one (the single-node setup of {@code run}) or a KRaft
 * cluster whose every node is broker and controller, on fixed loopback ports so that a killed node
 * comes back where its peers and the clients expect it.
 */
final class FaultCluster implements AutoCloseable {

  /** A node chosen to be killed, and why. */
  record Target(FaultBroker broker, String reason) {}

  private final List<FaultBroker> nodes = new ArrayList<>();

  /**
   * @param properties server properties for every node (e.g. {@code min.insync.replicas})
   */
  FaultCluster(Path runDir, String classPath, int size, Map<String, String> properties) {
    if (size == 1) {
      nodes.add(
          new FaultBroker(
              runDir,
              classPath,
              "broker",
              1,
              ClusterFixture.freePort(),
              ClusterFixture.freePort(),
              null,
              null,
              properties));
      return;
    }
    final int[] controllerPorts = new int[size];
    final StringJoiner voters = new StringJoiner(",");
    for (int i = 0; i < size; i++) {
      controllerPorts[i] = ClusterFixture.freePort();
      voters.add((i + 1) + "@127.0.0.1:" + controllerPorts[i]);
    }
    final String clusterId = Uuid.randomUuid().toString();
    for (int i = 0; i < size; i++) {
      nodes.add(
          new FaultBroker(
              runDir,
              classPath,
              "broker-" + (i + 1),
              i + 1,
              ClusterFixture.freePort(),
              controllerPorts[i],
              clusterId,
              voters.toString(),
              properties));
    }
  }

  FaultCluster start() throws InterruptedException {
    nodes.forEach(FaultBroker::launch);
    for (FaultBroker node : nodes) {
      node.awaitReady();
    }
    return this;
  }

  int size() {
    return nodes.size();
  }

  List<FaultBroker> nodes() {
    return nodes;
  }

  String bootstrap() {
    return nodes.stream().map(FaultBroker::bootstrap).collect(Collectors.joining(","));
  }

  /**
   * The node leading the partitions that took the most records over the last second (the ten
   * busiest, internal topics included: transaction state and changelogs are traffic too).
   */
  Target busiestLeader(Admin admin) throws Exception {
    final Set<String> names =
        admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
    final Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
    final Map<TopicPartition, Integer> leaders = new HashMap<>();
    topics.forEach(
        (name, d) -> {
          for (TopicPartitionInfo p : d.partitions()) {
            if (p.leader() != null) {
              leaders.put(new TopicPartition(name, p.partition()), p.leader().id());
            }
          }
        });
    final Map<TopicPartition, Long> before = endOffsets(admin, leaders.keySet());
    Thread.sleep(1000); // the rate is the point, not the history
    final Map<TopicPartition, Long> after = endOffsets(admin, leaders.keySet());
    final List<Map.Entry<TopicPartition, Long>> busiest =
        after.entrySet().stream()
            .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
            .sorted(Map.Entry.<TopicPartition, Long>comparingByValue().reversed())
            .limit(10)
            .toList();
    final Map<Integer, Long> perLeader = new HashMap<>();
    busiest.forEach(e -> perLeader.merge(leaders.get(e.getKey()), e.getValue(), Long::sum));
    final int id =
        perLeader.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    final String reason =
        busiest.stream()
            .filter(e -> leaders.get(e.getKey()) == id)
            .limit(4)
            .map(e -> e.getKey() + " " + e.getValue() + "/s")
            .collect(Collectors.joining(", "));
    return new Target(nodes.get(id - 1), "leads " + reason);
  }

  private static Map<TopicPartition, Long> endOffsets(Admin admin, Set<TopicPartition> partitions)
      throws Exception {
    final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
    final ListOffsetsResult result = admin.listOffsets(latest);
    final Map<TopicPartition, Long> out = new HashMap<>();
    for (TopicPartition tp : partitions) {
      try {
        out.put(tp, result.partitionResult(tp).get(10, TimeUnit.SECONDS).offset());
      } catch (Exception e) {
        // a partition without a leader this instant: it is not the busiest
      }
    }
    return out;
  }

  /** Partitions (all topics, internal ones too) whose in-sync replicas are fewer than replicas. */
  static List<String> underReplicated(Admin admin) throws Exception {
    final Set<String> names =
        admin.listTopics(new ListTopicsOptions().listInternal(true)).names().get();
    final List<String> out = new ArrayList<>();
    admin
        .describeTopics(names)
        .allTopicNames()
        .get()
        .forEach(
            (name, d) ->
                d.partitions().stream()
                    .filter(p -> p.isr().size() < p.replicas().size())
                    .forEach(
                        p ->
                            out.add(
                                name
                                    + "-"
                                    + p.partition()
                                    + " isr="
                                    + p.isr().stream().map(n -> n.idString()).toList())));
    out.sort(Comparator.naturalOrder());
    return out;
  }

  /** Waits until no partition is under-replicated; what is still under-replicated at the end. */
  static List<String> awaitInSync(Admin admin, Duration timeout) throws InterruptedException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    List<String> last = List.of("(not asked yet)");
    while (System.nanoTime() < deadline) {
      try {
        last = underReplicated(admin);
        if (last.isEmpty()) {
          return last;
        }
      } catch (Exception e) {
        last = List.of("cannot describe topics: " + e);
      }
      Thread.sleep(500);
    }
    return last;
  }

  /** Stops every node at once: one by one, the last would wait for a quorum already gone. */
  @Override
  public void close() throws InterruptedException {
    final List<Thread> stopping = new ArrayList<>();
    for (FaultBroker node : nodes) {
      final Thread t =
          new Thread(
              () -> {
                try {
                  node.close();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "stop-" + node.name());
      t.start();
      stopping.add(t);
    }
    for (Thread t : stopping) {
      t.join();
    }
  }
}
