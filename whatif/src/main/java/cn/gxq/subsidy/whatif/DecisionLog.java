package cn.gxq.subsidy.whatif;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.contract.CommittedScan;
import cn.gxq.subsidy.serde.AvroDeserializer;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import org.apache.kafka.common.TopicPartition;

/**
 * A decisions topic read once from its beginning to its end as it stands (committed transactions
 * only, no consumer group): the decision with the highest sequence per application id among those a
 * filter accepts, and how many revisions were decided.
 */
final class DecisionLog {

  private final Map<String, DecidedApplication> latest = new HashMap<>();
  private long revisions;

  Map<String, DecidedApplication> latest() {
    return latest;
  }

  /** Distinct (application id, revision) pairs decided. */
  long revisions() {
    return revisions;
  }

  static DecisionLog read(
      Properties client, SchemaRegistryClient registry, String topic, Predicate<Decision> accept) {
    return read(client, registry, topic, null, accept);
  }

  /** As above, up to the given ends of the topic's partitions instead of its ends now. */
  static DecisionLog read(
      Properties client,
      SchemaRegistryClient registry,
      String topic,
      Map<TopicPartition, Long> upTo,
      Predicate<Decision> accept) {
    final AvroDeserializer<Decision> decisions = new AvroDeserializer<>(Decision.class, registry);
    final DecisionLog log = new DecisionLog();
    CommittedScan.read(
        client,
        upTo != null ? upTo : CommittedScan.endsNow(client, topic),
        record -> {
          final Decision decision = decisions.deserialize(topic, record.value());
          if (accept.test(decision)) {
            log.add(decision);
          }
        });
    return log;
  }

  private void add(Decision decision) {
    final DecidedApplication before = latest.get(decision.getApplicationId());
    if (before == null || decision.getRevision() > before.revision()) {
      revisions++;
    }
    if (before == null || decision.getSequence() > before.sequence()) {
      latest.put(decision.getApplicationId(), DecidedApplication.of(decision));
    }
  }
}
