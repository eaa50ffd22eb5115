package cn.gxq.subsidy.connectors.docker;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.connectors.intake.IntakeBridgeMain;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Reads docker/compose.yaml as a Compose client would (YAML anchors and merge keys resolved) and
 * checks the wiring the application depends on, since no Docker engine runs here to try it.
 */
class ComposeFileTest {

  private static final Path HOME = Path.of(System.getProperty("connectors.home", "."));
  private static final Path DOCKER = HOME.toAbsolutePath().normalize().resolveSibling("docker");
  private static final List<String> APPS = List.of("app-1", "app-2");
  private static JsonNode services;

  @BeforeAll
  static void read() throws IOException {
    // SnakeYAML (under jackson-dataformat-yaml) resolves anchors and `<<` merge keys; Jackson's
    // streaming YAML parser does not.
    final Object compose =
        new org.yaml.snakeyaml.Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
    services = new ObjectMapper().valueToTree(compose).path("services");
  }

  private static JsonNode service(String name) {
    assertThat(services.has(name)).as("service " + name).isTrue();
    return services.get(name);
  }

  private static List<String> list(JsonNode node) {
    final List<String> items = new ArrayList<>();
    node.forEach(n -> items.add(n.asText()));
    return items;
  }

  /** {@code --name value} pairs of a command, checked to have a value each. */
  private static Map<String, String> options(List<String> args) {
    final Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i).startsWith("--")) {
        options.put(args.get(i), i + 1 < args.size() ? args.get(i + 1) : null);
      }
    }
    return options;
  }

  private static Set<String> brokers() {
    final Set<String> brokers = new HashSet<>();
    for (String name : List.of("kafka-1", "kafka-2", "kafka-3")) {
      final String advertised =
          service(name).path("environment").path("KAFKA_ADVERTISED_LISTENERS").asText();
      brokers.add(advertised.replace("PLAINTEXT://", ""));
    }
    return brokers;
  }

  private static Set<String> split(String servers) {
    return Arrays.stream(servers.split(","))
        .map(s -> s.replace("PLAINTEXT://", "").strip())
        .collect(Collectors.toSet());
  }

  @Test
  void everyServiceOfTheStackIsThere() {
    assertThat(iterable(services.fieldNames()))
        .containsExactlyInAnyOrder(
            "kafka-1",
            "kafka-2",
            "kafka-3",
            "schema-registry",
            "government-db",
            "finance-db",
            "connect",
            "connect-deploy",
            "intake-bridge",
            "app-1",
            "app-2",
            "gateway");
  }

  @Test
  void threeKraftNodesFormOneQuorumWithReplicatedInternalTopics() {
    final Set<String> ids = new HashSet<>();
    final Set<String> clusters = new HashSet<>();
    for (String name : List.of("kafka-1", "kafka-2", "kafka-3")) {
      final JsonNode node = service(name);
      final JsonNode env = node.path("environment");
      assertThat(node.path("image").asText()).startsWith("apache/kafka:4.");
      ids.add(env.path("KAFKA_NODE_ID").asText());
      clusters.add(env.path("CLUSTER_ID").asText());
      assertThat(env.path("KAFKA_PROCESS_ROLES").asText()).contains("broker", "controller");
      assertThat(env.path("KAFKA_CONTROLLER_QUORUM_VOTERS").asText())
          .isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
      assertThat(env.path("KAFKA_ADVERTISED_LISTENERS").asText())
          .isEqualTo("PLAINTEXT://" + name + ":9092");
      assertThat(env.path("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR").asText())
          .isEqualTo("3");
      assertThat(env.path("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR").asText()).isEqualTo("3");
    }
    assertThat(ids).containsExactlyInAnyOrder("1", "2", "3");
    assertThat(clusters).hasSize(1);
  }

  @Test
  void appInstancesShareTheClusterRegistryAndIdButNotTheirHttpAddress() throws Exception {
    final Set<String> runOptions = runCommandOptions();
    final Set<String> hosts = new HashSet<>();
    final Set<String> ids = new HashSet<>();
    for (String name : APPS) {
      final List<String> command = list(service(name).path("command"));
      assertThat(command.get(0)).isEqualTo("run");
      final Map<String, String> options = options(command);
      assertThat(runOptions).as("options `run` knows").containsAll(options.keySet());
      assertThat(split(options.get("--bootstrap-servers"))).isEqualTo(brokers());
      assertThat(options.get("--schema-registry-url")).isEqualTo(registryUrl());
      assertThat(options.get("--replication-factor")).isEqualTo("3");
      assertThat(options.get("--http-host")).isEqualTo(name); // advertised to the other instance
      assertThat(options.get("--http-port")).isEqualTo("8080");
      hosts.add(options.get("--http-host"));
      ids.add(options.get("--application-id"));
      assertThat(service(name).path("build").path("dockerfile").asText())
          .isEqualTo("docker/app.Dockerfile");
    }
    assertThat(hosts).hasSize(APPS.size());
    assertThat(ids).hasSize(1).doesNotContainNull();
  }

  @Test
  void theGatewayBalancesBothInstancesOnOnePort() throws IOException {
    final JsonNode gateway = service("gateway");
    assertThat(list(gateway.path("ports"))).containsExactly("8080:80");
    assertThat(list(gateway.path("volumes"))).anyMatch(v -> v.startsWith("./nginx/nginx.conf:"));
    final String nginx = Files.readString(DOCKER.resolve("nginx/nginx.conf"));
    final Matcher upstream = Pattern.compile("upstream subsidy \\{([^}]*)}").matcher(nginx);
    assertThat(upstream.find()).isTrue();
    for (String app : APPS) {
      assertThat(upstream.group(1)).contains("server " + app + ":8080");
    }
    assertThat(nginx).contains("listen 80;", "proxy_pass http://subsidy;");
  }

  @Test
  void connectRunsWithThePluginsAndTheEnvironmentTheConnectorConfigsRead() throws IOException {
    final JsonNode connect = service("connect");
    final Properties worker = new Properties();
    worker.load(new StringReader(Files.readString(DOCKER.resolve("connect/worker.properties"))));
    assertThat(split(worker.getProperty("bootstrap.servers"))).isEqualTo(brokers());
    assertThat(worker.getProperty("plugin.discovery")).isEqualTo("service_load");
    assertThat(worker.getProperty("config.storage.replication.factor")).isEqualTo("3");
    final String dockerfile = Files.readString(DOCKER.resolve("connect/Dockerfile"));
    assertThat(dockerfile).contains("connectors/target/plugins", worker.getProperty("plugin.path"));

    final Set<String> wanted = new HashSet<>();
    final Matcher env =
        Pattern.compile("\\$\\{env:([A-Z_]+)}")
            .matcher(
                Files.readString(HOME.resolve("config/government-outbox-source.json"))
                    + Files.readString(HOME.resolve("config/finance-ledger-sink.json")));
    while (env.find()) {
      wanted.add(env.group(1));
    }
    assertThat(wanted).isNotEmpty();
    assertThat(iterable(connect.path("environment").fieldNames())).containsAll(wanted);
    assertThat(connect.path("environment").path("GOVERNMENT_DB_HOST").asText())
        .isEqualTo("government-db");
    assertThat(connect.path("environment").path("FINANCE_DB_HOST").asText())
        .isEqualTo("finance-db");
    assertThat(connect.path("environment").path("SCHEMA_REGISTRY_URL").asText())
        .isEqualTo(registryUrl());
  }

  @Test
  void databasesAreInitialisedFromTheConnectorSqlAndTheOutboxHasLogicalDecoding() {
    final JsonNode government = service("government-db");
    assertThat(list(government.path("command"))).contains("wal_level=logical");
    assertThat(list(government.path("volumes")))
        .contains("../connectors/sql/government:/docker-entrypoint-initdb.d:ro");
    assertThat(list(service("finance-db").path("volumes")))
        .contains("../connectors/sql/finance:/docker-entrypoint-initdb.d:ro");
    assertThat(government.path("environment").path("POSTGRES_DB").asText())
        .isEqualTo(service("connect").path("environment").path("GOVERNMENT_DB_NAME").asText());
  }

  @Test
  void theBridgeCommandIsOneItAccepts() {
    final List<String> command = list(service("intake-bridge").path("command"));
    final IntakeBridgeMain.Options options =
        IntakeBridgeMain.Options.parse(command.toArray(String[]::new));
    assertThat(split(options.bootstrapServers())).isEqualTo(brokers());
    assertThat(options.schemaRegistryUrl()).isEqualTo(registryUrl());
    assertThat(options.replication()).isEqualTo((short) 3);
  }

  @Test
  void aComposeClientAcceptsTheFile() throws Exception {
    final List<String> client = composeClient();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        client != null,
        "no Compose client here (docker compose or docker-compose): schema check skipped");
    final List<String> command = new ArrayList<>(client);
    command.addAll(List.of("-f", DOCKER.resolve("compose.yaml").toString(), "config", "-q"));
    final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    final String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor()).as(output).isZero();
  }

  private static List<String> composeClient() throws InterruptedException {
    for (List<String> candidate :
        List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
      final List<String> version = new ArrayList<>(candidate);
      version.add("version");
      try {
        final Process process = new ProcessBuilder(version).redirectErrorStream(true).start();
        process.getInputStream().readAllBytes();
        if (process.waitFor() == 0) {
          return candidate;
        }
      } catch (IOException e) {
        // not installed: try the next
      }
    }
    return null;
  }

  private static String registryUrl() {
    final String listener =
        service("schema-registry").path("environment").path("SCHEMA_REGISTRY_LISTENERS").asText();
    return "http://schema-registry:" + listener.substring(listener.lastIndexOf(':') + 1);
  }

  /** The option names of the application's {@code run} command, read from its picocli model. */
  private static Set<String> runCommandOptions() throws ClassNotFoundException {
    final CommandLine.Model.CommandSpec spec =
        CommandLine.Model.CommandSpec.forAnnotatedObject(
            Class.forName("cn.gxq.subsidy.app.command.RunCommand"));
    return spec.options().stream()
        .flatMap(o -> Arrays.stream(o.names()))
        .collect(Collectors.toSet());
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    final List<T> items = new ArrayList<>();
    it.forEachRemaining(items::add);
    return items;
  }
}
