package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.programme.ApplicationHeader;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.Verdict;
import cn.gxq.subsidy.serde.AvroDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A registry and a few hundred applications of all three programmes (with the generator's share of
 * invalid, unregistered, ineligible, duplicate, amended and withdrawn ones) through the real serde,
 * broker, registry and application. Every application's final decision is checked against a model
 * built from the pure rules, and every sequence against the decisions actually written.
 */
class DecisionPipelineIntegrationTest {

  private static final int APPLICATIONS = 400;

  @Test
  void everyApplicationEndsWithTheDecisionTheRulesAndClaimsCallFor() throws Exception {
    // One partition per input topic, so that publication order is the order the ledger sees
    // applications of one enterprise in; with several, the first processed of two competing
    // claims wins (see README, "Ordering"). The internal topics still re-key by enterprise and
    // programme.
    try (ClusterFixture cluster = new ClusterFixture(1);
        GeneratedPublisher publisher =
            new GeneratedPublisher(cluster.bootstrap(), cluster.client, cluster.topics)) {
      final DemoScenario scenario =
          DemoScenario.standard(7L, 300, Instant.parse("2022-03-01T00:00:00Z"));
      final List<Generated> applications = scenario.applicationGenerator().take(APPLICATIONS);
      publisher.publishAll(scenario.enterprises());
      // Undecodable input on an application topic and on the registry: dead letters, not stops.
      publisher.raw(
          cluster.topics.applications(
              cn.gxq.subsidy.programme.Catalogue.of(
                  cn.gxq.subsidy.avro.Programme.RD_SUPER_DEDUCTION)),
          "RD-garbage",
          new byte[] {0, 0, 0, 0, 42, 1, 2},
          0L);
      publisher.raw(
          cluster.topics.enterprises(),
          "91110000600037341L",
          "not avro".getBytes(StandardCharsets.UTF_8),
          0L);
      publisher.flush();
      cluster.startInstance("pipeline-it");
      publisher.publishAll(applications);

      final Map<String, SpecificRecord> latest = latestRevisions(applications);
      final Map<String, List<Decision>> decided = awaitDecisions(cluster, latest);
      final Map<String, Expected> expected = model(scenario.registry(), applications);

      assertThat(decided.keySet()).containsExactlyInAnyOrderElementsOf(latest.keySet());
      for (Map.Entry<String, List<Decision>> entry : decided.entrySet()) {
        final List<Decision> history = entry.getValue();
        assertThat(history)
            .extracting(Decision::getSequence)
            .as(entry.getKey())
            .containsExactlyElementsOf(sequence(history.size()));
        final Decision last = history.get(history.size() - 1);
        final Expected want = expected.get(entry.getKey());
        assertThat(last.getRevision()).as(entry.getKey()).isEqualTo(want.revision());
        assertThat(last.getStatus())
            .as("%s: %s", entry.getKey(), last.getReasons())
            .isEqualTo(want.status());
        assertThat(last.getApprovedAmount())
            .as(entry.getKey())
            .isEqualByComparingTo(want.approved());
        assertThat(last.getDecidedAt())
            .isEqualTo(ApplicationHeader.of(latest.get(entry.getKey())).submittedAt());
      }
      // The mix must have reached every outcome.
      assertThat(expected.values())
          .extracting(Expected::status)
          .contains(DecisionStatus.APPROVED, DecisionStatus.REJECTED, DecisionStatus.WITHDRAWN);

      final List<ConsumerRecord<String, byte[]>> letters =
          cluster.readUntil(
              cluster.topics.deadLetter(), r -> r.size() >= 2, Duration.ofSeconds(30));
      assertThat(letters)
          .extracting(r -> header(r, DeadLetter.ERROR_CODE))
          .containsExactlyInAnyOrder("UNKNOWN_SCHEMA", "UNDECODABLE");
      assertThat(letters)
          .extracting(r -> header(r, DeadLetter.SOURCE_TOPIC))
          .containsExactlyInAnyOrder(
              cluster.topics.applications(
                  cn.gxq.subsidy.programme.Catalogue.of(
                      cn.gxq.subsidy.avro.Programme.RD_SUPER_DEDUCTION)),
              cluster.topics.enterprises());
    }
  }

