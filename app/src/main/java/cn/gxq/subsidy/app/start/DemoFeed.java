package cn.gxq.subsidy.app.start;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.ApplicationGenerator;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.demo.HostileRecords;
import cn.gxq.subsidy.demo.Mix;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code run --demo}: publishes the demo module's seeded scenario to the contract topics the way
 * government publishers would (contract keys, the project's Avro serde, Kafka timestamp = event
 * time): a registry of thousands of enterprises and the budgets first, then a steady stream of
 * applications of all three programmes with the generator's share of invalid, unregistered,
 * ineligible, duplicate, amended and withdrawn ones, registry changes as their time comes, budget
 * raises once some budgets have run out, and now and then an undecodable record. Event time starts
 * at a fixed instant in 2022 and advances with the records; the wall clock only paces the rate. A
 * restart resumes the deterministic stream after the applications already on the topics.
 */
public final class DemoFeed implements AutoCloseable {

  /** 2022-01-04 09:00 China Standard Time: the policies are for 2022. */
  public static final Instant START = Instant.parse("2022-01-04T01:00:00Z");

  static final long SEED = 2022L;

  /** Two minutes of event time between submissions keeps the stream in 2022 for hours. */
  static final Duration MEAN_GAP = Duration.ofMinutes(2);

  /** Budgets are raised once this many applications are in: 中关村 rent relief has run out. */
  static final long RAISE_AFTER = 2_500;

  /** One undecodable record per this many applications, to show the dead-letter path. */
  static final long GARBAGE_EVERY = 1_000;

  static final String GARBAGE = "undecodable";
  private static final List<String> KINDS =
      Stream.concat(Catalogue.recordKinds().stream().map(RecordKind::name), Stream.of(GARBAGE))
          .toList();
  private static final long PROGRESS_NANOS = Duration.ofSeconds(5).toNanos();

  private final Properties client;
  private final Topics topics;
  private final int enterprises;
  private final int ratePerSecond;
  private final LongSupplier decisionsSeen;
  private final PrintStream out;
  private final SchemaRegistryClient registry;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile Instant eventTime = START;
  private volatile ContractPublisher publisher;

  public DemoFeed(
      Properties client,
      SchemaRegistryClient registry,
      Topics topics,
      int enterprises,
      int ratePerSecond,
      LongSupplier decisionsSeen,
      PrintStream out) {
    if (enterprises < 1 || ratePerSecond < 1) {
      throw new IllegalArgumentException("--demo-enterprises and --demo-rate must be positive");
    }
    this.client = client;
    this.registry = registry;
    this.topics = topics;
    this.enterprises = enterprises;
    this.ratePerSecond = ratePerSecond;
    this.decisionsSeen = decisionsSeen;
    this.out = out;
    this.thread = new Thread(this::run, "subsidy-demo-feed");
    thread.setDaemon(true);
  }

  public DemoFeed start() {
    thread.start();
    return this;
  }

  /** Records published so far, by {@code produce --type} kind (plus {@code undecodable}). */
  public Map<String, Long> published() {
    final Map<String, Long> counts = new LinkedHashMap<>();
    for (String kind : KINDS) {
      counts.put(kind, publisher == null ? 0 : publisher.acknowledged(kind));
    }
    return counts;
  }

  private void run() {
    try {
      publisher = new ContractPublisher(client, registry, topics);
      final DemoScenario scenario =
          DemoScenario.of(SEED, enterprises, START, MEAN_GAP, Mix.defaults());
      final long resumed = applicationsAlreadyPublished();
      if (resumed == 0) {
        scenario.enterprises().forEach(this::publish);
        scenario.budgets().forEach(this::publish);
        publisher.flush();
        out.printf(
            "Demo             registry of %,d enterprises and %d budgets published%n",
            publisher.acknowledged(Generated.ENTERPRISE), publisher.acknowledged(Generated.BUDGET));
      } else {
        // Already on the compacted topics; the initial budgets again would undo later raises.
        out.printf(
            "Demo             resuming after %,d applications already on the topics%n", resumed);
      }
      stream(scenario, resumed);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      if (running) {
        out.println("Demo             stopped: " + e);
      }
    }
  }

