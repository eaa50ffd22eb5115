package cn.gxq.subsidy.app;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.demo.HostileRecord;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes a timeline at a steady pace, with hostile records spread through it, and rides out
 * broker restarts: an idempotent producer (acks=all) that retries for up to two minutes, so each
 * record is written once as far as the producer can tell, and any record it gives up on is counted,
 * not lost silently. Every acknowledgement is remembered (partition, offset, key, value hash) so
 * that the log can be checked for it afterwards. With {@code acks=1} (an experiment) the producer
 * cannot be idempotent: a retried batch may then be written twice.
 */
final class FaultFeeder implements AutoCloseable {

  /** Longer than any broker restart here (≤ 40 s), short enough not to stall the run. */
  private static final int PATIENCE_MS = (int) Duration.ofMinutes(2).toMillis();

  private final Topics topics;
  private final SchemaRegistryClient registry;
  private final List<Generated> timeline;
  private final List<HostileRecord> hostile;
  private final double perSecond;
  private final KafkaProducer<String, byte[]> producer;
  private final Map<RecordKind, AvroSerializer<SpecificRecord>> serializers = new HashMap<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicLong acked = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicReference<Exception> firstFailure = new AtomicReference<>();
  private final List<ProducerRecord<String, byte[]>> uncertain =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private final List<FaultAckedCheck.Ack> acks =
      java.util.Collections.synchronizedList(new java.util.ArrayList<>());
  private final Thread thread;

  /**
   * @param timeline what to publish, in order
   * @param hostile sent at even intervals among the timeline's applications
   * @param perSecond publication rate once the registry and budgets (sent at once) are out
   */
  FaultFeeder(
      String bootstrap,
      SchemaRegistryClient registry,
      Topics topics,
      List<Generated> timeline,
      List<HostileRecord> hostile,
      double perSecond,
      String acksSetting) {
    this.topics = topics;
    this.registry = registry;
    this.timeline = timeline;
    this.hostile = hostile;
    this.perSecond = perSecond;
    final Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, acksSetting);
    // Idempotence needs acks=all; the acks=1 experiment does without it.
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "all".equals(acksSetting));
    props.put(ProducerConfig.RETRIES_CONFIG, Integer.MAX_VALUE);
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, PATIENCE_MS);
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, PATIENCE_MS);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    // Register every schema now, while broker and registry are surely up.
    timeline.stream()
        .map(Generated::topicKind)
        .distinct()
        .forEach(
            kind ->
                timeline.stream()
                    .filter(g -> g.topicKind().equals(kind))
                    .findFirst()
                    .ifPresent(this::serialize));
    thread = new Thread(this::run, "fault-feeder");
    thread.setDaemon(true);
  }

  FaultFeeder start() {
    thread.start();
    return this;
  }

  private void run() {
    final int head = (int) timeline.stream().takeWhile(g -> !g.isApplication()).count();
    final int paced = timeline.size() - head;
    final int hostileEvery = Math.max(1, paced / (hostile.size() + 1));
    int nextHostile = 0;
    final long begin = System.nanoTime();
    for (int i = 0; i < timeline.size(); i++) {
      final Generated g = timeline.get(i);
      if (i >= head) {
        pace(begin, i - head);
        if (nextHostile < hostile.size() && (i - head + 1) % hostileEvery == 0) {
          send(hostile.get(nextHostile++), g.eventTime().toEpochMilli());
        }
      }
      final String topic = Catalogue.recordKind(g.topicKind()).topic(topics);
      send(topic, g.key(), serialize(g), g.eventTime().toEpochMilli());
    }
    while (nextHostile < hostile.size()) {
      send(
          hostile.get(nextHostile++), timeline.get(timeline.size() - 1).eventTime().toEpochMilli());
    }
    producer.flush();
  }

  private void pace(long begin, int index) {
    final long due = begin + (long) (index / perSecond * 1e9);
    final long wait = due - System.nanoTime();
    if (wait > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void send(HostileRecord h, long timestamp) {
    send(Catalogue.recordKind(h.topicKind()).topic(topics), h.key(), h.value(), timestamp);
  }

  private void send(String topic, String key, byte[] value, long timestamp) {
    sent.incrementAndGet();
    final ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic, null, timestamp, key, value);
    final Callback done =
        (metadata, e) -> {
          if (e == null) {
            acked.incrementAndGet();
            acks.add(
                new FaultAckedCheck.Ack(
                    new org.apache.kafka.common.TopicPartition(
                        metadata.topic(), metadata.partition()),
                    metadata.offset(),
                    key,
                    FaultAckedCheck.hash(value)));
          } else {
            // Not necessarily lost: a batch written just before a broker SIGKILL whose answer was
            // lost is retried with OUT_OF_ORDER_SEQUENCE_NUMBER until the delivery timeout.
            failed.incrementAndGet();
            firstFailure.compareAndSet(null, e);
            uncertain.add(record);
          }
        };
    producer.send(record, done);
  }

  @SuppressWarnings("unchecked")
  private byte[] serialize(Generated g) {
    final RecordKind type = Catalogue.recordKind(g.topicKind());
    return serializers
        .computeIfAbsent(
            type,
            t -> new AvroSerializer<>((Class<SpecificRecord>) t.recordClass(), registry, false))
        .serialize(type.topic(topics), g.value());
  }

  /** Records handed to the producer so far (timeline and hostile). */
  int sent() {
    return sent.get();
  }

  long acked() {
    return acked.get();
  }

  long failed() {
    return failed.get();
  }

  /** The records whose send failed: whether they were written, the topics must tell. */
  List<ProducerRecord<String, byte[]>> uncertain() {
    return List.copyOf(uncertain);
  }

  /** Every acknowledged send: where the broker said it put it. */
  List<FaultAckedCheck.Ack> acks() {
    return List.copyOf(acks);
  }

  Exception firstFailure() {
    return firstFailure.get();
  }

  boolean awaitDone(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    return !thread.isAlive();
  }

  @Override
  public void close() {
    thread.interrupt();
    producer.close(Duration.ofSeconds(10));
  }
}
