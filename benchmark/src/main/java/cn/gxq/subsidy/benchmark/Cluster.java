package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.broker.EmbeddedKafkaBroker;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.registry.LocalSchemaRegistry;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The one broker of a run (in this JVM, data under the run directory) and the schema registry on
 * it, with the topic creation and offset checks the phases need.
 */
final class Cluster implements AutoCloseable {

  private final EmbeddedKafkaBroker broker;
  private final LocalSchemaRegistry registry;
  private final RestSchemaRegistryClient client;
  private final Admin admin;

  Cluster(Path dataDir) {
    broker = EmbeddedKafkaBroker.builder().dataDir(dataDir).port(0).build().start();
    registry = LocalSchemaRegistry.start(broker.bootstrapServers(), 0);
    client = new RestSchemaRegistryClient(registry.url());
    admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  String bootstrap() {
    return broker.bootstrapServers();
  }

  String registryUrl() {
    return registry.url();
  }

  RestSchemaRegistryClient registryClient() {
    return client;
  }

  Path dataDir() {
    return broker.dataDir();
  }

  /** Plain topics kept forever (records carry 2022 timestamps). */
  void createTopics(int partitions, String... names) throws Exception {
    final List<NewTopic> topics = new ArrayList<>();
    for (String name : names) {
      topics.add(
          new NewTopic(name, partitions, (short) 1)
              .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, "-1")));
    }
    admin.createTopics(topics).all().get();
  }

  /** The contract's topics with the configuration the contract's TopicSpec gives them. */
  void createContractTopics(Topics topics, int partitions) throws Exception {
    final Set<String> existing = admin.listTopics().names().get();
    final List<NewTopic> missing = new ArrayList<>();
    for (Topics.TopicSpec spec : topics.all(Catalogue.programmes())) {
      if (existing.contains(spec.name())) {
        continue;
      }
      missing.add(new NewTopic(spec.name(), partitions, (short) 1).configs(spec.configs()));
    }
    admin.createTopics(missing).all().get();
  }

  /** Sets one configuration of a topic (a diagnostic; the contract's topics keep their own). */
  void setTopicConfig(String topic, String key, String value) throws Exception {
    final var resource =
        new org.apache.kafka.common.config.ConfigResource(
            org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic);
    admin
        .incrementalAlterConfigs(
            Map.of(
                resource,
                List.of(
                    new org.apache.kafka.clients.admin.AlterConfigOp(
                        new org.apache.kafka.clients.admin.ConfigEntry(key, value),
                        org.apache.kafka.clients.admin.AlterConfigOp.OpType.SET))))
        .all()
        .get();
  }

  /** True when the group has committed the end of every partition of the topic. */
  boolean caughtUp(String groupId, String topic) throws ExecutionException, InterruptedException {
    final Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    final Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    admin
        .describeTopics(List.of(topic))
        .allTopicNames()
        .get()
        .get(topic)
        .partitions()
        .forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
    final var ends = admin.listOffsets(request).all().get();
    for (Map.Entry<TopicPartition, OffsetSpec> entry : request.entrySet()) {
      final long end = ends.get(entry.getKey()).offset();
      final OffsetAndMetadata at = committed.get(entry.getKey());
      // Transaction markers sit after the last record: committed may be end itself.
      if (end > 0 && (at == null || at.offset() < end)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The group's committed offsets when each is at the end of its partition, or at most one short of
   * it (the commit marker after the last record of a transactional writer); null while the group
   * lags further anywhere or has committed nothing.
   */
  Map<TopicPartition, Long> groupAtEnd(String groupId)
      throws ExecutionException, InterruptedException {
    final Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
    if (committed.isEmpty()) {
      return null;
    }
    final Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    committed.keySet().forEach(tp -> request.put(tp, OffsetSpec.latest()));
    final var ends = admin.listOffsets(request).all().get();
    final Map<TopicPartition, Long> at = new HashMap<>();
    for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
      if (e.getValue() == null || e.getValue().offset() < ends.get(e.getKey()).offset() - 1) {
        return null;
      }
      at.put(e.getKey(), e.getValue().offset());
    }
    return at;
  }

  /**
   * End offsets per topic, summed over partitions, of the topics whose name starts with one of the
   * prefixes: how many records (and transaction markers) each topic took.
   */
  Map<String, Long> endOffsets(String... prefixes) throws Exception {
    final Map<TopicPartition, OffsetSpec> request = new HashMap<>();
    final List<String> names =
        admin.listTopics().names().get().stream()
            .filter(n -> Stream.of(prefixes).anyMatch(n::startsWith))
            .sorted()
            .toList();
    admin
        .describeTopics(names)
        .allTopicNames()
        .get()
        .forEach(
            (name, description) ->
                description
                    .partitions()
                    .forEach(
                        p ->
                            request.put(
                                new TopicPartition(name, p.partition()), OffsetSpec.latest())));
    final Map<String, Long> offsets = new java.util.TreeMap<>();
    admin
        .listOffsets(request)
        .all()
        .get()
        .forEach((tp, info) -> offsets.merge(tp.topic(), info.offset(), Long::sum));
    return offsets;
  }

  /**
   * Log bytes per topic, summed over partitions, as the broker reports them (Admin {@code
   * describeLogDirs}), for the topics whose name starts with one of the prefixes.
   */
  Map<String, Long> logBytesByTopic(String... prefixes) throws Exception {
    final List<Integer> brokers =
        admin.describeCluster().nodes().get().stream()
            .map(org.apache.kafka.common.Node::id)
            .toList();
    final Map<String, Long> bytes = new java.util.TreeMap<>();
    admin
        .describeLogDirs(brokers)
        .allDescriptions()
        .get()
        .values()
        .forEach(
            dirs ->
                dirs.values()
                    .forEach(
                        dir ->
                            dir.replicaInfos()
                                .forEach(
                                    (tp, info) -> {
                                      if (Stream.of(prefixes).anyMatch(tp.topic()::startsWith)) {
                                        bytes.merge(tp.topic(), info.size(), Long::sum);
                                      }
                                    })));
    return bytes;
  }

  /** Bytes on disk of the broker's partitions whose topic name starts with the prefix. */
  long topicBytes(String prefix) {
    try (Stream<Path> dirs = Files.list(dataDir())) {
      return dirs.filter(d -> d.getFileName().toString().startsWith(prefix))
          .mapToLong(Cluster::sizeOf)
          .sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long sizeOf(Path dir) {
    if (!Files.exists(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files
          .filter(Files::isRegularFile)
          .mapToLong(
              f -> {
                try {
                  return Files.size(f);
                } catch (IOException e) {
                  return 0; // deleted under us (compaction, segment roll)
                }
              })
          .sum();
    } catch (IOException | UncheckedIOException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    admin.close();
    client.close();
    registry.close();
    broker.close();
  }
}