  private void stream(DemoScenario scenario, long resumed) throws InterruptedException {
    final ApplicationGenerator applications = scenario.applicationGenerator();
    for (long i = 0; i < resumed; i++) {
      eventTime = applications.next().eventTime(); // deterministic: skip what is already there
    }
    final Deque<Generated> changes =
        new ArrayDeque<>(
            scenario.enterpriseChanges(
                START.plusMillis(1), START.plus(MEAN_GAP.multipliedBy(RAISE_AFTER * 4))));
    if (resumed > 0) {
      changes.removeIf(c -> !c.eventTime().isAfter(eventTime)); // published by the earlier run
    }
    final HostileRecords hostile = new HostileRecords(SEED, START);
    long count = resumed;
    final long began = System.nanoTime();
    long nextProgress = began + PROGRESS_NANOS;
    while (running) {
      final long due = (System.nanoTime() - began) * ratePerSecond / 1_000_000_000L;
      if (count - resumed >= due) {
        Thread.sleep(10); // pacing only: record content never reads the wall clock
      } else {
        final Generated application = applications.next();
        eventTime = application.eventTime();
        while (!changes.isEmpty() && !changes.peekFirst().eventTime().isAfter(eventTime)) {
          publish(changes.pollFirst());
        }
        if (++count == RAISE_AFTER) {
          scenario.budgetRaises(eventTime).forEach(this::publish);
          out.println(
              "Demo             budgets raised at "
                  + eventTime
                  + " (ZGC and BH rent relief, XA innovation loans)");
        }
        publish(application);
        if (count % GARBAGE_EVERY == 0) {
          publishGarbage(hostile, application);
        }
      }
      if (System.nanoTime() >= nextProgress) {
        nextProgress += PROGRESS_NANOS;
        progress();
      }
      final Exception failed = publisher.takeFailure();
      if (failed != null) {
        out.println("Demo             a record was not published: " + failed.getMessage());
      }
    }
  }

  /** Applications on the three topics already: a restart carries on from there. */
  private long applicationsAlreadyPublished() throws ExecutionException, InterruptedException {
    try (Admin admin = Admin.create(client)) {
      final List<String> names = Catalogue.programmes().stream().map(topics::applications).toList();
      final Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
      for (TopicDescription d : admin.describeTopics(names).allTopicNames().get().values()) {
        d.partitions()
            .forEach(
                p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest()));
      }
      final long records =
          admin.listOffsets(latest).all().get().values().stream()
              .mapToLong(info -> info.offset())
              .sum();
      return records
          - records / (GARBAGE_EVERY + 1); // the undecodable ones are not the generator's
    }
  }

  private void progress() {
    final Map<String, Long> counts = published();
    final String published =
        KINDS.stream()
            .map(kind -> String.format("%s %,d", kind, counts.get(kind)))
            .collect(Collectors.joining(", "));
    out.printf(
        "Demo             event time %s · published %s · decisions seen %,d%n",
        eventTime, published, decisionsSeen.getAsLong());
  }

  private void publish(Generated record) {
    publisher.publish(record);
  }

  private void publishGarbage(HostileRecords hostile, Generated next) {
    final byte[] bytes = hostile.randomBytes(next.topicKind(), 24).value();
    publisher.raw(
        Catalogue.recordKind(next.topicKind()).topic(topics),
        next.key() + "-garbage",
        bytes,
        next.eventTime(),
        GARBAGE);
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    thread.interrupt();
    thread.join(Duration.ofSeconds(10).toMillis());
    if (publisher != null) {
      publisher.close();
    }
  }
}
