package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.demo.NationalYear;
import cn.gxq.subsidy.programme.ApplicationHeader;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;

/**
 * {@code bin/benchmark --scenario national-year}: the seed's scale, a registry of about a million
 * enterprises changing through 2022 and the first half of 2023 and about two million applications
 * of all four programmes ({@link NationalYear}). The app's Streams decides them in a child JVM;
 * then its state is wiped and rebuilt from the changelogs and compared with the live state, the
 * totals are recounted from the decisions topic, and {@code bin/subsidy whatif} replays the period
 * under the identical policy book.
 */
final class NationalYearPhase {

  static final String NAME = "national-year";
  static final String APP_ID = "bench-national";
  static final String PREFIX = "national.";
  static final long SEED = 20_222_023L;

  /**
   * The replay's candidate unless {@code --whatif-policy} says otherwise: the bundled 2023.1
   * policy, unchanged. With {@code whatif --policy} replacing the bundled version of the same name
   * and keeping the others, this is the identical policy book; while {@code whatif} judges every
   * date by the one file, the 2022 applications are judged by 2023.1 and change by the rules.
   */
  /**
   * {@code -Dbenchmark.national.registryCompaction=false} (in BENCHMARK_JAVA_OPTS) keeps every
   * registry version on the topic, to tell what the registry topic's compaction costs the rebuild
   * and the replay from everything else.
   */
  static final boolean REGISTRY_COMPACTION =
      Boolean.parseBoolean(System.getProperty("benchmark.national.registryCompaction", "true"));

  /** The registry's versioned store (LedgerStores.ENTERPRISES). */
  static final String REGISTRY_STORE = "enterprises";

  static final String IDENTICAL_POLICY = "policy/policy-2023.1.json";

  /** What the phase measured: everything for results.json, and the lines of the summary. */
  record Result(Map<String, Object> json, List<String> summary, Map<String, String> targets) {}

  private final Cluster cluster;
  private final Options options;
  private final Workers workers;
  private final Path runDir;
  private final PrintStream out;
  private final Topics topics = new Topics(PREFIX);
  private final Map<String, Object> json = new LinkedHashMap<>();
  private final List<String> summary = new ArrayList<>();
  private final Map<String, String> targets = new LinkedHashMap<>();
  private long registryPublished;
  private long registryOnTopic;

  NationalYearPhase(
      Cluster cluster, Options options, Workers workers, Path runDir, PrintStream out) {
    this.cluster = cluster;
    this.options = options;
    this.workers = workers;
    this.runDir = runDir;
    this.out = out;
  }

  Result run() throws Exception {
    cluster.createContractTopics(topics, options.partitions());
    if (!REGISTRY_COMPACTION) {
      // Diagnostic only: the contract's registry topic is compacted, and compaction measures
      // min.compaction.lag.ms against the records' own timestamps, which lie years back here.
      cluster.setTopicConfig(
          topics.enterprises(),
          org.apache.kafka.common.config.TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
          Long.toString(Long.MAX_VALUE));
      out.println("  national     diagnostic: the registry topic is never compacted in this run");
    }
    json.put("registryCompaction", REGISTRY_COMPACTION);
    final RecordEncoder encoder = new RecordEncoder(topics, cluster.registryClient());
    final long generating = System.nanoTime();
    final NationalYear year =
        new NationalYear(SEED, options.nationalEnterprises(), options.nationalApplications());
    final Map<String, Object> workload = new LinkedHashMap<>();
    workload.put("seed", SEED);
    workload.put("period", NationalYear.FROM + " .. " + NationalYear.TO + " (exclusive)");
    workload.put("enterprises", year.enterprises());
    workload.put("registeredBeforePeriod", year.initialRegistry().size());
    workload.put("registeredDuringPeriod", year.newRegistrations());
    workload.put("district", NationalYear.DISTRICT);
    workload.put("districtEnterprises", year.districtEnterprises());
    json.put("workload", workload);
    out.printf(
        "  national     registry of %,d enterprises generated in %.1f s (%,d in %s)%n",
        year.enterprises(),
        (System.nanoTime() - generating) / 1e9,
        year.districtEnterprises(),
        NationalYear.DISTRICT);

    final Map<String, String> liveDigest;
    try (StreamsProcess streams = workers.pipeline(APP_ID, PREFIX, 1)) {
      streams.awaitRunning(Duration.ofMinutes(2));
      loadRegistry(year, encoder, workload);
      decide(year, encoder, streams, workload);
      awaitSettled();
      registryOnTopic = countRecords(topics.enterprises());
      json.put("registryRecordsOnTopicAfterDeciding", registryOnTopic);
      json.put("brokerBytesByTopic", cluster.logBytesByTopic(PREFIX, APP_ID));
      json.put("endOffsets", cluster.endOffsets(PREFIX, APP_ID));
      final long digesting = System.nanoTime();
      liveDigest = streams.digest(Duration.ofMinutes(20));
      json.put("liveDigestSeconds", Throughput.round((System.nanoTime() - digesting) / 1e9, 1));
      json.put("liveHeap", Report.heapJson(streams.stop()));
    }
    final long brokerBytes =
        ((Map<?, ?>) json.get("brokerBytesByTopic"))
            .values().stream().mapToLong(v -> (Long) v).sum();
    final Path stateDir = workers.stateDir(APP_ID);
    final long stateBytes = Cluster.sizeOf(stateDir);
    json.put("stateDirBytes", stateBytes);
    json.put("brokerBytes", brokerBytes);
    summary.add(
        String.format(
            "disk: broker %,d MB over %d topics, state directory %,d MB",
            brokerBytes >> 20,
            ((Map<?, ?>) json.get("brokerBytesByTopic")).size(),
            stateBytes >> 20));

    rebuild(stateDir, liveDigest);
    recount();
    whatIf();
    return new Result(json, summary, targets);
  }

