package cn.gxq.subsidy.registry;

import cn.gxq.subsidy.registry.AvroSchemas.ParsedSchema;
import cn.gxq.subsidy.registry.LogRecords.LevelChange;
import cn.gxq.subsidy.registry.LogRecords.LogRecord;
import cn.gxq.subsidy.registry.LogRecords.Registration;
import cn.gxq.subsidy.registry.SchemaState.Decision;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registry's store: a single-partition compacted Kafka topic applied in order to a {@link
 * SchemaState}.
 *
 * <p>Writes never touch the state directly. A write appends a record, waits until this instance's
 * applier thread has consumed past that record's offset, and answers with what applying it decided.
 * Every instance runs the same applier over the same log, so all of them reach the same ids and
 * versions, whichever instance took the request. Record formats are described in {@link
 * LogRecords}.
 */
final class SchemaLog implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaLog.class);

  private final String topic;
  private final TopicPartition partition;
  private final short replicationFactor;
  private final Duration timeout;
  private final Admin admin;
  private final KafkaProducer<String, String> producer;
  private final KafkaConsumer<String, String> consumer;
  private final Thread applier;

  // Guarded by "this": the state, the applied position and the decisions awaited by local writers.
  private final SchemaState state = new SchemaState();
  private final Set<String> awaited = new HashSet<>();
  private final Map<String, Decision> decisions = new HashMap<>();
  private long appliedUpTo;
  private volatile boolean running = true;

  SchemaLog(
      final Map<String, Object> clientProperties,
      final String topic,
      final short replicationFactor,
      final Duration timeout) {
    this.topic = topic;
    this.partition = new TopicPartition(topic, 0);
    this.replicationFactor = replicationFactor;
    this.timeout = timeout;
    this.admin = Admin.create(clientProperties);
    this.producer =
        new KafkaProducer<>(
            producerProperties(clientProperties, timeout),
            new StringSerializer(),
            new StringSerializer());
    this.consumer =
        new KafkaConsumer<>(
            consumerProperties(clientProperties),
            new StringDeserializer(),
            new StringDeserializer());
    this.applier = new Thread(this::applyLoop, "schema-log-applier-" + topic);
    this.applier.setDaemon(true);
  }

  /** Creates the topic if missing, then reads the whole log before returning. */
  void start() {
    ensureTopic();
    consumer.assign(List.of(partition));
    consumer.seekToBeginning(List.of(partition));
    applier.start();
    catchUp();
  }

  /** Runs a query against the applied state. */
  synchronized <T> T read(final Function<SchemaState, T> query) {
    return query.apply(state);
  }

  /**
   * Registers a schema under a subject through the log and returns the applied decision, which may
   * be an existing version (nothing written) or a refusal.
   */
  Decision register(final String subject, final ParsedSchema schema) {
    // Decide on an up-to-date view first: known schemas and certain refusals need no log record.
    catchUp();
    final CompatibilityLevel level;
    synchronized (this) {
      final Decision preview = state.decide(subject, schema, state.effectiveLevel(subject));
      if (preview.kind() != Decision.Kind.CREATED) {
        return preview;
      }
      level = state.effectiveLevel(subject);
    }
    final Registration request =
        new Registration(UUID.randomUUID().toString(), subject, schema.normalized(), level);
    synchronized (this) {
      awaited.add(request.requestId());
    }
    try {
      awaitApplied(append(LogRecords.key(request), LogRecords.value(request)));
      synchronized (this) {
        final Decision decision = decisions.remove(request.requestId());
        if (decision == null) {
          throw RegistryException.storeFailure(
              "registration "
                  + request.requestId()
                  + " was not found in the log after it was written",
              null);
        }
        return decision;
      }
    } finally {
      synchronized (this) {
        awaited.remove(request.requestId());
        decisions.remove(request.requestId());
      }
    }
  }

  /** Sets (or with a null level clears) a subject's level, or the global one for a null subject. */
  void setLevel(final String subject, final CompatibilityLevel level) {
    final LevelChange change = new LevelChange(subject, level);
    awaitApplied(append(LogRecords.key(change), LogRecords.value(change)));
  }

  private long append(final String key, final String value) {
    try {
      return producer
          .send(new ProducerRecord<>(topic, 0, key, value))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeFailure("interrupted while writing to " + topic, e);
    } catch (ExecutionException e) {
      throw RegistryException.storeFailure("cannot write to " + topic, e.getCause());
    } catch (TimeoutException | KafkaException e) {
      throw RegistryException.storeFailure("cannot write to " + topic, e);
    }
  }

  /** Waits until everything written to the log so far, by anyone, has been applied here. */
  private void catchUp() {
    final long end;
    try {
      end =
          admin
              .listOffsets(Map.of(partition, OffsetSpec.latest()))
              .partitionResult(partition)
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .offset();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw RegistryException.storeFailure("interrupted while reading the end of " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw RegistryException.storeFailure("cannot read the end of " + topic, e);
    }
    if (end > 0) {
      awaitApplied(end - 1);
    }
  }

  // Waits by position, not by record: compaction may remove the record itself before it is read
  // here.
  private synchronized void awaitApplied(final long offset) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (appliedUpTo <= offset) {
      final long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
      if (left <= 0 || !running) {
        throw RegistryException.storeFailure(
            "offset "
                + offset
                + " of "
                + topic
                + " was not applied within "
                + timeout.toMillis()
                + " ms",
            null);
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw RegistryException.storeFailure("interrupted while waiting for " + topic, e);
      }
    }
  }

  private void applyLoop() {
    while (running) {
      try {
        final var records = consumer.poll(Duration.ofMillis(200));
        final long position = consumer.position(partition);
        synchronized (this) {
          for (ConsumerRecord<String, String> r : records) {
            apply(r);
          }
          appliedUpTo = position;
          notifyAll();
        }
      } catch (WakeupException e) {
        // close() asked us to stop.
      } catch (RuntimeException e) {
        LOG.error("Reading {} failed; retrying", topic, e);
        sleepQuietly();
      }
    }
  }

  private void apply(final ConsumerRecord<String, String> r) {
    final Optional<LogRecord> decoded = LogRecords.decode(r.key(), r.value());
    if (decoded.isEmpty()) {
      LOG.warn("Skipping unreadable record at offset {} of {}", r.offset(), topic);
      return;
    }
    final Optional<Decision> decision = state.apply(decoded.get());
    if (decoded.get() instanceof Registration reg && awaited.contains(reg.requestId())) {
      decision.ifPresent(d -> decisions.put(reg.requestId(), d));
    }
  }

  private void ensureTopic() {
    try {
      try {
        admin
            .createTopics(
                List.of(
                    new NewTopic(topic, 1, replicationFactor)
                        .configs(
                            Map.of(
                                TopicConfig.CLEANUP_POLICY_CONFIG,
                                TopicConfig.CLEANUP_POLICY_COMPACT))))
            .all()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Created schema topic {}", topic);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof TopicExistsException)) {
          throw e;
        }
      }
      final TopicDescription description = describeOnceVisible();
      if (description.partitions().size() != 1) {
        // Order across partitions is undefined, and ids depend on order.
        throw new IllegalStateException(
            "Schema topic "
                + topic
                + " has "
                + description.partitions().size()
                + " partitions; the registry needs exactly 1.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while preparing schema topic " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "Cannot create or describe schema topic " + topic + ": " + e, e);
    }
  }

  /**
   * A topic just created may not be in the broker's metadata yet, and describing it then fails with
   * UnknownTopicOrPartition: wait for it, within the start-up timeout.
   */
  private TopicDescription describeOnceVisible()
      throws ExecutionException, InterruptedException, TimeoutException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        return admin
            .describeTopics(List.of(topic))
            .allTopicNames()
            .get(timeout.toMillis(), TimeUnit.MILLISECONDS)
            .get(topic);
      } catch (ExecutionException e) {
        if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
            || System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(50);
      }
    }
  }

  private void sleepQuietly() {
    try {
      Thread.sleep(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    try {
      applier.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      notifyAll();
    }
    if (!applier.isAlive()) {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
    }
    producer.close(Duration.ofSeconds(5));
    admin.close(Duration.ofSeconds(5));
  }

  private static Map<String, Object> producerProperties(
      final Map<String, Object> client, final Duration timeout) {
    final Map<String, Object> p = new LinkedHashMap<>(client);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
    // Fail a write within the HTTP request's patience instead of Kafka's two-minute default.
    final int ms = (int) timeout.toMillis();
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ms);
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, ms);
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, ms);
    return p;
  }

  private static Map<String, Object> consumerProperties(final Map<String, Object> client) {
    final Map<String, Object> p = new LinkedHashMap<>(client);
    // No group: every instance reads the whole log itself.
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    return p;
  }
}
