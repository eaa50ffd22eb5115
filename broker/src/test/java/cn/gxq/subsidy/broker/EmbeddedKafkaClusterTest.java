package cn.gxq.subsidy.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaClusterTest {

  @Test
  void threeNodesReplicateEverythingThreeTimesAndWritesGoOnWithOneNodeDown(@TempDir Path dir)
      throws Exception {
    try (EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.start(dir, 3, 0, Map.of());
        Admin admin =
            Admin.create(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()))) {
      assertThat(admin.describeCluster().nodes().get()).hasSize(3);
      // No replication factor given: the cluster's default applies.
      admin
          .createTopics(
              List.of(new NewTopic("t", java.util.Optional.of(3), java.util.Optional.empty())))
          .all()
          .get();
      final TopicDescription t = describeOnceKnown(admin, "t");
      assertThat(t.partitions()).allSatisfy(p -> assertThat(p.replicas()).hasSize(3));
      final ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
      assertThat(
              admin
                  .describeConfigs(Set.of(broker))
                  .all()
                  .get()
                  .get(broker)
                  .get("min.insync.replicas")
                  .value())
          .isEqualTo("2");

      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(
              Map.of(
                  ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                  cluster.bootstrapServers(),
                  ProducerConfig.ACKS_CONFIG,
                  "all"),
              new StringSerializer(),
              new StringSerializer())) {
        producer.send(new ProducerRecord<>("t", 0, "k", "before")).get(30, TimeUnit.SECONDS);
        cluster.brokers().get(1).close();
        // Two of three replicas remain in sync: min.insync.replicas=2 still admits acks=all.
        final RecordMetadata after =
            producer.send(new ProducerRecord<>("t", 0, "k", "after")).get(60, TimeUnit.SECONDS);
        assertThat(after.offset()).isEqualTo(1);
      }
    }
  }

  /**
   * A topic just created is described by whichever node answers, which may not have its metadata
   * yet (UnknownTopicOrPartition, seen in CI under load): ask again until every node knows it.
   */
  private static TopicDescription describeOnceKnown(Admin admin, String topic) throws Exception {
    final long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        return admin.describeTopics(Set.of(topic)).allTopicNames().get().get(topic);
      } catch (java.util.concurrent.ExecutionException e) {
        if (!(e.getCause()
                instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }
}