  /** The registry in event-time order, then the initial budgets; until Streams has them all. */
  private void loadRegistry(NationalYear year, RecordEncoder encoder, Map<String, Object> workload)
      throws Exception {
    final List<Generated> registry = year.registry();
    final List<Generated> budgets = year.budgets();
    final Progress progress = new Progress(out, "registry");
    final long began = System.nanoTime();
    try (KafkaProducer<String, byte[]> producer = Clients.batchedProducer(cluster.bootstrap())) {
      for (int i = 0; i < registry.size(); i++) {
        producer.send(encoder.encode(registry.get(i)).record(), Failures.CALLBACK);
        final int sent = i + 1;
        progress.tick("published", () -> sent, registry.size());
      }
      for (Generated g : budgets) {
        producer.send(encoder.encode(g).record(), Failures.CALLBACK);
      }
      producer.flush();
      Failures.check();
    }
    final double publish = (System.nanoTime() - began) / 1e9;
    while (!cluster.caughtUp(APP_ID, topics.enterprises())
        || !cluster.caughtUp(APP_ID, topics.budgets())) {
      progress.tick("published (materialising)", registry::size, registry.size());
      Thread.sleep(100);
    }
    final double load = (System.nanoTime() - began) / 1e9;
    workload.put("registryRecords", registry.size());
    registryPublished = registry.size();
    workload.put("budgetRecords", budgets.size());
    json.put("registryPublishSeconds", Throughput.round(publish, 2));
    json.put("registryLoadSeconds", Throughput.round(load, 2));
    summary.add(
        String.format(
            "registry: %,d records (%,d enterprises, %,d new during the period, changes)"
                + " published in %.1f s, materialised after %.1f s",
            registry.size(), year.enterprises(), year.newRegistrations(), publish, load));
    out.printf("  national     %s%n", summary.get(summary.size() - 1));
  }

