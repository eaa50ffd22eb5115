package cn.gxq.subsidy.app;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hostile test's books: per source topic and dead-letter code how many records must arrive, per
 * application id the reason its decision must carry, and what the broker refused.
 */
final class HostileLedger {

  private final Map<String, Map<String, Integer>> letters = new HashMap<>();
  private final Map<String, String> reasons = new HashMap<>();
  private final Map<String, String> descriptions = new HashMap<>();
  private final List<String> unexpected = new ArrayList<>();
  private long sent;
  private long refused;
  private long expectedRefusals;

  void letter(String topic, String code) {
    letters.computeIfAbsent(topic, k -> new HashMap<>()).merge(code, 1, Integer::sum);
  }

  void decision(String id, String reason, String description) {
    if (reasons.put(id, reason) != null) {
      throw new IllegalStateException("application id used twice: " + id);
    }
    descriptions.put(id, description);
  }

  void expectRefusal() {
    expectedRefusals++;
  }

  void sentOne() {
    sent++;
  }

  void refusedOne() {
    refused++;
  }

  void refusedUnexpectedly(String why) {
    unexpected.add(why);
  }

  /** Records the broker accepted, plus those it refused (as the brief counts "sent"). */
  long sent() {
    return sent + refused;
  }

  long refused() {
    return refused;
  }

  long expectedRefusals() {
    return expectedRefusals;
  }

  List<String> refusedUnexpectedly() {
    return unexpected;
  }

  Map<String, Map<String, Integer>> expectedLetters() {
    return letters;
  }

  long expectedLetterCount() {
    return letters.values().stream()
        .flatMap(m -> m.values().stream())
        .mapToLong(Integer::longValue)
        .sum();
  }

  /** Application id → the reason code its decision must carry ("" for any decision). */
  Map<String, String> expectedReasons() {
    return reasons;
  }

  String description(String id) {
    return descriptions.get(id);
  }
}
