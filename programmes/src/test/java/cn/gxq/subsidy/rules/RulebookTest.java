package cn.gxq.subsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Programme;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulebookTest {
  private final Rulebook rulebook = Rulebook.fromDefaultPolicy();

  @Test
  void usesTheCurrentPolicy() {
    assertThat(rulebook.policyVersion()).isEqualTo("2022.1");
  }

  @Test
  void dispatchesByApplicationClass() {
    // rent 10 000 × 3
    Outcome rent = rulebook.decide(Fixtures.rent().build(), Fixtures.enterprise().build());
    assertThat(rent.claimKey()).startsWith("RENT_RELIEF:");
    assertThat(rent.eligibleAmount()).isEqualByComparingTo("30000.00");
    // R&D 1 000 000 × 75%
    Outcome rd = rulebook.decide(Fixtures.rd().build(), Fixtures.enterprise().build());
    assertThat(rd.claimKey()).startsWith("RD_SUPER_DEDUCTION:");
    assertThat(rd.eligibleAmount()).isEqualByComparingTo("750000.00");
    Outcome loan =
        rulebook.decide(
            Fixtures.loan().build(), Fixtures.enterprise().setTechSmeYears(List.of(2022)).build());
    assertThat(loan.claimKey()).startsWith("INNOVATION_CREDIT_LOAN:");
    assertThat(List.of(rent, rd, loan)).extracting(Outcome::policyVersion).containsOnly("2022.1");
  }

  @Test
  void rulesForEachProgramme() {
    for (Programme p : Programme.values()) {
      assertThat(rulebook.rulesFor(p).programme()).isEqualTo(p);
    }
    assertThat(rulebook.rulesFor(Programme.RENT_RELIEF).applicationType().getSimpleName())
        .isEqualTo("RentReliefApplication");
    assertThat(Rulebook.programmeOf(Fixtures.rd().build())).isEqualTo(Programme.RD_SUPER_DEDUCTION);
  }

  @Test
  void refusesRecordsThatAreNotApplications() {
    Budget budget =
        Budget.newBuilder()
            .setZone("ZGC")
            .setProgramme(Programme.RENT_RELIEF)
            .setYear(2022)
            .setAmount(new BigDecimal("1.00"))
            .setUpdatedAt(Instant.EPOCH)
            .build();
    assertThatThrownBy(() -> rulebook.decide(budget, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Budget");
  }
}
