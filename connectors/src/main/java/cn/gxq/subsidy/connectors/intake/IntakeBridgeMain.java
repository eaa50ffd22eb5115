package cn.gxq.subsidy.connectors.intake;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * Runs the intake bridge until stopped: {@code --bootstrap-servers}, {@code --schema-registry-url},
 * optional {@code --application-id}, {@code --topic-prefix}, {@code --state-dir}, {@code
 * --partitions}, {@code --replication-factor}. Creates missing intake topics. Exits 1 when the
 * bridge fails (a registry outage, say), so a supervisor restarts it.
 */
public final class IntakeBridgeMain implements AutoCloseable {

  private final KafkaStreams streams;
  private final SchemaRegistryClient registry;

  /** Starts a bridge; {@link #close()} stops it. */
  public IntakeBridgeMain(Options options) throws InterruptedException, ExecutionException {
    final Topics topics = new Topics(options.topicPrefix());
    try (Admin admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers()))) {
      ensureIntakeTopics(admin, topics, options.partitions(), options.replication());
    }
    this.registry = new RestSchemaRegistryClient(options.schemaRegistryUrl());
    final Properties props =
        JsonIntakeBridge.config(
            options.applicationId(), options.bootstrapServers(), options.replication());
    props.put(StreamsConfig.STATE_DIR_CONFIG, options.stateDir().toString());
    this.streams =
        new KafkaStreams(JsonIntakeBridge.build(topics, registry, Clock.systemUTC()), props);
  }

  /** Starts processing; {@code onFailure} runs when the bridge gives up. */
  public IntakeBridgeMain start(Runnable onFailure) {
    streams.setUncaughtExceptionHandler(
        e -> {
          System.err.println("intake bridge failed: " + e);
          onFailure.run();
          return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.start();
    return this;
  }

  public KafkaStreams streams() {
    return streams;
  }

  /** Creates the intake topics that do not exist yet, so the connector and bridge agree. */
  static List<String> ensureIntakeTopics(
      Admin admin, Topics topics, int partitions, short replication)
      throws InterruptedException, ExecutionException {
    final Set<String> existing = admin.listTopics().names().get();
    final List<NewTopic> missing = new ArrayList<>();
    for (RecordKind kind : Catalogue.recordKinds()) {
      if (!existing.contains(IntakeTopics.of(topics, kind))) {
        missing.add(new NewTopic(IntakeTopics.of(topics, kind), partitions, replication));
      }
    }
    try {
      admin.createTopics(missing).all().get();
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e; // the connector may create one at the same moment
      }
    }
    return missing.stream().map(NewTopic::name).toList();
  }

  @Override
  public void close() {
    streams.close(Duration.ofSeconds(30));
    registry.close();
  }

  /** What to connect to. */
  public record Options(
      String bootstrapServers,
      String schemaRegistryUrl,
      String applicationId,
      String topicPrefix,
      Path stateDir,
      int partitions,
      short replication) {

    static final String USAGE =
        "usage: intake-bridge --bootstrap-servers HOST:PORT[,…]"
            + " --schema-registry-url URL [--application-id ID] [--topic-prefix P] [--state-dir DIR]"
            + " [--partitions N] [--replication-factor N]";

    /** Parses {@code --name value} pairs; unknown names and missing values are errors. */
    public static Options parse(String... args) {
      final Map<String, String> values =
          new LinkedHashMap<>(
              Map.of(
                  "--application-id",
                  "subsidy-intake-bridge",
                  "--topic-prefix",
                  "",
                  "--state-dir",
                  "data/intake-bridge",
                  "--partitions",
                  "3",
                  "--replication-factor",
                  "1"));
      for (int i = 0; i < args.length; i += 2) {
        if (i + 1 >= args.length || !args[i].startsWith("--")) {
          throw new IllegalArgumentException(
              "expected --name value at '" + args[i] + "'; " + USAGE);
        }
        if (!Set.of(
                "--bootstrap-servers",
                "--schema-registry-url",
                "--application-id",
                "--topic-prefix",
                "--state-dir",
                "--partitions",
                "--replication-factor")
            .contains(args[i])) {
          throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
        }
        values.put(args[i], args[i + 1]);
      }
      for (String required : List.of("--bootstrap-servers", "--schema-registry-url")) {
        if (!values.containsKey(required)) {
          throw new IllegalArgumentException(required + " is required; " + USAGE);
        }
      }
      return new Options(
          values.get("--bootstrap-servers"),
          values.get("--schema-registry-url"),
          values.get("--application-id"),
          values.get("--topic-prefix"),
          Path.of(values.get("--state-dir")),
          Integer.parseInt(values.get("--partitions")),
          Short.parseShort(values.get("--replication-factor")));
    }
  }

  public static void main(String[] args) throws Exception {
    final Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    final CountDownLatch done = new CountDownLatch(1);
    final int[] status = {0};
    final IntakeBridgeMain bridge = new IntakeBridgeMain(options);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  bridge.close();
                  done.countDown();
                },
                "intake-bridge-shutdown"));
    bridge.start(
        () -> {
          status[0] = 1;
          done.countDown();
        });
    System.out.println(
        "Intake bridge    "
            + options.bootstrapServers()
            + " → contract topics"
            + " (registry "
            + options.schemaRegistryUrl()
            + ")");
    done.await();
    System.exit(status[0]);
  }
}
