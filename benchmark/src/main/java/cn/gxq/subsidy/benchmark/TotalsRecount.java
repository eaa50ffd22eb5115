package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.rules.Registration;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Recounts the totals from the decisions topic and compares them with the totals topic, as an
 * auditor outside the application would: the committed decisions, the latest (highest sequence) per
 * application, counted per {@code ZONE:PROGRAMME:YEAR} by status with the approved amount, and
 * summed over zones into {@code ALL}; against the latest record per key of the totals topic.
 */
final class TotalsRecount {

  /** One bucket's counts, as the totals topic carries them. */
  record Counts(
      long received,
      long approved,
      long rejected,
      long waitlisted,
      long withdrawn,
      BigDecimal approvedAmount) {

    static final Counts ZERO = new Counts(0, 0, 0, 0, 0, BigDecimal.ZERO);

    static Counts of(Totals t) {
      return new Counts(
          t.getReceived(),
          t.getApproved(),
          t.getRejected(),
          t.getWaitlisted(),
          t.getWithdrawn(),
          t.getApprovedAmount());
    }

    Counts plus(Counts o) {
      return new Counts(
          received + o.received,
          approved + o.approved,
          rejected + o.rejected,
          waitlisted + o.waitlisted,
          withdrawn + o.withdrawn,
          approvedAmount.add(o.approvedAmount));
    }

    boolean sameAs(Counts o) {
      return received == o.received
          && approved == o.approved
          && rejected == o.rejected
          && waitlisted == o.waitlisted
          && withdrawn == o.withdrawn
          && approvedAmount.compareTo(o.approvedAmount) == 0;
    }

    @Override
    public String toString() {
      return "received "
          + received
          + ", approved "
          + approved
          + " ("
          + approvedAmount.toPlainString()
          + "), rejected "
          + rejected
          + ", waitlisted "
          + waitlisted
          + ", withdrawn "
          + withdrawn;
    }
  }

  /**
   * What the recount found.
   *
   * @param decisions committed decision records read
   * @param applications applications with a current decision
   * @param buckets buckets compared (zone and ALL)
   * @param differences buckets whose counts differ, each {@code bucket: recount … / totals …}
   * @param recounted the recount per bucket
   * @param largestSeries the registration series (year + region) with the highest serial drawn, and
   *     that serial (of 999,999; partitions deal the space out in turn, so it is about the series'
   *     registrations)
   */
  record Result(
      long decisions,
      long applications,
      int buckets,
      List<String> differences,
      Map<String, Counts> recounted,
      String largestSeries,
      int largestSeriesSerials) {

    boolean equal() {
      return differences.isEmpty();
    }
  }

  private record Current(long sequence, String bucket, DecisionStatus status, BigDecimal amount) {}

  private TotalsRecount() {}

  static Result run(
      String bootstrap, SchemaRegistryClient registry, String decisionsTopic, String totalsTopic) {
    final AvroDeserializer<Decision> decisions = new AvroDeserializer<>(Decision.class, registry);
    final Map<String, Current> current = new HashMap<>();
    final Map<String, Integer> serials = new HashMap<>();
    final long[] read = new long[1];
    readCommitted(
        bootstrap,
        decisionsTopic,
        (topic, record) -> {
          read[0]++;
          final Decision d = decisions.deserialize(topic, record.value());
          final String number = d.getDetails().get(Registration.NUMBER);
          if (number != null && number.length() > 6) {
            // series (year + region) + a six-digit serial, dealt out over the partitions in turn
            final String series = number.substring(0, number.length() - 6);
            final int serial = Integer.parseInt(number.substring(number.length() - 6));
            serials.merge(series, serial, Math::max);
          }
          final Current seen = current.get(d.getApplicationId());
          if (seen == null || d.getSequence() > seen.sequence()) {
            final String bucket =
                new BucketKey(d.getZone(), d.getProgramme(), d.getYear()).toString().intern();
            current.put(
                d.getApplicationId(),
                new Current(d.getSequence(), bucket, d.getStatus(), d.getApprovedAmount()));
          }
        });
    final Map<String, Counts> recount = new TreeMap<>();
    for (Current c : current.values()) {
      final Counts one =
          new Counts(
              1,
              c.status() == DecisionStatus.APPROVED ? 1 : 0,
              c.status() == DecisionStatus.REJECTED ? 1 : 0,
              c.status() == DecisionStatus.WAITLISTED ? 1 : 0,
              c.status() == DecisionStatus.WITHDRAWN ? 1 : 0,
              c.status() == DecisionStatus.APPROVED ? c.amount() : BigDecimal.ZERO);
      recount.merge(c.bucket(), one, Counts::plus);
      recount.merge(BucketKey.parse(c.bucket()).all().toString(), one, Counts::plus);
    }
    final AvroDeserializer<Totals> totalsReader = new AvroDeserializer<>(Totals.class, registry);
    final Map<String, Counts> totals = new TreeMap<>();
    readCommitted(
        bootstrap,
        totalsTopic,
        (topic, record) -> {
          if (record.value() == null) {
            totals.remove(record.key());
          } else {
            totals.put(record.key(), Counts.of(totalsReader.deserialize(topic, record.value())));
          }
        });
    final List<String> differences = new ArrayList<>();
    final Map<String, Counts> keys = new TreeMap<>(recount);
    totals.keySet().forEach(k -> keys.putIfAbsent(k, Counts.ZERO));
    for (String bucket : keys.keySet()) {
      final Counts mine = recount.getOrDefault(bucket, Counts.ZERO);
      final Counts theirs = totals.getOrDefault(bucket, Counts.ZERO);
      if (!mine.sameAs(theirs)) {
        differences.add(
            bucket
                + ": recount "
                + mine
                + " / totals "
                + (totals.containsKey(bucket) ? theirs : "none"));
      }
    }
    String largest = "";
    int most = 0;
    for (Map.Entry<String, Integer> e : new TreeMap<>(serials).entrySet()) {
      if (e.getValue() > most) {
        most = e.getValue();
        largest = e.getKey();
      }
    }
    return new Result(read[0], current.size(), keys.size(), differences, recount, largest, most);
  }

  /** Every committed record of the topic up to its last stable offset when the read starts. */
  private static void readCommitted(
      String bootstrap, String topic, BiConsumer<String, ConsumerRecord<String, byte[]>> handler) {
    try (KafkaConsumer<String, byte[]> consumer = Clients.committedReader(bootstrap)) {
      final List<TopicPartition> partitions = Clients.fromStart(consumer, topic);
      // Under read_committed the end offsets are the last stable offsets.
      final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          handler.accept(topic, record);
        }
      }
    }
  }

  /** The figures for results.json. */
  static Map<String, Object> json(Result r) {
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("decisionRecords", r.decisions());
    m.put("applications", r.applications());
    m.put("buckets", r.buckets());
    m.put("equal", r.equal());
    m.put("differences", r.differences());
    final Map<String, Object> byBucket = new LinkedHashMap<>();
    r.recounted()
        .forEach(
            (k, c) -> {
              final Map<String, Object> b = new LinkedHashMap<>();
              b.put("received", c.received());
              b.put("approved", c.approved());
              b.put("approvedAmount", c.approvedAmount().toPlainString());
              b.put("rejected", c.rejected());
              b.put("waitlisted", c.waitlisted());
              b.put("withdrawn", c.withdrawn());
              byBucket.put(k, b);
            });
    m.put("recount", byBucket);
    m.put(
        "highestRegistrationSerial",
        Objects.requireNonNullElse(r.largestSeries(), "")
            + " "
            + r.largestSeriesSerials()
            + " of 999999");
    return m;
  }
}
