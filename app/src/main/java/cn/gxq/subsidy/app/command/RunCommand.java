package cn.gxq.subsidy.app.command;

import cn.gxq.subsidy.app.security.AccessControl;
import cn.gxq.subsidy.app.security.ClientConfig;
import cn.gxq.subsidy.app.security.EmbeddedSecurity;
import cn.gxq.subsidy.app.security.Role;
import cn.gxq.subsidy.app.start.AppInstance;
import cn.gxq.subsidy.app.start.ContractSchemas;
import cn.gxq.subsidy.app.start.DemoFeed;
import cn.gxq.subsidy.app.start.HistoryGuard;
import cn.gxq.subsidy.app.streams.SubsidyApplication;
import cn.gxq.subsidy.broker.EmbeddedKafkaBroker;
import cn.gxq.subsidy.broker.EmbeddedKafkaCluster;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.registry.LocalSchemaRegistry;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import cn.gxq.subsidy.topology.PipelineObserver;
import cn.gxq.subsidy.topology.SubsidyTopology;
import cn.gxq.subsidy.topology.TopicSetup;
import cn.gxq.subsidy.topology.TopologySettings;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.state.HostInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code run}: the streaming application. Without {@code --bootstrap-servers} it first starts the
 * embedded default (a single-node broker with its data under {@code --data-dir}, the local
 * registry); {@code --demo} also publishes a realistic registry, budgets and applications.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the decision pipeline and its HTTP API.")