  /**
   * Every application in submission order, the budget raises and cuts among them at their dates, as
   * fast as the producer goes; until every revision is decided.
   */
  private void decide(
      NationalYear year,
      RecordEncoder encoder,
      StreamsProcess streams,
      Map<String, Object> workload)
      throws Exception {
    final List<Generated> budgetChanges = year.budgetChanges();
    final Map<String, Long> byTopic = new TreeMap<>();
    final Map<String, Long> byYear = new TreeMap<>();
    final Map<String, Long> districtTechSme = new TreeMap<>();
    long later = 0;
    long withdrawals = 0;
    int sent = 0;
    final ZoneId cst = ZoneId.of("Asia/Shanghai");
    final ProcessHandle worker = ProcessHandle.of(streams.pid()).orElseThrow();
    final double workerCpuBefore = cpuSeconds(worker);
    final double driverCpuBefore = cpuSeconds(ProcessHandle.current());
    final long began;
    final long decided;
    try (DecisionWatcher watcher = new DecisionWatcher(cluster.bootstrap(), topics.decisions());
        KafkaProducer<String, byte[]> producer = Clients.batchedProducer(cluster.bootstrap())) {
      out.printf(
          "  national     sending up to %,d applications, %s .. %s%n",
          year.applications(), NationalYear.FROM, NationalYear.TO);
      final Progress progress = new Progress(out, "national");
      began = System.nanoTime();
      int b = 0;
      final Iterator<Generated> applications = year.applicationStream();
      while (applications.hasNext()) {
        final Generated g = applications.next();
        while (b < budgetChanges.size()
            && !budgetChanges.get(b).eventTime().isAfter(g.eventTime())) {
          producer.send(encoder.encode(budgetChanges.get(b++)).record(), Failures.CALLBACK);
        }
        final Prepared p = encoder.encode(g);
        watcher.expect(p.decisionKey());
        producer.send(p.record(), Failures.CALLBACK);
        sent++;
        final ApplicationHeader h = ApplicationHeader.of(g.value());
        byTopic.merge(p.topic(), 1L, Long::sum);
        byYear.merge(Integer.toString(h.submittedAt().atZone(cst).getYear()), 1L, Long::sum);
        if (h.revision() > 1) {
          later++;
        }
        if (h.withdrawn()) {
          withdrawals++;
        }
        if (h.programme() == Programme.TECH_SME_EVALUATION
            && h.revision() == 1
            && h.creditCode().length() == 18
            && h.creditCode().startsWith(NationalYear.DISTRICT, 2)) {
          districtTechSme.merge(
              Integer.toString(h.submittedAt().atZone(cst).getYear()), 1L, Long::sum);
        }
        if ((sent & 0xFFF) == 0) {
          final int soFar = sent;
          progress.tick("decided", () -> soFar - watcher.pending(), year.applications());
        }
      }
      while (b < budgetChanges.size()) {
        producer.send(encoder.encode(budgetChanges.get(b++)).record(), Failures.CALLBACK);
      }
      producer.flush();
      Failures.check();
      final double sending = (System.nanoTime() - began) / 1e9;
      out.printf("  national     %,d applications sent in %.1f s%n", sent, sending);
      final int total = sent;
      PipelinePhase.awaitDecided(watcher, progress, total);
      decided = total - watcher.pending();
      if (!streams.alive()) {
        throw new IllegalStateException(
            "the Streams JVM stopped while deciding, after "
                + decided
                + " of "
                + total
                + " applications (its log: benchmark/target/run/streams-"
                + APP_ID
                + "-*.log); a larger --streams-heap?");
      }
      final double seconds = (watcher.lastResolvedNanos() - began) / 1e9;
      final double workerCpu = cpuSeconds(worker) - workerCpuBefore;
      final double driverCpu = cpuSeconds(ProcessHandle.current()) - driverCpuBefore;
      final int cores = Runtime.getRuntime().availableProcessors();
      workload.put("applications", sent);
      workload.put("byTopic", byTopic);
      workload.put("bySubmissionYear", byYear);
      workload.put("laterRevisions", later);
      workload.put("withdrawals", withdrawals);
      workload.put("budgetChanges", budgetChanges.size());
      workload.put("districtTechSmeEvaluationsByYear", districtTechSme);
      final Map<String, Object> d = new LinkedHashMap<>();
      d.put("applications", sent);
      d.put("decided", decided);
      d.put("undecided", watcher.pending());
      d.put("seconds", Throughput.round(seconds, 2));
      d.put("sendSeconds", Throughput.round(sending, 2));
      d.put("applicationsPerSecond", Math.round(decided / seconds));
      d.put("streamsCpuSeconds", Throughput.round(workerCpu, 1));
      d.put(
          "driverCpuSeconds (broker, registry, producer, watcher)", Throughput.round(driverCpu, 1));
      d.put(
          "applicationsPerSecondByCpuAlone",
          Math.round(decided / ((workerCpu + driverCpu) / cores)));
      d.put("decisionsByStatus", new TreeMap<>(watcher.statuses()));
      d.put("heapAfterDeciding", Report.heapJson(streams.heap()));
      json.put("decide", d);
      summary.add(
          String.format(
              "decided %,d of %,d applications in %.1f s: %,.0f/s (%,.0f/s by CPU alone;"
                  + " Streams CPU %.0f s, broker and driver %.0f s)",
              decided,
              sent,
              seconds,
              decided / seconds,
              decided / ((workerCpu + driverCpu) / cores),
              workerCpu,
              driverCpu));
      summary.add(
          String.format(
              "workload: %s; %,d later revisions (%,d withdrawals); tech-SME evaluations in %s by"
                  + " year %s",
              byTopic, later, withdrawals, NationalYear.DISTRICT, districtTechSme));
      out.printf("  national     %s%n", summary.get(summary.size() - 2));
      if (watcher.pending() > 0) {
        targets.put(
            "national year: every application decided",
            "MISSED " + watcher.pending() + " undecided after a minute without a decision");
      }
    }
  }

