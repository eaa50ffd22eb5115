package cn.gxq.subsidy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Enterprise;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NationalYearTest {

  private static final NationalYear YEAR = new NationalYear(7, 4_000, 6_000);

  @Test
  void registryStartsBeforeThePeriodThenChangesInEventTimeOrderWithinIt() {
    final List<Generated> registry = YEAR.registry();
    final int initial = YEAR.initialRegistry().size();
    assertThat(initial + YEAR.newRegistrations()).isEqualTo(4_000);
    assertThat(registry.subList(0, initial))
        .allMatch(g -> g.eventTime().equals(NationalYear.REGISTRY_AT));
    final List<Generated> later = registry.subList(initial, registry.size());
    assertThat(later).isNotEmpty();
    for (int i = 0; i < later.size(); i++) {
      final Generated g = later.get(i);
      assertThat(g.eventTime()).isAfterOrEqualTo(NationalYear.FROM).isBefore(NationalYear.TO);
      assertThat(g.eventTime()).isEqualTo(((Enterprise) g.value()).getUpdatedAt());
      if (i > 0) {
        assertThat(g.eventTime()).isAfterOrEqualTo(later.get(i - 1).eventTime());
      }
    }
  }

  @Test
  void codesAreValidAndUniqueAndHalfOfZhongguancunIsInTheDistrict() {
    final Set<String> codes = new HashSet<>();
    int zgc = 0;
    int district = 0;
    for (Enterprise e : YEAR.initialRegistry()) {
      assertThat(CreditCodes.isValid(e.getCreditCode())).isTrue();
      assertThat(codes.add(e.getCreditCode())).isTrue();
      if (e.getZone().equals(Zone.ZGC.code())) {
        zgc++;
        if (e.getCreditCode().startsWith(NationalYear.DISTRICT, 2)) {
          district++;
        }
      }
    }
    assertThat(district).isEqualTo(YEAR.districtEnterprises());
    assertThat((double) district / zgc).isBetween(0.4, 0.6);
    // New registrations: new codes, registered on the day they appear, nothing certified yet.
    YEAR.registry().stream()
        .skip(YEAR.initialRegistry().size())
        .map(g -> (Enterprise) g.value())
        .filter(e -> !codes.contains(e.getCreditCode()))
        .forEach(
            e -> {
              assertThat(e.getRegisteredOn()).isEqualTo(Cst.date(e.getUpdatedAt()));
              assertThat(e.getHighTechCertifiedOn()).isNull();
            });
  }

  @Test
  void applicationsOfEveryProgrammeRunThroughThePeriodInOrderAndRepeat() {
    final List<Generated> first = take(YEAR.applicationStream());
    assertThat(first).hasSizeBetween(5_900, 6_000);
    for (int i = 1; i < first.size(); i++) {
      assertThat(first.get(i).eventTime()).isAfterOrEqualTo(first.get(i - 1).eventTime());
    }
    assertThat(first.get(0).eventTime()).isAfter(NationalYear.FROM);
    assertThat(first.get(first.size() - 1).eventTime())
        .isBefore(NationalYear.TO)
        .isAfter(NationalYear.TO.minusSeconds(30 * 24 * 3600));
    assertThat(first.stream().map(Generated::topicKind).distinct())
        .containsExactlyInAnyOrder(
            Generated.RENT_RELIEF,
            Generated.RD_DEDUCTION,
            Generated.INNOVATION_LOAN,
            Generated.TECH_SME);
    assertThat(take(YEAR.applicationStream())).isEqualTo(first);
  }

  @Test
  void budgetsAreRaisedThenCutDuringThePeriod() {
    assertThat(YEAR.budgets()).allMatch(g -> g.eventTime().equals(NationalYear.REGISTRY_AT));
    final List<Generated> changes = YEAR.budgetChanges();
    assertThat(changes).hasSize(5);
    assertThat(changes.subList(0, 3)).allMatch(g -> g.eventTime().equals(NationalYear.RAISES_AT));
    assertThat(changes.subList(3, 5)).allMatch(g -> g.eventTime().equals(NationalYear.CUTS_AT));
  }

  private static List<Generated> take(Iterator<Generated> it) {
    final List<Generated> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