  private record Expected(int revision, DecisionStatus status, java.math.BigDecimal approved) {}

  /**
   * The model: in publication order, the rules' verdict on the enterprise as registered (the
   * registry is published before every submission), withdrawals, and one claim per holder.
   */
  private static Map<String, Expected> model(
      List<Enterprise> registry, List<Generated> applications) {
    final Rulebook rules = Rulebook.fromDefaultPolicy();
    final Map<String, Enterprise> byCode =
        registry.stream().collect(Collectors.toMap(Enterprise::getCreditCode, Function.identity()));
    final Map<String, Expected> state = new HashMap<>();
    final Map<String, String> claimHolder = new HashMap<>();
    final Map<String, String> claimOf = new HashMap<>();
    for (Generated g : applications) {
      final SpecificRecord app = g.value();
      final ApplicationHeader header = ApplicationHeader.of(app);
      final Expected prior = state.get(header.applicationId());
      if (prior != null && header.revision() <= prior.revision()) {
        continue;
      }
      final String held = claimOf.remove(header.applicationId());
      if (held != null) {
        claimHolder.remove(held);
      }
      final Outcome outcome = rules.decide(app, byCode.get(header.creditCode()));
      final Expected next;
      if (header.withdrawn()) {
        next = new Expected(header.revision(), DecisionStatus.WITHDRAWN, java.math.BigDecimal.ZERO);
      } else if (outcome.verdict() == Verdict.REJECTED) {
        next = new Expected(header.revision(), DecisionStatus.REJECTED, java.math.BigDecimal.ZERO);
      } else if (claimHolder.containsKey(outcome.claimKey())) {
        next = new Expected(header.revision(), DecisionStatus.REJECTED, java.math.BigDecimal.ZERO);
      } else {
        claimHolder.put(outcome.claimKey(), header.applicationId());
        claimOf.put(header.applicationId(), outcome.claimKey());
        next = new Expected(header.revision(), DecisionStatus.APPROVED, outcome.eligibleAmount());
      }
      state.put(header.applicationId(), next);
    }
    return state;
  }

  private static Map<String, SpecificRecord> latestRevisions(List<Generated> applications) {
    final Map<String, SpecificRecord> latest = new LinkedHashMap<>();
    for (Generated g : applications) {
      final ApplicationHeader header = ApplicationHeader.of(g.value());
      final SpecificRecord seen = latest.get(header.applicationId());
      if (seen == null || ApplicationHeader.of(seen).revision() < header.revision()) {
        latest.put(header.applicationId(), g.value());
      }
    }
    return latest;
  }

  /** Decisions per application, in order, once each application's latest revision is decided. */
  private static Map<String, List<Decision>> awaitDecisions(
      ClusterFixture cluster, Map<String, SpecificRecord> latest) {
    final AvroDeserializer<Decision> decode =
        new AvroDeserializer<>(Decision.class, cluster.client);
    final Map<String, List<Decision>> byId = new LinkedHashMap<>();
    cluster.readUntil(
        cluster.topics.decisions(),
        records -> {
          byId.clear();
          for (ConsumerRecord<String, byte[]> r : records) {
            byId.computeIfAbsent(r.key(), k -> new ArrayList<>())
                .add(decode.deserialize(r.topic(), r.value()));
          }
          return latest.entrySet().stream()
              .allMatch(
                  e ->
                      byId.containsKey(e.getKey())
                          && byId.get(e.getKey()).stream()
                              .anyMatch(
                                  d ->
                                      d.getRevision()
                                          == ApplicationHeader.of(e.getValue()).revision()));
        },
        Duration.ofSeconds(90));
    return byId;
  }

  private static List<Long> sequence(int n) {
    final List<Long> s = new ArrayList<>();
    for (long i = 1; i <= n; i++) {
      s.add(i);
    }
    return s;
  }

  private static String header(ConsumerRecord<String, byte[]> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
