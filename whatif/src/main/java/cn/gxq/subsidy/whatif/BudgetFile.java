package cn.gxq.subsidy.whatif;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.json.RecordJsonException;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The budgets a what-if runs with instead of the live ones: JSON lines as for {@code produce --type
 * budget}, all checked before any is published, each with the contract's key and its event time.
 */
final class BudgetFile {

  private BudgetFile() {}

  static List<Budget> read(Path file) throws IOException {
    final RecordJson json = new RecordJson();
    final List<Budget> budgets = new ArrayList<>();
    final List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      try {
        budgets.add(json.read(lines.get(i), Budget.class));
      } catch (RecordJsonException e) {
        throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return budgets;
  }

  static int publish(Path file, Properties client, SchemaRegistryClient registry, String topic)
      throws Exception {
    final List<Budget> budgets = read(file);
    final Properties props = new Properties();
    props.putAll(client);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    try (KafkaProducer<String, Budget> producer =
        new KafkaProducer<>(
            props, new StringSerializer(), new AvroSerializer<>(Budget.class, registry, false))) {
      for (Budget budget : budgets) {
        final String key = budget.getZone() + ":" + budget.getProgramme() + ":" + budget.getYear();
        producer
            .send(
                new ProducerRecord<>(
                    topic, null, budget.getUpdatedAt().toEpochMilli(), key, budget))
            .get();
      }
    }
    return budgets.size();
  }
}
