package cn.gxq.subsidy.app;

import cn.gxq.subsidy.rules.Rulebook;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import cn.gxq.subsidy.topology.PipelineObserver;
import cn.gxq.subsidy.topology.SubsidySerdes;
import cn.gxq.subsidy.topology.SubsidyTopology;
import cn.gxq.subsidy.topology.Topics;
import cn.gxq.subsidy.topology.TopologySettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;

/** The decision pipeline running against a cluster: the topology inside a KafkaStreams. */
final class SubsidyApplication implements AutoCloseable {

  /**
   * How to run one instance. {@code clientConfig} (security settings, usually) applies to every
   * client Kafka Streams makes.
   */
  record Settings(
      String applicationId,
      String bootstrapServers,
      Path stateDir,
      int threads,
      short replication,
      String advertisedHttp,
      TopologySettings topology,
      Map<String, Object> clientConfig) {

    Settings(
        String applicationId,
        String bootstrapServers,
        Path stateDir,
        int threads,
        short replication,
        String advertisedHttp,
        TopologySettings topology) {
      this(
          applicationId,
          bootstrapServers,
          stateDir,
          threads,
          replication,
          advertisedHttp,
          topology,
          Map.of());
    }
  }

  private final KafkaStreams streams;
  private final SubsidySerdes serdes;

  SubsidyApplication(
      Settings settings, Topics topics, SchemaRegistryClient registry, Rulebook rulebook) {
    this(settings, topics, registry, rulebook, PipelineObserver.NONE);
  }

  SubsidyApplication(
      Settings settings,
      Topics topics,
      SchemaRegistryClient registry,
      Rulebook rulebook,
      PipelineObserver observer) {
    this.serdes = new SubsidySerdes(registry);
    final Topology topology =
        SubsidyTopology.build(topics, serdes, rulebook, settings.topology(), observer);
    this.streams = new KafkaStreams(topology, config(settings, topics));
  }

  static Properties config(Settings settings, Topics topics) {
    final Properties props =
        SubsidyTopology.baseConfig(settings.applicationId(), settings.bootstrapServers(), topics);
    props.put(StreamsConfig.STATE_DIR_CONFIG, settings.stateDir().toString());
    props.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, settings.threads());
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.replication());
    props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, settings.advertisedHttp());
    props.putAll(settings.clientConfig());
    return props;
  }

  void start() {
    streams.start();
  }

  KafkaStreams streams() {
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
