package cn.gxq.subsidy.app.streams;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import cn.gxq.subsidy.topology.PipelineObserver;
import cn.gxq.subsidy.topology.SubsidySerdes;
import cn.gxq.subsidy.topology.SubsidyTopology;
import cn.gxq.subsidy.topology.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The decision pipeline running against a cluster: the topology inside a KafkaStreams. */
public final class SubsidyApplication implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SubsidyApplication.class);

  /**
   * How to run one instance. {@code clientConfig} (security settings, usually) applies to every
   * client Kafka Streams makes; {@code streamsConfig} (from {@code run --streams-config}) is
   * applied last, over every default.
   */
  public record Settings(
      String applicationId,
      String bootstrapServers,
      Path stateDir,
      int threads,
      short replication,
      String advertisedHttp,
      TopologySettings topology,
      Map<String, Object> clientConfig,
      Map<String, String> streamsConfig) {}

  private final KafkaStreams streams;
  private final SubsidySerdes serdes;
  private final CompletableFuture<String> fatal = new CompletableFuture<>();

  public SubsidyApplication(
      Settings settings, Topics topics, SchemaRegistryClient registry, Rulebook rulebook) {
    this(settings, topics, registry, rulebook, PipelineObserver.NONE);
  }

  public SubsidyApplication(
      Settings settings,
      Topics topics,
      SchemaRegistryClient registry,
      Rulebook rulebook,
      PipelineObserver observer) {
    this.serdes = new SubsidySerdes(registry);
    final Topology topology =
        SubsidyTopology.build(topics, serdes, rulebook, settings.topology(), observer);
    this.streams = new KafkaStreams(topology, config(settings, topics));
    // An exception no dead letter could absorb stops this client: retrying the same record would
    // fail the same way, and a half-alive instance answering 503 forever helps nobody. Whoever
    // runs it learns of it through fatal().
    streams.setUncaughtExceptionHandler(
        e -> {
          LOG.error("Kafka Streams failed; shutting this instance down", e);
          fatal.complete("Kafka Streams failed: " + describe(e));
          return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
    streams.setStateListener(
        (now, before) -> {
          if (now == KafkaStreams.State.PENDING_ERROR || now == KafkaStreams.State.ERROR) {
            fatal.complete("Kafka Streams went from " + before + " to " + now);
          }
        });
  }

  /**
   * Completes, with what happened, when the pipeline has failed for good (state PENDING_ERROR or
   * ERROR, or a thread died of an uncaught exception); never completes on a normal close.
   */
  public CompletableFuture<String> fatal() {
    return fatal;
  }

  private static String describe(Throwable e) {
    final StringBuilder text = new StringBuilder(e.toString());
    for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      text.append("; caused by ").append(c);
    }
    return text.toString();
  }

  public static Properties config(Settings settings, Topics topics) {
    final Properties props =
        SubsidyTopology.baseConfig(settings.applicationId(), settings.bootstrapServers(), topics);
    props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replication());
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.advertisedHttp());
    props.putAll(settings.clientConfig());
    props.putAll(settings.streamsConfig());
    return props;
  }

  public void start() {
    streams.start();
  }

  public KafkaStreams streams() {
    return streams;
  }

  SubsidySerdes serdes() {
    return serdes;
  }

  @Override
  public void close() {
    // Leave the group: the others take this instance's partitions at once, not after its
    // session times out (45 s by default).
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
  }
}