  /**
   * Until the application's group has committed the end of everything it reads (its repartition
   * topics too) and nothing moved for two seconds: every decision, total and changelog written.
   */
  private void awaitSettled() throws Exception {
    Map<?, Long> last = null;
    final long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      Thread.sleep(2000);
      final Map<?, Long> now = cluster.groupAtEnd(APP_ID);
      if (now != null && now.equals(last)) {
        return;
      }
      last = now;
    }
    out.println("  national     the application's group did not settle in 3 minutes; going on");
  }

  /** Stop, delete the state directory, start again: restore time and heap, state against live. */
  private void rebuild(Path stateDir, Map<String, String> live) throws Exception {
    deleteRecursively(stateDir);
    out.printf("  national     state directory deleted; rebuilding%n");
    try (StreamsProcess streams = workers.pipeline(APP_ID, PREFIX, 1)) {
      final long running = streams.awaitRunning(Duration.ofMinutes(60));
      final List<StreamsProcess.Restored> restored = streams.restored();
      final long lastRestore =
          restored.stream().mapToLong(StreamsProcess.Restored::endedMillis).max().orElse(running);
      final double restoreSeconds =
          (Math.max(running, lastRestore) - streams.startedMillis()) / 1e3;
      final Map<String, Long> records = new TreeMap<>();
      // Each report is the store's running count over its partitions: the last is the total.
      restored.forEach(r -> records.merge(r.store(), r.records(), Math::max));
      final HeapMonitor.Snapshot heap = streams.heap();
      final Map<String, String> rebuilt = streams.digest(Duration.ofMinutes(20));
      final List<String> differing = new ArrayList<>();
      final List<String> unreadable = new ArrayList<>();
      final Map<String, String> all = new TreeMap<>(live);
      rebuilt.forEach(all::putIfAbsent);
      // The registry's versioned store cannot be read as key-value: it is compared by the versions
      // restored against the versions live was given (every one, all within its history).
      final long registryRestored = records.getOrDefault(REGISTRY_STORE, -1L);
      if (registryRestored != registryPublished) {
        differing.add(
            REGISTRY_STORE
                + ": live was given "
                + registryPublished
                + " registry versions, rebuilt restored "
                + registryRestored
                + " (the registry topic kept "
                + registryOnTopic
                + " after deciding)");
      }
      for (String store : all.keySet()) {
        final String a = live.get(store);
        final String b = rebuilt.get(store);
        if (a != null && a.startsWith("-")) {
          if (!store.equals(REGISTRY_STORE)) {
            unreadable.add(store);
          }
        } else if (a == null || !a.equals(b)) {
          differing.add(store + ": live " + a + ", rebuilt " + b);
        }
      }
      final Map<String, Object> m = new LinkedHashMap<>();
      m.put("restoreSeconds", Throughput.round(restoreSeconds, 2));
      m.put("restoredRecords", records);
      m.put("heapAfterRestore", Report.heapJson(heap));
      m.put("liveDigest", live);
      m.put("rebuiltDigest", rebuilt);
      m.put("storesCompared", all.size() - unreadable.size());
      m.put("storesNotReadable", unreadable);
      m.put("differences", differing);
      m.put("equal", differing.isEmpty());
      m.put("heapWithDigest", Report.heapJson(streams.stop()));
      json.put("rebuild", m);
      summary.add(
          String.format(
              "rebuilt from the changelogs in %.1f s (JVM start to RUNNING), heap peak/after-GC"
                  + " %,d / %,d MB, RSS %,d MB; %,d records restored",
              restoreSeconds,
              heap.peakUsed() >> 20,
              heap.peakLive() >> 20,
              heap.residentPeak() >> 20,
              records.values().stream().mapToLong(Long::longValue).sum()));
      summary.add(
          String.format(
              "rebuilt state against live: %d stores compared entry by entry, %s%s",
              all.size() - unreadable.size(),
              differing.isEmpty() ? "all equal" : differing.size() + " differ: " + differing,
              unreadable.isEmpty() ? "" : " (not readable as key-value: " + unreadable + ")"));
      targets.put(
          "national year: rebuilt state = live",
          (differing.isEmpty() ? "MET    " : "MISSED ")
              + (all.size() - unreadable.size())
              + " stores, "
              + differing.size()
              + " differ");
      out.printf("  national     %s%n", summary.get(summary.size() - 2));
    }
  }

  private void recount() {
    final long began = System.nanoTime();
    final TotalsRecount.Result r =
        TotalsRecount.run(
            cluster.bootstrap(), cluster.registryClient(), topics.decisions(), topics.totals());
    final Map<String, Object> m = TotalsRecount.json(r);
    m.put("seconds", Throughput.round((System.nanoTime() - began) / 1e9, 1));
    json.put("recount", m);
    summary.add(
        String.format(
            "totals against a recount of %,d decisions (%,d applications): %d buckets, %s;"
                + " highest registration serial %s: %,d of 999,999",
            r.decisions(),
            r.applications(),
            r.buckets(),
            r.equal() ? "all equal" : r.differences().size() + " differ",
            r.largestSeries(),
            r.largestSeriesSerials()));
    r.differences().stream().limit(20).forEach(d -> summary.add("  differs: " + d));
    targets.put(
        "national year: totals = recount from decisions",
        (r.equal() ? "MET    " : "MISSED ")
            + r.buckets()
            + " buckets, "
            + r.differences().size()
            + " differ");
    out.printf(
        "  national     %s%n",
        summary.get(summary.size() - 1 - Math.min(20, r.differences().size())));
  }

  private void whatIf() throws Exception {
    final Path policy;
    if (options.whatIfPolicy() != null) {
      policy = options.whatIfPolicy().toAbsolutePath();
    } else {
      policy = runDir.resolve("national-candidate.json");
      try (InputStream in =
          NationalYearPhase.class.getClassLoader().getResourceAsStream(IDENTICAL_POLICY)) {
        if (in == null) {
          throw new IOException(IDENTICAL_POLICY + " not on the classpath");
        }
        Files.copy(in, policy, StandardCopyOption.REPLACE_EXISTING);
      }
    }
    // The comparison holds about two small records per application.
    final String heap = options.nationalApplications() > 1_000_000 ? "-Xmx5g" : WhatIfPhase.HEAP;
    final WhatIfPhase.Result r =
        new WhatIfPhase(cluster, options, runDir, out)
            .replay(topics, "national", policy, heap, true);
    final Map<String, Object> m = r.replay().json();
    m.put("candidate", options.whatIfPolicy() == null ? IDENTICAL_POLICY : policy.toString());
    m.put("commandSeconds", Throughput.round(r.commandSeconds(), 2));
    m.put("revisionsDecided", r.revisions());
    m.put("changed", r.changed());
    m.put("changedByRules", r.changedByRules());
    m.put("changedByCompetition", r.changedByCompetition());
    m.put("notDecidedLive", r.notDecidedLive());
    m.put("cpuSeconds", Throughput.round(r.cpuSeconds(), 1));
    final Map<String, Long> byKind = changesByKind(r.comparison());
    m.put("changesByCauseProgrammeAndYear", byKind);
    json.put("whatIf", m);
    summary.add(
        String.format(
            "what-if replay of %,d revisions under %s: %,.0f/s (%.1f s; command %.1f s);"
                + " changed %,d (by the rules %,d, by competition %,d), not decided live %,d",
            r.revisions(),
            m.get("candidate"),
            r.replay().recordsPerSecond(),
            r.replay().seconds(),
            r.commandSeconds(),
            r.changed(),
            r.changedByRules(),
            r.changedByCompetition(),
            r.notDecidedLive()));
    if (!byKind.isEmpty()) {
      summary.add("  changed by cause, programme and year of submission: " + byKind);
    }
    targets.put(
        "national year: what-if under the identical book changes 0",
        (r.changed() == 0 ? "MET    " : "MISSED ")
            + r.changed()
            + " changed ("
            + r.changedByRules()
            + " by the rules, "
            + r.changedByCompetition()
            + " by competition)");
    out.printf("  national     %s%n", summary.get(summary.size() - (byKind.isEmpty() ? 1 : 2)));
  }

  /** Changes counted by cause and the id's programme and year, e.g. {@code RULES TS-2022}. */
  private static Map<String, Long> changesByKind(JsonNode comparison) {
    final Map<String, Long> counts = new TreeMap<>();
    for (JsonNode change : comparison.path("changes")) {
      final String id = change.path("applicationId").asText();
      final int second = id.indexOf('-', id.indexOf('-') + 1);
      final String kind = second > 0 ? id.substring(0, second) : id;
      counts.merge(change.path("cause").asText() + " " + kind, 1L, Long::sum);
    }
    return counts;
  }

  /** Committed records on a topic now (what compaction left). */
  private long countRecords(String topic) {
    try (TopicReader reader = new TopicReader(cluster.bootstrap(), topic, r -> {})) {
      long last = -1;
      long stable = 0;
      while (stable < 10) {
        Thread.sleep(200);
        final long now = reader.count();
        stable = now == last ? stable + 1 : 0;
        last = now;
      }
      return last;
    } catch (Exception e) {
      throw new IllegalStateException("cannot count " + topic, e);
    }
  }

  private static double cpuSeconds(ProcessHandle process) {
    return process.info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
