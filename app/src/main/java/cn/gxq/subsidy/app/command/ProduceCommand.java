package cn.gxq.subsidy.app.command;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.json.RecordJsonException;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code produce --type T}: one JSON record per line on stdin, published as Avro in the Confluent
 * wire format with the contract's key and the record's event time as its timestamp. A bad line is
 * reported with its number and skipped; the exit status says whether any was bad.
 */
@Command(
    name = "produce",
    mixinStandardHelpOptions = true,
    description = "Publish JSON lines from stdin as Avro records (one record per line).",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
      "0:every line was published",
      "1:some lines were bad (reported on stderr)",
      "2:usage error",
      "3:the broker or registry failed"
    })
public final class ProduceCommand implements Callable<Integer> {

  @Mixin public ClusterOptions cluster;

  @Option(
      names = "--type",
      required = true,
      paramLabel = "TYPE",
      completionCandidates = RecordKindNames.class,
      description = "One of ${COMPLETION-CANDIDATES}.")
  String type;

  @Override
  public Integer call() throws Exception {
    final RecordKind recordType;
    try {
      recordType = Catalogue.recordKind(type);
    } catch (IllegalArgumentException e) {
      System.err.println("produce: " + e.getMessage());
      return 2;
    }
    try (SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl)) {
      return publish(
          recordType,
          registry,
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)),
          System.err);
    }
  }

  public int publish(
      RecordKind recordType, SchemaRegistryClient registry, BufferedReader in, PrintStream err)
      throws Exception {
    final String topic = recordType.topic(cluster.topics());
    final RecordJson json = new RecordJson();
    final AtomicInteger failed = new AtomicInteger();
    int published = 0;
    int bad = 0;
    try (KafkaProducer<String, SpecificRecord> producer =
        new KafkaProducer<>(
            producerConfig(), new StringSerializer(), serializer(recordType, registry))) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        final SpecificRecord record = readLine(json, recordType, line, number, err);
        if (record == null) {
          bad++;
          continue;
        }
        published++;
        if (!send(
            producer,
            new ProducerRecord<>(
                topic,
                null,
                recordType.eventTime(record).toEpochMilli(),
                recordType.key(record),
                record),
            number,
            err,
            failed)) {
          break;
        }
      }
      producer.flush();
    }
    err.printf(
        "produce: %d published to %s, %d bad line(s), %d failed%n",
        published - failed.get(), topic, bad, failed.get());
    return failed.get() > 0 ? 3 : bad > 0 ? 1 : 0;
  }

  /**
   * The line's record, or null when it is bad: then every problem of the line is reported on its
   * own, including an event time the broker would refuse (too far ahead), which would otherwise
   * come back as the broker's own words and fail the whole run.
   */
  private static SpecificRecord readLine(
      RecordJson json, RecordKind kind, String line, int number, PrintStream err) {
    final SpecificRecord record;
    try {
      record = json.read(line, kind.recordClass());
    } catch (RecordJsonException e) {
      e.problems().forEach(problem -> err.println("line " + number + ": " + problem));
      return null;
    }
    final Optional<String> ahead = EventTimes.tooFarAhead(kind, record, Instant.now());
    ahead.ifPresent(problem -> err.println("line " + number + ": " + problem));
    return ahead.isPresent() ? null : record;
  }

  /**
   * Sends one line's record; a failure reported later is counted in {@code failed}. False when the
   * send itself failed: the value is serialized inside send(), so the registry failing surfaces
   * here, and every later line would fail the same way.
   */
  private static boolean send(
      KafkaProducer<String, SpecificRecord> producer,
      ProducerRecord<String, SpecificRecord> record,
      int lineNumber,
      PrintStream err,
      AtomicInteger failed) {
    try {
      producer.send(
          record,
          (metadata, exception) -> {
            if (exception != null) {
              err.println(
                  "line "
                      + lineNumber
                      + ": not published: "
                      + exception.getMessage()
                      + (exception instanceof AuthorizationException
                          ? " (refused by the broker: check the role in --client-config)"
                          : ""));
              failed.incrementAndGet();
            }
          });
      return true;
    } catch (RuntimeException e) {
      err.println(
          "line "
              + lineNumber
              + ": not published: "
              + e.getMessage()
              + " (schema registry or serialization failed; the remaining lines are not"
              + " published)");
      failed.incrementAndGet();
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static AvroSerializer<SpecificRecord> serializer(
      RecordKind type, SchemaRegistryClient registry) {
    return new AvroSerializer<>((Class<SpecificRecord>) type.recordClass(), registry, false);
  }

  private Properties producerConfig() {
    final Properties props = cluster.clientProperties();
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
    return props;
  }
}
