package cn.gxq.subsidy.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * {@code bin/benchmark}: one broker, then the machine limit, the Streams pass-through baseline, the
 * pipeline's skeleton (hops and state without logic), the decision pipeline with its latency at 20%
 * load, and the million-enterprise registry, in that order; a table on stdout and {@code
 * results.json}.
 */
public final class BenchmarkMain {

  private BenchmarkMain() {}

  public static void main(String[] args) throws Exception {
    final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    final Path target = Path.of(System.getProperty("benchmark.target", "benchmark/target"));
    final Options options;
    try {
      options = Options.parse(args, target);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().isEmpty()) {
        System.err.println(e.getMessage());
      }
      System.err.print(Options.USAGE);
      System.exit(e.getMessage().isEmpty() ? 0 : 2);
      return;
    }
    final Path runDir = options.out().resolve("run");
    deleteRecursively(runDir);
    Files.createDirectories(runDir);
    final Report report = new Report(options);
    out.printf(
        "benchmark: %,d records × %d partitions, phases %s, Streams %s%n",
        options.records(), options.partitions(), options.phases(), options.streamsConfig());
    try (Cluster cluster = new Cluster(runDir.resolve("broker"))) {
      final Workers workers = new Workers(cluster, options, runDir);
      out.println(
          "broker at " + cluster.bootstrap() + ", schema registry at " + cluster.registryUrl());
      if (options.runs("plain")) {
        out.println("[1/7] machine limit: plain producer and consumer");
        report.phaseStarts("plain", out);
        report.plain(new MachineLimit(cluster, options, out).run());
      }
      if (options.runs("passthrough")) {
        out.println("[2/7] Streams baseline: exactly-once pass-through");
        report.phaseStarts("pass-through", out);
        report.baseline(new PassThroughPhase(cluster, options, workers, out).run());
      }
      if (options.runs("skeleton")) {
        out.println("[3/7] pipeline skeleton: the same hops and state, no decoding or logic");
        report.phaseStarts("skeleton", out);
        report.skeleton(new SkeletonPhase(cluster, options, workers, out).run());
      }
      if (options.runs("pipeline") || options.runs("latency")) {
        out.println("[4/7] decision pipeline" + (options.runs("latency") ? " and latency" : ""));
        report.phaseStarts("pipeline", out);
        report.pipeline(
            new PipelinePhase(cluster, options, workers, out).run(options.runs("latency")));
      }
      if (options.runs("threads")) {
        out.println("[5/7] decision pipeline with 2 stream threads");
        report.phaseStarts("threads", out);
        report.threads(new PipelinePhase(cluster, options, workers, out, 2).run(false));
      }
      if (options.runs("journal")) {
        out.println("[5b/7] decision pipeline without the arrival journal: what the journal costs");
        report.phaseStarts("journal", out);
        report.withoutJournal(
            new PipelinePhase(cluster, options, workers, out, 1, false).run(false));
      }
      if (options.runs("whatif")) {
        out.println("[6/7] what-if replay: bin/subsidy whatif over the recorded applications");
        report.phaseStarts("what-if", out);
        report.whatIf(
            new WhatIfPhase(cluster, options, runDir, out)
                .run(options.runs("pipeline") || options.runs("latency")));
      }
      if (options.runs(NationalYearPhase.NAME)) {
        out.println(
            "[national-year] "
                + options.nationalEnterprises()
                + " enterprises, "
                + options.nationalApplications()
                + " applications, 2022-01-01 .. 2023-06-30");
        report.phaseStarts("national year", out);
        report.nationalYear(new NationalYearPhase(cluster, options, workers, runDir, out).run());
      }
      if (options.runs("scale")) {
        out.println("[7/7] scale: registry of " + options.scaleEnterprises() + " enterprises");
        report.phaseStarts("scale", out);
        report.scale(new ScalePhase(cluster, options, workers, out).run());
      }
    }
    report.phaseStarts("end", out);
    report.print(out);
    final Path results = options.out().resolve("results.json");
    report.write(results);
    out.println("results: " + results.toAbsolutePath());
    deleteRecursively(runDir.resolve("broker"));
    System.exit(0);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
