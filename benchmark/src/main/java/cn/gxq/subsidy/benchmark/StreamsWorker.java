package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import cn.gxq.subsidy.topology.SubsidySerdes;
import cn.gxq.subsidy.topology.SubsidyTopology;
import cn.gxq.subsidy.topology.TopologySettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.StateRestoreListener;

/**
 * The Streams application under test, alone in its own JVM so its heap is its own. Started by
 * {@link StreamsProcess}; arguments are {@code key=value} (see {@link #main}); it reports on stdout
 * in lines starting with {@value #TAG} and obeys {@code heap}, {@code digest} (a fingerprint of
 * every store, {@link StoreDigest}), {@code jfr-start FILE}, {@code jfr-stop} and {@code stop} on
 * stdin.
 */
public final class StreamsWorker {

  static final String TAG = "@@ ";
  private static final PrintStream OUT = new PrintStream(System.out, true, StandardCharsets.UTF_8);

  private StreamsWorker() {}

  /**
   * Keys: {@code mode} (pipeline, skeleton or passthrough), {@code journal} (pipeline: false leaves
   * the arrival journal out), {@code bootstrap}, {@code registry} (URL), {@code appId}, {@code
   * stateDir}, {@code prefix} (pipeline and skeleton topics), {@code in} and {@code out}
   * (pass-through topics), and {@code streams.X=V} for any Streams setting X.
   */
  public static void main(String[] args) throws Exception {
    final Map<String, String> opts = new LinkedHashMap<>();
    for (String arg : args) {
      final String[] kv = arg.split("=", 2);
      opts.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    final HeapMonitor heap = new HeapMonitor().start();
    final boolean pipeline = "pipeline".equals(opts.get("mode"));
    final Properties props;
    final Topology topology;
    RestSchemaRegistryClient registry = null;
    if (pipeline) {
      final Topics topics = new Topics(opts.getOrDefault("prefix", ""));
      registry = new RestSchemaRegistryClient(opts.get("registry"));
      topology =
          SubsidyTopology.build(
              topics,
              new SubsidySerdes(registry),
              Rulebook.fromDefaultPolicy(),
              // journal=false: the benchmark's journal phase, which measures what it costs.
              Boolean.parseBoolean(opts.getOrDefault("journal", "true"))
                  ? TopologySettings.defaults()
                  : TopologySettings.defaults().withoutArrivalJournal());
      props = SubsidyTopology.baseConfig(opts.get("appId"), opts.get("bootstrap"), topics);
    } else if ("skeleton".equals(opts.get("mode"))) {
      final Topics topics = new Topics(opts.getOrDefault("prefix", ""));
      topology = SkeletonTopology.build(topics);
      props = SubsidyTopology.baseConfig(opts.get("appId"), opts.get("bootstrap"), topics);
    } else {
      topology = PassThroughTopology.build(opts.get("in"), opts.get("out"));
      props = new Properties();
      props.put(StreamsConfig.APPLICATION_ID_CONFIG, opts.get("appId"));
      props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, opts.get("bootstrap"));
      props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
      props.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
      // the pipeline's own commit interval, so the ratio compares like with like
      props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, SubsidyTopology.COMMIT_INTERVAL_MS);
    }
    props.put(StreamsConfig.STATE_DIR_CONFIG, opts.get("stateDir"));
    props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, 1);
    for (Map.Entry<String, String> e : opts.entrySet()) {
      if (e.getKey().startsWith("streams.")) {
        props.put(e.getKey().substring("streams.".length()), e.getValue());
      }
    }
    final KafkaStreams streams = new KafkaStreams(topology, props);
    streams.setStateListener(
        (now, before) -> report("STATE " + now + " " + System.currentTimeMillis()));
    streams.setGlobalStateRestoreListener(new RestoreReport());
    streams.start();
    jdk.jfr.Recording recording = null;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null && !line.equals("stop")) {
        if (line.startsWith("jfr-start ")) {
          // Only the measured window: start-up and restore would swamp a short run's samples.
          recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
          // CPU per thread each second (the profile's 10 s leaves a short window one reading).
          recording.enable("jdk.ThreadCPULoad").withPeriod(Duration.ofSeconds(1));
          recording.enable("jdk.CPULoad").withPeriod(Duration.ofSeconds(1));
          recording.setDestination(java.nio.file.Path.of(line.substring("jfr-start ".length())));
          recording.start();
        } else if (line.equals("jfr-stop") && recording != null) {
          recording.stop();
          recording.close();
          recording = null;
          report("PROFILED");
        } else if (line.equals("heap")) {
          report("HEAP " + heap.snapshot().line());
        } else if (line.equals("digest")) {
          for (String store : StoreDigest.storeNames(topology)) {
            report("DIGEST " + store + " " + StoreDigest.of(streams, store));
          }
          report("DIGESTED");
        }
      }
    }
    // Leave the group: a restarted instance then takes over at once, not after the old
    // member's session times out (45 s), which would be counted as restore time.
    streams.close(
        CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
            .withTimeout(Duration.ofSeconds(30)));
    if (registry != null) {
      registry.close();
    }
    report("HEAP " + heap.snapshot().line());
    report("EXIT");
    System.exit(0);
  }

  static void report(String line) {
    OUT.println(TAG + line);
  }

  /** Sums restoration per store and says when each store is done. */
  private static final class RestoreReport implements StateRestoreListener {
    private final Map<String, AtomicLong> restored = new ConcurrentHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();

    @Override
    public void onRestoreStart(TopicPartition partition, String store, long start, long end) {
      started.putIfAbsent(store, System.currentTimeMillis());
      restored.computeIfAbsent(store, s -> new AtomicLong());
    }

    @Override
    public void onBatchRestored(TopicPartition partition, String store, long batchEnd, long count) {
      restored.computeIfAbsent(store, s -> new AtomicLong()).addAndGet(count);
    }

    @Override
    public void onRestoreEnd(TopicPartition partition, String store, long total) {
      final long now = System.currentTimeMillis();
      report(
          "RESTORED "
              + store
              + " "
              + restored.get(store).get()
              + " "
              + (now - started.get(store))
              + " "
              + now);
    }
  }
}
