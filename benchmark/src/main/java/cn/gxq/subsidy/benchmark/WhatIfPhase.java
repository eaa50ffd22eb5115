package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.ApplicationGenerator;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * {@code bin/subsidy whatif} as an operator runs it, in a child JVM, over the recorded applications
 * of the pipeline phase (and its live decisions) when that phase ran, else over the same demo
 * workload published here. The candidate is the bundled policy under another version, so the
 * comparison also says how many live decisions a replay reproduces.
 */
final class WhatIfPhase {

  /** The command's entry point: the app module is on the benchmark's runtime classpath. */
  static final String CLI = "cn.gxq.subsidy.app.SubsidyCli";

  /** The comparison holds two small records per application: a million fit well in this. */
  static final String HEAP = "-Xmx3g";

  private static final Pattern REPLAYED =
      Pattern.compile("whatif: ([\\d,]+) records replayed under policy \\S+ in ([\\d.]+) s");

  /**
   * What the phase measured: the replay alone, and the whole command with its comparison; {@code
   * cpuSeconds} is the CPU time the replay's JVM and this one (broker and registry) spent until the
   * replay ended, -1 where the platform does not tell.
   */
  record Result(
      Throughput replay,
      double commandSeconds,
      long revisions,
      long changed,
      long changedByRules,
      long changedByCompetition,
      long notDecidedLive,
      boolean live,
      double cpuSeconds,
      JsonNode comparison) {}

  private final Cluster cluster;
  private final Options options;
  private final Path runDir;
  private final PrintStream out;

  WhatIfPhase(Cluster cluster, Options options, Path runDir, PrintStream out) {
    this.cluster = cluster;
    this.options = options;
    this.runDir = runDir;
    this.out = out;
  }

  /**
   * @param recorded whether the pipeline phase left its applications and decisions on {@code
   *     bench.} topics
   */
  Result run(boolean recorded) throws Exception {
    final Topics topics = new Topics("bench.");
    if (!recorded) {
      publish(topics);
    }
    final Path policy = runDir.resolve("whatif-candidate.json");
    writeCandidate(policy);
    return replay(topics, "bench", policy, HEAP, recorded);
  }

  /**
   * Runs {@code bin/subsidy whatif --policy candidate --name name} over the topics under the prefix
   * of {@code topics}, in a child JVM with {@code heap} (e.g. {@code -Xmx3g}).
   */
  Result replay(Topics topics, String name, Path policy, String heap, boolean recorded)
      throws Exception {
    final Path json = runDir.resolve("whatif-" + name + ".json");
    final List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(heap);
    command.add("-XX:+UseG1GC");
    // The same profiling flags as the pipeline's Streams JVM: the replay is the application here.
    command.addAll(StreamsProcess.extraJvmFlags());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CLI);
    command.addAll(
        List.of(
            "whatif",
            "--bootstrap-servers",
            cluster.bootstrap(),
            "--schema-registry-url",
            cluster.registryUrl(),
            "--topic-prefix",
            topics.prefix(),
            "--policy",
            policy.toString(),
            "--name",
            name,
            "--json",
            json.toString(),
            "--data-dir",
            runDir.resolve("whatif-data").toString()));
    // The run's Streams settings (--streams-config) go to the replay too, over its batch defaults.
    options
        .streamsConfig()
        .forEach((key, value) -> command.addAll(List.of("--streams-config", key + "=" + value)));
    final long began = System.nanoTime();
    final double driverCpuBefore = cpuSeconds(ProcessHandle.current());
    final Process process =
        new ProcessBuilder(command)
            .redirectOutput(runDir.resolve("whatif-" + name + "-table.txt").toFile())
            .start();
    long records = -1;
    double seconds = -1;
    double cpu = -1;
    try (BufferedReader err =
        new BufferedReader(
            new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null) {
        if (line.startsWith("whatif:")) {
          out.println("  whatif       " + line.substring("whatif: ".length()));
        }
        final Matcher m = REPLAYED.matcher(line);
        if (m.find()) {
          records = Long.parseLong(m.group(1).replace(",", ""));
          seconds = Double.parseDouble(m.group(2));
          final double child = cpuSeconds(process.toHandle());
          final double driver = cpuSeconds(ProcessHandle.current());
          cpu = child < 0 || driver < 0 ? -1 : child + driver - driverCpuBefore;
        }
      }
    }
    final int exit = process.waitFor();
    final double commandSeconds = (System.nanoTime() - began) / 1e9;
    if (exit != 0 || records < 0) {
      throw new IllegalStateException("bin/subsidy whatif failed with exit status " + exit);
    }
    final JsonNode result = new ObjectMapper().readTree(json.toFile());
    return new Result(
        new Throughput("what-if replay (EOS v2, commit 1 s)", records, 0, seconds, null),
        commandSeconds,
        result.path("applications").asLong(),
        result.path("changed").asLong(),
        result.path("changedByRules").asLong(),
        result.path("changedByCompetition").asLong(),
        result.path("notDecidedLive").asLong(),
        recorded,
        cpu,
        result);
  }

  private static double cpuSeconds(ProcessHandle process) {
    return process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
  }

  /** The pipeline phase's workload: registry, budgets, then the applications. */
  private void publish(Topics topics) throws Exception {
    cluster.createContractTopics(topics, options.partitions());
    final DemoScenario scenario = PipelinePhase.scenario(options);
    final RecordEncoder encoder = new RecordEncoder(topics, cluster.registryClient());
    final ApplicationGenerator generator = scenario.applicationGenerator();
    try (KafkaProducer<String, byte[]> producer = Clients.batchedProducer(cluster.bootstrap())) {
      for (Generated g : scenario.enterprises()) {
        producer.send(encoder.encode(g).record(), Failures.CALLBACK);
      }
      for (Generated g : scenario.budgets()) {
        producer.send(encoder.encode(g).record(), Failures.CALLBACK);
      }
      final Progress progress = new Progress(out, "whatif");
      for (int i = 0; i < options.records(); i++) {
        producer.send(encoder.encode(generator.next()).record(), Failures.CALLBACK);
        final int sent = i + 1;
        progress.tick("published", () -> sent, options.records());
      }
      producer.flush();
      Failures.check();
    }
    out.printf("  whatif       %,d applications published%n", options.records());
  }

  /** The bundled policy, numbers unchanged, under version 2022.1.1. */
  private static void writeCandidate(Path file) throws IOException {
    final ObjectMapper json = new ObjectMapper();
    final ObjectNode policy;
    try (InputStream in =
        WhatIfPhase.class.getClassLoader().getResourceAsStream("policy/policy-2022.1.json")) {
      policy = (ObjectNode) json.readTree(in);
    }
    policy.put("version", "2022.1.1");
    Files.writeString(file, json.writeValueAsString(policy), StandardCharsets.UTF_8);
  }
}
