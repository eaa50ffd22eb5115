package cn.gxq.subsidy.app.command;

import cn.gxq.subsidy.app.people.HttpSecurity;
import cn.gxq.subsidy.app.security.ClientConfig;
import cn.gxq.subsidy.app.security.EmbeddedSecurity;
import cn.gxq.subsidy.app.security.RoleClients;
import cn.gxq.subsidy.app.start.AppInstance;
import cn.gxq.subsidy.app.start.ClusterPreparation;
import cn.gxq.subsidy.app.start.DemoFeed;
import cn.gxq.subsidy.app.start.EmbeddedKafka;
import cn.gxq.subsidy.app.start.Running;
import cn.gxq.subsidy.app.start.SchemaRegistryStep;
import cn.gxq.subsidy.app.streams.SubsidyApplication;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import cn.gxq.subsidy.topology.PipelineObserver;
import cn.gxq.subsidy.topology.TopologySettings;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.state.HostInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin HttpSecurityOptions http = new HttpSecurityOptions();

  private final Running running = new Running();
  private final CompletableFuture<String> fatal = new CompletableFuture<>();

  @Override
  public Integer call() throws Exception {
    final Thread hook =
        new Thread(
            () -> {
              System.err.println("Shutting down…");
              running.close();
              fatal.complete(null);
            },
            "subsidy-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      start(System.out);
    } catch (Exception e) {
      System.err.println("run: could not start: " + e.getMessage());
      running.close();
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
    running.close();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException alreadyExiting) {
      // the JVM is shutting down anyway
    }
    return 1;
  }

  /** The steps of a start, each printing what it started. */
  private void start(PrintStream out) throws Exception {
    checkOptions();
    final Topics topics = new Topics(topicPrefix);
    final short replication = replication();
    final EmbeddedSecurity security =
        secure ? EmbeddedSecurity.prepare(dataDir.resolve("security")) : null;
    final String bootstrap =
        new EmbeddedKafka(dataDir, brokers, replication, security)
            .startOrUse(bootstrapServers, running, out);
    final RoleClients clients = RoleClients.of(security, clientConfig, bootstrap);
    final int routerPartitions =
        new ClusterPreparation(topics, applicationId, partitions, replication)
            .prepare(clients.admin(), security, dataDir, out);
    final SchemaRegistryClient registry =
        new SchemaRegistryStep(replication, security)
            .startOrUse(schemaRegistryUrl, clients.registry(), topics, running, out);
    final Optional<HttpSecurity.Settings> people = http.settings(security, dataDir);
    final AppInstance instance =
        startInstance(
            topics, registry, clients.application(), routerPartitions, replication, people, out);
    if (demo) {
      startDemo(topics, registry, clients.publisher(), instance, out);
    }
    out.println("Ready. Ctrl-C stops everything.");
  }

  private static final String OPEN_API =
      "People           NONE: the HTTP API and dashboard are open to anyone who can reach them"
          + " (every enterprise's file); use --secure for TLS, sign-in and roles";

  private static String signIn(HttpSecurity.Settings people) {
    return "People           sign in with "
        + people.usersFile()
        + " ("
        + UsersCommand.count(people.usersFile())
        + "; add with bin/subsidy users add)"
        + people.provider().map(p -> " or tokens of " + p.issuer()).orElse("")
        + "; reads of enterprises' files go to the access log";
  }

  private void checkOptions() {
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
  }

  private short replication() {
    return replication != null ? replication : (short) Math.min(3, brokers);
  }

  private AppInstance startInstance(
      Topics topics,
      SchemaRegistryClient registry,
      Properties appClient,
      int routerPartitions,
      short replication,
      Optional<HttpSecurity.Settings> people,
      PrintStream out)
      throws IOException {
    final Rulebook rulebook = Rulebook.fromDefaultPolicy();
    final AppInstance instance =
        running.add(
            new AppInstance(
                streamsSettings(appClient, routerPartitions, replication),
                topics,
                registry,
                rulebook,
                new HostInfo(httpHost, httpPort),
                PipelineObserver.NONE));
    instance.app().fatal().thenAccept(fatal::complete);
    if (people.isPresent()) {
      instance.start(httpHost, people.get());
    } else {
      instance.start(httpHost);
    }
    final String url =
        (people.isPresent() ? "https://" : "http://") + httpHost + ":" + instance.httpPort();
    out.println("Dashboard        " + url + "/");
    out.println(
        "HTTP API         "
            + url
            + "  (GET /applications/{id}, /totals, /decisions/latest, /events, /health, /metrics)");
    out.println(people.map(RunCommand::signIn).orElse(OPEN_API));
    out.println(
        "Policy           "
            + String.join(", ", rulebook.versionsInForce())
            + " (each revision judged by the version in force on its submission date)");
    return instance;
  }

  private SubsidyApplication.Settings streamsSettings(
      Properties appClient, int routerPartitions, short replication) throws IOException {
    final TopologySettings topology =
        new TopologySettings(
            TopologySettings.defaults().registryHistory(),
            Duration.ofMillis(registryGraceMs),
            Duration.ofMillis(totalsIntervalMs),
            true,
            true);
    return new SubsidyApplication.Settings(
        applicationId,
        appClient.getProperty("bootstrap.servers"),
        dataDir.resolve("streams"),
        threads,
        replication,
        httpHost + ":" + httpPort,
        topology,
        ClientConfig.asMap(appClient),
        withRouterPartitions(streamsOverrides(), routerPartitions));
  }

  private void startDemo(
      Topics topics,
      SchemaRegistryClient registry,
      Properties publisherClient,
      AppInstance instance,
      PrintStream out) {
    running.add(
        new DemoFeed(
                publisherClient,
                registry,
                topics,
                demoEnterprises,
                demoRate,
                instance::decisionsSeen,
                out)
            .start());
    out.printf(
        "Demo             %d enterprises, %d applications/s, event time from %s%n",
        demoEnterprises, demoRate, DemoFeed.START);
  }

  /** The router's partition count, unless the operator set it (a smaller one is refused). */
  static Map<String, String> withRouterPartitions(Map<String, String> overrides, int partitions) {
    final Map<String, String> out = new LinkedHashMap<>(overrides);
    out.putIfAbsent(TopologySettings.ROUTER_PARTITIONS_CONFIG, Integer.toString(partitions));
    return out;
  }

  /** The Kafka Streams overrides: the file's, then each --streams-config on top. */
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
}
