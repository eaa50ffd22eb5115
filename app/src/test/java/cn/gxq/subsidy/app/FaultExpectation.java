package cn.gxq.subsidy.app;

import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.demo.HostileRecord;
import cn.gxq.subsidy.programme.ApplicationHeader;
import cn.gxq.subsidy.programme.Catalogue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a run published, in the terms the verifier checks: per application the revisions sent
 * (revisions start at 1 and stay below 64 in the generator, so a bit mask holds them), and per
 * hostile record the dead letter it must become.
 */
final class FaultExpectation {

  /** One expected dead letter: where it came from, its code, its key and its bytes. */
  record Letter(String sourceTopic, String code, String key, String valueBase64) {}

  private final Map<String, Long> revisions = new HashMap<>();
  private final Map<String, Integer> latest = new HashMap<>();
  private final List<Letter> letters = new ArrayList<>();

  FaultExpectation(List<Generated> timeline, List<HostileRecord> hostile, Topics topics) {
    for (Generated g : timeline) {
      if (!g.isApplication()) {
        continue;
      }
      final ApplicationHeader h = ApplicationHeader.of(g.value());
      if (h.revision() < 1 || h.revision() > 63) {
        throw new IllegalArgumentException("revision out of the mask's range: " + h);
      }
      revisions.merge(h.applicationId(), 1L << h.revision(), (a, b) -> a | b);
      latest.merge(h.applicationId(), h.revision(), Math::max);
    }
    for (HostileRecord r : hostile) {
      letters.add(
          new Letter(
              Catalogue.recordKind(r.topicKind()).topic(topics),
              r.expected().name(),
              r.key(),
              r.value() == null ? null : Base64.getEncoder().encodeToString(r.value())));
    }
  }

  /** Application id → bit mask of the revisions published. */
  Map<String, Long> revisions() {
    return revisions;
  }

  Map<String, Integer> latest() {
    return latest;
  }

  List<Letter> letters() {
    return letters;
  }
}
