package cn.gxq.subsidy.app.command;

import cn.gxq.subsidy.avro.AccessRecord;
import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Movement;
import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code consume --topic decisions|totals|deadletter}: prints records as JSON lines, reading only
 * committed transactions. Stops after {@code --max} records or {@code --timeout} seconds without a
 * new record.
 */
@Command(
    name = "consume",
    mixinStandardHelpOptions = true,
    description = "Print decisions, totals or dead letters as JSON lines.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:done", "2:usage error", "4:refused by the broker (authorization)"})
public final class ConsumeCommand implements Callable<Integer> {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Mixin public ClusterOptions cluster;

  @Option(
      names = "--topic",
      required = true,
      paramLabel = "TOPIC",
      completionCandidates = ConsumableTopics.class,
      description =
          "One of ${COMPLETION-CANDIDATES}: what the pipeline decided, or what publishers sent"
              + " of a record kind.")
  public String topic;

  @Option(names = "--from-beginning", description = "Start at the oldest record, not the newest.")
  public boolean fromBeginning;

  @Option(names = "--max", paramLabel = "N", description = "Stop after N records.")
  public Long max;

  @Option(
      names = "--group",
      paramLabel = "GROUP_ID",
      description =
          "Consumer group (default: a new one each time; with ACLs, one your role may"
              + " use, e.g. finance-ledger).")
  String group;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      description =
          "Stop after this many seconds without a new record (default: run until Ctrl-C).")
  public Long timeoutSeconds;

  @Override
  public Integer call() throws Exception {
    final String name;
    try {
      name = topicName();
    } catch (IllegalArgumentException e) {
      System.err.println(
          "consume: unknown topic '" + topic + "'; one of " + ConsumableTopics.listed());
      return 2;
    }
    try (SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl)) {
      final long printed = print(name, registry, System.out);
      System.err.printf("consume: %d record(s) from %s%n", printed, name);
      return 0;
    } catch (AuthorizationException e) {
      System.err.println(
          "consume: refused by the broker: "
              + e.getMessage()
              + " (check the role in --client-config and use a --group your role may use)");
      return 4;
    }
  }

  private String topicName() {
    return switch (topic) {
      case "decisions" -> cluster.topics().decisions();
      case "totals" -> cluster.topics().totals();
      case "deadletter" -> cluster.topics().deadLetter();
      case "movements" -> cluster.topics().movements();
      case "settlements" -> cluster.topics().settlements();
      case "control-totals" -> cluster.topics().controlTotals();
      case "access-log" -> cluster.topics().accessLog();
      default -> Catalogue.recordKind(topic).topic(cluster.topics());
    };
  }

  private Class<? extends SpecificRecord> valueType() {
    return switch (topic) {
      case "decisions" -> Decision.class;
      case "totals" -> Totals.class;
      case "deadletter" -> null;
      case "movements" -> Movement.class;
      case "settlements" -> Settlement.class;
      case "control-totals" -> ControlTotals.class;
      case "access-log" -> AccessRecord.class;
      default -> Catalogue.recordKind(topic).recordClass();
    };
  }

  public long print(String topicName, SchemaRegistryClient registry, PrintStream out) {
    final RecordJson json = new RecordJson();
    final Class<? extends SpecificRecord> type = valueType();
    final Deserializer<? extends SpecificRecord> values =
        type == null ? null : new AvroDeserializer<>(type, registry);
    long printed = 0;
    long quietSince = System.nanoTime();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            consumerConfig(), new StringDeserializer(), new ByteArrayDeserializer())) {
      consumer.subscribe(List.of(topicName));
      while (max == null || printed < max) {
        boolean any = false;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
          any = true;
          final String line =
              values == null
                  ? deadLetterJson(record)
                  : json.write(values.deserialize(topicName, record.value()));
          out.println(line);
          printed++;
          if (max != null && printed >= max) {
            break;
          }
        }
        out.flush();
        if (any) {
          quietSince = System.nanoTime();
        } else if (timeoutSeconds != null
            && System.nanoTime() - quietSince > Duration.ofSeconds(timeoutSeconds).toNanos()) {
          break;
        }
      }
    }
    return printed;
  }

  /** Dead letters are bytes by definition: printed with their headers and the value in base64. */
  private static String deadLetterJson(ConsumerRecord<String, byte[]> record) {
    final ObjectNode node = MAPPER.createObjectNode();
    node.put("key", record.key());
    for (Header header : record.headers()) {
      node.put(
          header.key(),
          header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
    }
    node.put(
        "valueBase64",
        record.value() == null ? null : Base64.getEncoder().encodeToString(record.value()));
    return node.toString();
  }

  private Properties consumerConfig() {
    final Properties props = cluster.clientProperties();
    props.put(
        ConsumerConfig.GROUP_ID_CONFIG,
        group != null ? group : "subsidy-consume-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, fromBeginning ? "earliest" : "latest");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
    return props;
  }
}
