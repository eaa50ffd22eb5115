package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.topology.TopologySettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Starts Streams JVMs of a run with its cluster and its Streams settings. */
final class Workers {

  private final Cluster cluster;
  private final Options options;
  private final Path runDir;

  Workers(Cluster cluster, Options options, Path runDir) {
    this.cluster = cluster;
    this.options = options;
    this.runDir = runDir;
  }

  Path stateDir(String appId) {
    return runDir.resolve("state-" + appId);
  }

  StreamsProcess pipeline(String appId, String prefix, int threads) {
    return pipeline(appId, prefix, threads, true);
  }

  /** The pipeline, with or without its arrival journal (which only a replay reads). */
  StreamsProcess pipeline(String appId, String prefix, int threads, boolean journal) {
    final Map<String, String> args = common("pipeline", appId);
    args.put("prefix", prefix);
    args.put("journal", Boolean.toString(journal));
    args.put("streams.num.stream.threads", Integer.toString(threads));
    return start(appId, args);
  }

  StreamsProcess skeleton(String appId, String prefix) {
    final Map<String, String> args = common("skeleton", appId);
    args.put("prefix", prefix);
    return start(appId, args);
  }

  StreamsProcess passThrough(String appId, String in, String out) {
    final Map<String, String> args = common("passthrough", appId);
    args.put("in", in);
    args.put("out", out);
    return start(appId, args);
  }

  private Map<String, String> common(String mode, String appId) {
    final Map<String, String> args = new LinkedHashMap<>();
    args.put("mode", mode);
    args.put("bootstrap", cluster.bootstrap());
    args.put("registry", cluster.registryUrl());
    args.put("appId", appId);
    args.put("stateDir", stateDir(appId).toString());
    // Registration serials are dealt out over the router's partitions, as run deals them.
    args.put(
        "streams." + TopologySettings.ROUTER_PARTITIONS_CONFIG,
        Integer.toString(options.partitions()));
    options.streamsConfig().forEach((k, v) -> args.put("streams." + k, v));
    return args;
  }

  private int started;

  private StreamsProcess start(String appId, Map<String, String> args) {
    return StreamsProcess.start(
        options.streamsHeap(),
        args,
        runDir.resolve("streams-" + appId + "-" + (++started) + ".log"));
  }
}
