package cn.gxq.subsidy.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Settles sends the producer reported as failed by reading their topics: each such record must be
 * there exactly once (written before the broker died, its answer lost), or the run fails.
 */
final class FaultUncertainSends {

  private record Fingerprint(String key, int hash, int length) {
    static Fingerprint of(String key, byte[] value) {
      return new Fingerprint(key, Arrays.hashCode(value), value == null ? -1 : value.length);
    }
  }

  private final FaultTopicReader reader;

  FaultUncertainSends(String bootstrap) {
    this.reader = new FaultTopicReader(bootstrap);
  }

  /**
   * @return one problem per record not found exactly once
   */
  List<String> check(List<ProducerRecord<String, byte[]>> uncertain) {
    final Map<String, Map<Fingerprint, Integer>> wanted = new HashMap<>();
    for (ProducerRecord<String, byte[]> r : uncertain) {
      wanted
          .computeIfAbsent(r.topic(), t -> new HashMap<>())
          .put(Fingerprint.of(r.key(), r.value()), 0);
    }
    for (Map.Entry<String, Map<Fingerprint, Integer>> topic : wanted.entrySet()) {
      reader.read(
          topic.getKey(),
          r ->
              topic
                  .getValue()
                  .computeIfPresent(Fingerprint.of(r.key(), r.value()), (f, n) -> n + 1),
          // Not just a quiet spell: on a loaded machine the first records may take longer than
          // that to arrive, and stopping then would call every record absent.
          () -> topic.getValue().values().stream().allMatch(n -> n > 0),
          Duration.ofSeconds(5),
          Duration.ofMinutes(2));
    }
    final List<String> problems = new ArrayList<>();
    wanted.forEach(
        (topic, found) ->
            found.forEach(
                (f, n) -> {
                  if (!Objects.equals(n, 1)) {
                    problems.add(
                        String.format(
                            "failed send to %s key=%s found %d times", topic, f.key(), n));
                  }
                }));
    return problems;
  }
}
