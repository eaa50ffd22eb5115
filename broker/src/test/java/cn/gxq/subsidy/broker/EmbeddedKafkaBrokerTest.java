package cn.gxq.subsidy.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaBrokerTest {

  @Test
  void transactionalProducerCommitsAndReadCommittedConsumerSeesOnlyCommittedRecords()
      throws Exception {
    final Path dir;
    try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().port(0).build().start()) {
      dir = broker.dataDir();
      createTopic(broker, "applications");
      try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("applications", "a1", "aborted"));
        producer.abortTransaction();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("applications", "a1", "committed-1"));
        producer.send(new ProducerRecord<>("applications", "a2", "committed-2"));
        producer.commitTransaction();
      }
      assertThat(readAll(broker, "applications", 2)).containsExactly("committed-1", "committed-2");
    }
    assertThat(dir).as("temporary directory is deleted on close").doesNotExist();
  }

  @Test
  void persistentDirectoryKeepsTopicsAndRecordsAcrossRestarts(@TempDir final Path dataDir)
      throws Exception {
    final int port;
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.builder().dataDir(dataDir).port(0).build().start()) {
      port = broker.port();
      createTopic(broker, "budgets");
      try (KafkaProducer<String, String> producer = transactionalProducer(broker)) {
        producer.initTransactions();
        producer.beginTransaction();
        producer.send(new ProducerRecord<>("budgets", "b1", "kept"));
        producer.commitTransaction();
      }
    }
    assertThat(dataDir.resolve("meta.properties")).exists();

    final long started = System.nanoTime();
    try (EmbeddedKafkaBroker broker =
        EmbeddedKafkaBroker.builder().dataDir(dataDir).port(port).build().start()) {
      System.out.printf(
          "restart on existing data took %d ms%n", (System.nanoTime() - started) / 1_000_000);
      try (Admin admin = admin(broker)) {
        assertThat(admin.listTopics().names().get()).contains("budgets");
      }
      assertThat(readAll(broker, "budgets", 1)).containsExactly("kept");
    }
    assertThat(dataDir).as("persistent directory is kept").isDirectory();
  }

  @Test
  void takenPortGivesAClearError() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      final int port = taken.getLocalPort();
      final EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.builder().port(port).build();
      try {
        assertThatThrownBy(broker::start)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("port " + port)
            .hasMessageContaining("already in use");
      } finally {
        broker.close();
      }
      assertThat(Files.exists(broker.dataDir())).isFalse();
    }
  }

  @Test
  void mainRequiresADataDirectory() {
    assertThatThrownBy(
            () -> BrokerMain.parse(new String[] {"--port", "9092"}, EmbeddedKafkaBroker.builder()))
        .hasMessageContaining("--data-dir");
    assertThatThrownBy(
            () -> BrokerMain.parse(new String[] {"--port", "x"}, EmbeddedKafkaBroker.builder()))
        .hasMessageContaining("--port");
  }

  private static void createTopic(final EmbeddedKafkaBroker broker, final String topic)
      throws Exception {
    try (Admin admin = admin(broker)) {
      admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
    }
  }

  private static Admin admin(final EmbeddedKafkaBroker broker) {
    return Admin.create(
        Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
  }

  private static KafkaProducer<String, String> transactionalProducer(
      final EmbeddedKafkaBroker broker) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            broker.bootstrapServers(),
            ProducerConfig.TRANSACTIONAL_ID_CONFIG,
            "test-" + UUID.randomUUID()),
        new StringSerializer(),
        new StringSerializer());
  }

  private static List<String> readAll(
      final EmbeddedKafkaBroker broker, final String topic, final int expected) {
    final List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new StringDeserializer(),
            new StringDeserializer())) {
      consumer.subscribe(Set.of(topic));
      final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < expected && System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
          values.add(r.value());
        }
      }
      // One more short poll: nothing aborted or duplicated may trail the expected records.
      consumer.poll(Duration.ofMillis(300)).forEach(r -> values.add(r.value()));
    }
    return values;
  }
}