public final class RunCommand implements Callable<Integer> {

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,…]",
      description = "Kafka cluster to use. Absent: start the embedded broker on 127.0.0.1:9092.")
  String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      paramLabel = "URL",
      description =
          "Schema registry to use. Absent: start the local registry on :8081 against"
              + " the cluster in use.")
  String schemaRegistryUrl;

  @Option(
      names = "--topic-prefix",
      defaultValue = "",
      paramLabel = "PREFIX",
      description = "Prefix of every topic name (default: none).")
  String topicPrefix;

  @Option(
      names = "--data-dir",
      defaultValue = "data",
      paramLabel = "DIR",
      description = "Embedded broker data and Streams state (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--http-host",
      defaultValue = "127.0.0.1",
      paramLabel = "HOST",
      description =
          "Address the HTTP API binds to and advertises to other instances"
              + " (default: ${DEFAULT-VALUE}).")
  String httpHost;

  @Option(
      names = "--http-port",
      defaultValue = "8080",
      paramLabel = "PORT",
      description = "HTTP API port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--application-id",
      defaultValue = "subsidy-decisions",
      paramLabel = "ID",
      description = "Kafka Streams application id (default: ${DEFAULT-VALUE}).")
  String applicationId;

  @Option(
      names = "--threads",
      defaultValue = "1",
      paramLabel = "N",
      description = "Stream threads (default: ${DEFAULT-VALUE}).")
  int threads;

  @Option(
      names = "--partitions",
      defaultValue = "3",
      paramLabel = "N",
      description = "Partitions of topics this command creates (default: ${DEFAULT-VALUE}).")
  int partitions;

  @Option(
      names = "--replication-factor",
      paramLabel = "N",
      description =
          "Replication of topics this command creates (default: 1, or 3 with --brokers 3;"
              + " use 3 on a production cluster).")
  Short replication;

  @Option(
      names = "--brokers",
      defaultValue = "1",
      paramLabel = "N",
      description =
          "Nodes of the embedded KRaft cluster, on ports 9092, 9093, … (default: ${DEFAULT-VALUE};"
              + " 3 gives replication 3 and min.insync.replicas=2).")
  int brokers;

  @Option(
      names = "--registry-grace-ms",
      defaultValue = "0",
      paramLabel = "MS",
      description = "How long an application waits for late registry updates (default: 0).")
  long registryGraceMs;

  @Option(
      names = "--totals-interval-ms",
      defaultValue = "250",
      paramLabel = "MS",
      description =
          "Totals are published at most this often per bucket (default: ${DEFAULT-VALUE}).")
  long totalsIntervalMs;

  @Option(
      names = "--secure",
      description =
          "Run the embedded broker with TLS, SASL/SCRAM and"
              + " ACLs, the registry with write credentials, and every part under its own principal.")
  boolean secure;

  @Option(
      names = "--client-config",
      paramLabel = "FILE",
      description =
          "Kafka client properties (security) for a cluster given with" + " --bootstrap-servers.")
  Path clientConfig;

  @Option(
      names = "--demo",
      description =
          "Also publish a realistic registry, budgets and a" + " steady stream of applications.")
  boolean demo;

  @Option(
      names = "--demo-enterprises",
      defaultValue = "5000",
      paramLabel = "N",
      description = "Enterprises in the demo registry (default: ${DEFAULT-VALUE}).")
  int demoEnterprises;

  @Option(
      names = "--demo-rate",
      defaultValue = "20",
      paramLabel = "PER_SECOND",
      description = "Demo applications per second (default: ${DEFAULT-VALUE}).")
  int demoRate;

  @Option(
      names = "--streams-config",
      paramLabel = "KEY=VALUE",
      description =
          "A Kafka Streams or client property (e.g. session.timeout.ms=10000,"
              + " consumer.max.poll.records=200), applied last, over the defaults; repeatable.")
  Map<String, String> streamsConfig = new LinkedHashMap<>();

  @Option(
      names = "--streams-config-file",
      paramLabel = "FILE",
      description =
          "A properties file of Kafka Streams and client properties, applied over the defaults;"
              + " --streams-config wins over it.")
  Path streamsConfigFile;

  /**
   * Topics an earlier version or an operator set to erase records (compaction, retention) are set
   * to keep them, loudly: decisions must stay reproducible from what they met.
   */
  private void keepHistory(Admin admin, Topics topics) throws Exception {
    final List<HistoryGuard.Finding> findings =
        HistoryGuard.check(
            admin, topics, SubsidyTopology.changelogsKeepingEveryVersion(applicationId));
    for (String line : HistoryGuard.keepEverything(admin, findings)) {
      System.err.println("run: warning: " + line);
    }
  }

  private final Deque<AutoCloseable> running = new ArrayDeque<>();
  private final CompletableFuture<String> fatal = new CompletableFuture<>();

  @Override
  public Integer call() throws Exception {
    final Thread hook =
        new Thread(
            () -> {
              System.err.println("Shutting down…");
              closeAll();
              fatal.complete(null);
            },
            "subsidy-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      start();
    } catch (Exception e) {
      System.err.println("run: could not start: " + e.getMessage());
      closeAll();
      return 1;
    }
    // Until Ctrl-C (null) or a fatal pipeline error (its description).
    final String failure = fatal.get();
    if (failure == null) {
      return 0;
    }
    System.err.println(
        "run: fatal: "
            + failure
            + ". Stopping: this instance no longer decides anything; fix the cause and start it"
            + " again (it resumes from its committed offsets).");
    closeAll();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyExiting) {
      // the JVM is shutting down anyway
    }
    return 1;
  }

  /** The Kafka Streams overrides: the file's, then each --streams-config on top. */
  /** The router's partition count, unless the operator set it (a smaller one is refused). */
  public static Map<String, String> withRouterPartitions(
      Map<String, String> overrides, int partitions) {
    final Map<String, String> out = new LinkedHashMap<>(overrides);
    out.putIfAbsent(TopologySettings.ROUTER_PARTITIONS_CONFIG, Integer.toString(partitions));
    return out;
  }

  private Map<String, String> streamsOverrides() throws IOException {
    final Map<String, String> overrides = new LinkedHashMap<>();
    if (streamsConfigFile != null) {
      final Properties file = new Properties();
      try (Reader in = Files.newBufferedReader(streamsConfigFile)) {
        file.load(in);
      }
      file.stringPropertyNames().forEach(k -> overrides.put(k, file.getProperty(k)));
    }
    overrides.putAll(streamsConfig);
    return overrides;
  }

  private void start() throws Exception {
    final Topics topics = new Topics(topicPrefix);
    if (secure && bootstrapServers != null) {
      throw new IllegalArgumentException(
          "--secure secures the embedded broker; for a cluster of"
              + " your own give its security settings with --client-config");
    }
    if (brokers > 1 && (secure || bootstrapServers != null)) {
      throw new IllegalArgumentException(
          "--brokers starts an embedded cluster without security; it cannot be combined with"
              + " --secure or --bootstrap-servers");
    }
    final short replication =
        this.replication != null ? this.replication : (short) Math.min(3, brokers);
    final EmbeddedSecurity security =
        secure ? EmbeddedSecurity.prepare(dataDir.resolve("security")) : null;
    String bootstrap = bootstrapServers;
    if (bootstrap == null && brokers > 1) {
      final Path clusterDir = dataDir.resolve("kafka-cluster");
      final EmbeddedKafkaCluster cluster =
          EmbeddedKafkaCluster.start(
              clusterDir, brokers, EmbeddedKafkaBroker.DEFAULT_PORT, java.util.Map.of());
      running.push(cluster);
      bootstrap = cluster.bootstrapServers();
      System.out.println(
          "Kafka cluster    "
              + bootstrap
              + "  (embedded, KRaft, "
              + brokers
              + " nodes, replication "
              + replication
              + ", data in "
              + clusterDir
              + ")");
    } else if (bootstrap == null) {
      EmbeddedKafkaBroker.Builder builder =
          EmbeddedKafkaBroker.builder()
              .dataDir(dataDir.resolve("kafka"))
              .port(EmbeddedKafkaBroker.DEFAULT_PORT);
      if (security != null) {
        builder = security.broker().applyTo(builder, EmbeddedKafkaBroker.DEFAULT_PORT, freePort());
      }
      final EmbeddedKafkaBroker broker = builder.build().start();
      running.push(broker);
      bootstrap = broker.bootstrapServers();
      System.out.println(
          "Kafka broker     "
              + bootstrap
              + "  (embedded, KRaft, data in "
              + dataDir.resolve("kafka")
              + (security != null ? "; TLS, SASL/SCRAM, ACLs" : "")
              + ")");
    } else {
      System.out.println("Kafka broker     " + bootstrap);
    }
    // Administration and the application run under their own principals when security is on.
    final Properties adminClient =
        security != null ? security.admin(bootstrap) : ClientConfig.load(clientConfig, bootstrap);
    final Properties appClient =
        security != null
            ? security.client(Role.APPLICATION, bootstrap)
            : ClientConfig.load(clientConfig, bootstrap);
    final Properties publisherClient =
        security != null
            ? security.client(Role.PUBLISHER, bootstrap)
            : ClientConfig.load(clientConfig, bootstrap);
    final int routerPartitions;
    try (Admin admin = Admin.create(adminClient)) {
      for (String created : TopicSetup.ensure(admin, topics, partitions, replication)) {
        System.out.println("Created topic    " + created);
      }
      keepHistory(admin, topics);
      // Registration serials are dealt out over the router's partitions, which are the registry
      // topic's (the router's input is co-partitioned with it); Kafka Streams does not tell a
      // processor how many there are.
      routerPartitions =
          admin
              .describeTopics(List.of(topics.enterprises()))
              .allTopicNames()
              .get()
              .get(topics.enterprises())
              .partitions()
              .size();
      if (security != null) {
        final AccessControl access =
            new AccessControl(topics, applicationId, LocalSchemaRegistry.DEFAULT_TOPIC);
        for (Role role : Role.values()) {
          access.grant(admin, role, EmbeddedSecurity.user(role), security.password(role));
        }
        final Path configs = dataDir.resolve("security");
        security.writeClientConfigs(bootstrap);
        System.out.println(
            "Security         client configs per role in "
                + configs
                + "/<role>.properties (use with --client-config); passwords in "
                + configs.resolve("secrets.properties"));
      }
    }
    String registryUrl = schemaRegistryUrl;
    final SchemaRegistryClient client;
    if (registryUrl == null) {
      final LocalSchemaRegistry.Builder registryBuilder =
          LocalSchemaRegistry.builder()
              .bootstrapServers(bootstrap)
              .replicationFactor(replication)
              .port(LocalSchemaRegistry.DEFAULT_PORT);
      if (security != null) {
        registryBuilder
            .kafkaProperties(ClientConfig.asMap(security.client(Role.REGISTRY, bootstrap)))
            .writeCredentials(EmbeddedSecurity.REGISTRY_WRITER, security.registryWriterPassword());
      } else if (clientConfig != null) {
        registryBuilder.kafkaProperties(
            ClientConfig.asMap(ClientConfig.load(clientConfig, bootstrap)));
      }
      final LocalSchemaRegistry registry = registryBuilder.start();
      running.push(registry);
      registryUrl = registry.url();
      client =
          security != null
              ? new RestSchemaRegistryClient(
                  registryUrl, EmbeddedSecurity.REGISTRY_WRITER, security.registryWriterPassword())
              : new RestSchemaRegistryClient(registryUrl);
      System.out.println(
          "Schema registry  "
              + registryUrl
              + "  (embedded, schemas in topic _schemas"
              + (security != null ? "; writes need user " + EmbeddedSecurity.REGISTRY_WRITER : "")
              + ")");
    } else {
      client = new RestSchemaRegistryClient(registryUrl);
      System.out.println("Schema registry  " + registryUrl.replaceAll("//[^@/]*@", "//"));
    }
    running.push(client);
    // Outside clients fetch <topic>-value before their first produce (or before ours).
    System.out.println(
        "Contract schemas "
            + ContractSchemas.register(client, topics).size()
            + " registered under <topic>-value");
    final TopologySettings topology =
        new TopologySettings(
            TopologySettings.defaults().registryHistory(),
            Duration.ofMillis(registryGraceMs),
            Duration.ofMillis(totalsIntervalMs),
            true,
            true);
    final Rulebook rulebook = Rulebook.fromDefaultPolicy();
    final AppInstance instance =
        new AppInstance(
            new SubsidyApplication.Settings(
                applicationId,
                bootstrap,
                dataDir.resolve("streams"),
                threads,
                replication,
                httpHost + ":" + httpPort,
                topology,
                ClientConfig.asMap(appClient),
                withRouterPartitions(streamsOverrides(), routerPartitions)),
            topics,
            client,
            rulebook,
            new HostInfo(httpHost, httpPort),
            PipelineObserver.NONE);
    running.push(instance);
    instance.app().fatal().thenAccept(fatal::complete);
    instance.start(httpHost);
    final String url = "http://" + httpHost + ":" + instance.api().port();
    System.out.println("Dashboard        " + url + "/");
    System.out.println(
        "HTTP API         "
            + url
            + "  (GET /applications/{id}, /totals, /decisions/latest, /events, /health, /metrics)");
    System.out.println(
        "Policy           "
            + String.join(", ", rulebook.versionsInForce())
            + " (each revision judged by the version in force on its submission date)");
    if (demo) {
      running.push(
          new DemoFeed(
                  publisherClient,
                  client,
                  topics,
                  demoEnterprises,
                  demoRate,
                  instance::decisionsSeen,
                  System.out)
              .start());
      System.out.println(
          "Demo             "
              + demoEnterprises
              + " enterprises, "
              + demoRate
              + " applications/s, event time from "
              + DemoFeed.START);
    }
    System.out.println("Ready. Ctrl-C stops everything.");
  }

  private static int freePort() throws java.io.IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private synchronized void closeAll() {
    while (!running.isEmpty()) {
      try {
        running.pop().close();
      } catch (Exception e) {
        System.err.println("while stopping: " + e.getMessage());
      }
    }
  }
}
