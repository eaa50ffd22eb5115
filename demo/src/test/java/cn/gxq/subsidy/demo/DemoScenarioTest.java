package cn.gxq.subsidy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Enterprise;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoScenarioTest {
  static final Instant START = Instant.parse("2022-05-01T01:00:00Z");

  @Test
  void sameArgumentsGiveTheSameScenario() {
    DemoScenario a = DemoScenario.standard(11, 500, START);
    DemoScenario b = DemoScenario.standard(11, 500, START);
    assertThat(a.timeline(2000)).isEqualTo(b.timeline(2000));
    assertThat(a.applications().limit(100).toList())
        .isEqualTo(a.applications().limit(100).toList());
    assertThat(DemoScenario.standard(12, 500, START).registry()).isNotEqualTo(a.registry());
  }

  @Test
  void timelineStartsWithRegistryAndBudgetsThenRunsInEventTimeOrder() {
    DemoScenario scenario = DemoScenario.standard(11, 500, START);
    List<Generated> timeline = scenario.timeline(2000);
    int head = scenario.enterprises().size() + scenario.budgets().size();
    assertThat(timeline.subList(0, head)).allMatch(g -> g.eventTime().equals(START));
    assertThat(timeline.subList(0, 500)).allMatch(g -> g.topicKind().equals(Generated.ENTERPRISE));
    List<Generated> rest = timeline.subList(head, timeline.size());
    for (int i = 1; i < rest.size(); i++) {
      assertThat(rest.get(i).eventTime()).isAfterOrEqualTo(rest.get(i - 1).eventTime());
    }
    assertThat(rest.stream().filter(Generated::isApplication).count()).isEqualTo(2000);
    assertThat(rest).anyMatch(g -> g.topicKind().equals(Generated.BUDGET));
    assertThat(timeline)
        .allSatisfy(g -> assertThat(AvroRoundTrip.roundTrip(g.value())).isEqualTo(g.value()));
  }

  @Test
  void registryChangesAreLaterVersionsOfRegisteredEnterprises() {
    DemoScenario scenario = DemoScenario.standard(11, 500, START);
    Map<String, Enterprise> byCode =
        scenario.registry().stream()
            .collect(Collectors.toMap(Enterprise::getCreditCode, Function.identity()));
    List<Generated> changes =
        scenario.timeline(1000).stream()
            .filter(g -> g.topicKind().equals(Generated.ENTERPRISE) && g.eventTime().isAfter(START))
            .toList();
    assertThat(changes).hasSize(25);
    for (Generated g : changes) {
      Enterprise e = (Enterprise) g.value();
      assertThat(g.key()).isEqualTo(e.getCreditCode());
      assertThat(byCode).containsKey(e.getCreditCode());
      assertThat(e.getEmployees()).isGreaterThan(byCode.get(e.getCreditCode()).getEmployees());
    }
  }

  @Test
  void keysFollowTheContract() {
    DemoScenario scenario = DemoScenario.standard(11, 200, START);
    Set<String> budgetKeys =
        scenario.budgets().stream().map(Generated::key).collect(Collectors.toSet());
    assertThat(budgetKeys).contains("ZGC:RENT_RELIEF:2022", "SIP:INNOVATION_CREDIT_LOAN:2023");
    assertThat(scenario.enterprises())
        .allMatch(g -> g.key().equals(((Enterprise) g.value()).getCreditCode()));
  }
}
