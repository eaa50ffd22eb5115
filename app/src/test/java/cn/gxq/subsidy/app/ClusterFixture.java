package cn.gxq.subsidy.app;

import cn.gxq.subsidy.app.http.ApiServer;
import cn.gxq.subsidy.app.people.HttpSecurity;
import cn.gxq.subsidy.app.start.AppInstance;
import cn.gxq.subsidy.app.streams.SubsidyApplication;
import cn.gxq.subsidy.broker.EmbeddedKafkaBroker;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.registry.LocalSchemaRegistry;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import cn.gxq.subsidy.topology.PipelineObserver;
import cn.gxq.subsidy.topology.TopicSetup;
import cn.gxq.subsidy.topology.TopologySettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

/**
 * A real single-node KRaft broker, the real local registry over HTTP, the contract's topics, and as
 * many application instances as a test starts. Everything on loopback, in temp directories.
 */
final class ClusterFixture implements AutoCloseable {

  final EmbeddedKafkaBroker broker;
  final LocalSchemaRegistry registry;
  final SchemaRegistryClient client;
  final Topics topics = Topics.defaults();
  final Path workDir;
  private final List<AppInstance> instances = new ArrayList<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();

  ClusterFixture(int partitions) {
    this(partitions, Map.of());
  }

  /** As above, on a broker with these properties over its defaults (e.g. the log cleaner's). */
  ClusterFixture(int partitions, Map<String, String> brokerProperties) {
    try {
      workDir = Files.createTempDirectory("subsidy-it");
      broker =
          EmbeddedKafkaBroker.builder()
              .temporaryDataDir()
              .port(0)
              .brokerProperties(brokerProperties)
              .build()
              .start();
      registry = LocalSchemaRegistry.start(broker.bootstrapServers(), 0);
      client = new RestSchemaRegistryClient(registry.url());
      try (Admin admin = admin()) {
        TopicSetup.ensure(admin, topics, partitions, (short) 1);
      }
    } catch (Exception e) {
      close();
      throw new IllegalStateException("could not start the test cluster: " + e.getMessage(), e);
    }
  }

  String bootstrap() {
    return broker.bootstrapServers();
  }

  Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()));
  }

  /** Starts one more application instance with its own state directory and HTTP port. */
  Instance startInstance(String applicationId) {
    return startInstance(applicationId, PipelineObserver.NONE);
  }

  /**
   * Starts one more instance, as {@code run} does (metrics, dashboard feeds, HTTP API), whose
   * pipeline also tells {@code observer} what it emits.
   */
  Instance startInstance(String applicationId, PipelineObserver observer) {
    return startInstance(applicationId, observer, null);
  }

  /** Starts one more instance whose HTTP API is secured as {@code run --secure}'s is. */
  Instance startSecuredInstance(String applicationId, HttpSecurity.Settings secured) {
    return startInstance(applicationId, PipelineObserver.NONE, secured);
  }

  private Instance startInstance(
      String applicationId, PipelineObserver observer, HttpSecurity.Settings secured) {
    final int httpPort = freePort();
    final SubsidyApplication.Settings settings =
        new SubsidyApplication.Settings(
            applicationId,
            bootstrap(),
            workDir.resolve("state-" + UUID.randomUUID()),
            1,
            (short) 1,
            "127.0.0.1:" + httpPort,
            TopologySettings.defaults(),
            Map.of(),
            Map.of());
    final AppInstance served =
        new AppInstance(
            settings,
            topics,
            client,
            Rulebook.fromDefaultPolicy(),
            new HostInfo("127.0.0.1", httpPort),
            observer);
    instances.add(served);
    if (secured == null) {
      served.start("127.0.0.1");
    } else {
      try {
        served.start("127.0.0.1", secured);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new Instance(served, httpPort, secured == null ? "http" : "https");
  }

  /** One started instance: its pipeline, HTTP API and meters. */
  static final class Instance implements AutoCloseable {
    private final AppInstance served;
    private final int httpPort;
    private final String scheme;

    Instance(AppInstance served, int httpPort, String scheme) {
      this.served = served;
      this.httpPort = httpPort;
      this.scheme = scheme;
    }

    SubsidyApplication app() {
      return served.app();
    }

    ApiServer api() {
      return served.api();
    }

    int httpPort() {
      return httpPort;
    }

    AppInstance served() {
      return served;
    }

    String url() {
      return scheme + "://127.0.0.1:" + httpPort;
    }

    KafkaStreams streams() {
      return served.app().streams();
    }

    @Override
    public void close() {
      served.close();
    }
  }

  /** Waits until every started instance is RUNNING. */
  void awaitRunning(Duration timeout) throws InterruptedException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (instances.stream()
          .allMatch(i -> i.app().streams().state() == KafkaStreams.State.RUNNING)) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "instances not RUNNING after "
            + timeout
            + ": "
            + instances.stream().map(i -> i.app().streams().state()).toList());
  }

  <T extends SpecificRecord> KafkaProducer<String, T> producer(Class<T> type) {
    final Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    final KafkaProducer<String, T> producer =
        new KafkaProducer<>(
            props, new StringSerializer(), new AvroSerializer<>(type, client, false));
    closeables.add(producer);
    return producer;
  }

  <T extends SpecificRecord> void send(
      String topic, String key, T value, long timestamp, Class<T> type) {
    try {
      producer(type).send(new ProducerRecord<>(topic, null, timestamp, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Reads committed records of a topic from the beginning until {@code done} or the timeout. */
  List<ConsumerRecord<String, byte[]>> readUntil(
      String topic, Predicate<List<ConsumerRecord<String, byte[]>>> done, Duration timeout) {
    final Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    final List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topic));
      final long deadline = System.nanoTime() + timeout.toNanos();
      while (!done.test(records) && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    for (AutoCloseable c : closeables) {
      quietly(c);
    }
    for (AppInstance instance : instances) {
      quietly(instance);
    }
    quietly(client);
    quietly(registry);
    quietly(broker);
  }

  private static void quietly(AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception ignored) {
      // best effort: the next resource must still be closed
    }
  }
}
