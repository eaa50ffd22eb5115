package cn.gxq.subsidy.topology;

import static cn.gxq.subsidy.topology.Fixtures.at;
import static cn.gxq.subsidy.topology.Fixtures.budget;
import static cn.gxq.subsidy.topology.Fixtures.creditCode;
import static cn.gxq.subsidy.topology.Fixtures.rentRelief;
import static cn.gxq.subsidy.topology.Fixtures.smallSoftwareFirm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Live keeps a changelog of every store the topology builds, so a task's state survives; a what-if
 * replay keeps none (it starts clean and runs to the end or not at all) and decides the same.
 */
class ReplayStateTest {

  private static final Instant REGISTERED = at("2022-01-01T00:00:00Z");
  private static final Instant SUBMITTED = at("2022-04-01T02:00:00Z");

  /** What one approved application leads the topology to write, and its decision. */
  private record Run(Set<String> changelogs, List<Decision> decisions, int movements) {}

  private static Run run(TopologySettings settings) {
    try (TopologyHarness harness = new TopologyHarness(settings)) {
      harness.allot(budget("ZGC", "1000000.00", REGISTERED));
      harness.register(smallSoftwareFirm(creditCode(1), "ZGC", REGISTERED).build());
      harness.submit(rentRelief("RR-1", creditCode(1), "10000.00", SUBMITTED).build());
      final List<Decision> decisions = harness.newDecisions();
      final int movements = harness.movements.readValuesToList().size();
      final Set<String> changelogs =
          harness.driver.producedTopicNames().stream()
              .filter(topic -> topic.endsWith("-changelog"))
              .collect(Collectors.toSet());
      return new Run(changelogs, decisions, movements);
    }
  }

  @Test
  void liveChangelogsTheLedgerRouterAndFinanceStores() {
    final Run live = run(TopologySettings.defaults());

    assertThat(live.changelogs())
        .contains(
            "subsidy-test-" + LedgerStores.ROUTES + "-changelog",
            "subsidy-test-" + LedgerStores.CLAIMS + "-changelog",
            "subsidy-test-" + LedgerStores.HOLDINGS + "-changelog",
            "subsidy-test-" + LedgerStores.BUCKETS + "-changelog",
            "subsidy-test-" + FinanceProcessor.ACCOUNTS + "-changelog",
            "subsidy-test-" + LedgerStores.CONTROL_TOTALS + "-changelog");
  }

  @Test
  void aReplayWritesNoChangelogAndDecidesAsLive() {
    final Run live = run(TopologySettings.defaults());
    final Run replay = run(TopologySettings.defaults().forReplay(ReplayHooks.LIVE));

    assertThat(replay.changelogs()).isEmpty();
    assertThat(replay.decisions()).hasSize(1);
    assertThat(replay.decisions().get(0).getStatus()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(replay.decisions()).isEqualTo(live.decisions());
    assertThat(replay.movements()).isEqualTo(live.movements()).isPositive();
  }
}
