package cn.gxq.subsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.policy.PolicyBook;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import cn.gxq.subsidy.programme.Rulebook;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulebookTest {
  private final Rulebook rulebook = Rulebook.fromDefaultPolicy();

  @Test
  void knowsEveryBundledVersionByItsDate() {
    assertThat(rulebook.policyVersion()).isEqualTo("2023.1");
    assertThat(rulebook.versionsInForce())
        .containsExactly("2022.1 from 2022-01-01", "2023.1 from 2023-01-01");
  }

  @Test
  void eachRevisionIsJudgedByTheVersionInForceOnItsSubmissionDayInChina() {
    // 2022-12-31 23:30 in Beijing is still 2022: the 2022.1 version judges.
    Instant lastEvening2022 = Instant.parse("2022-12-31T15:30:00Z");
    // 00:30 on 2023-01-01 in Beijing, though still 2022 in UTC: 2023.1 judges.
    Instant firstNight2023 = Instant.parse("2022-12-31T16:30:00Z");
    Outcome before =
        rulebook.decide(
            Fixtures.rd().setSubmittedAt(lastEvening2022).build(), Fixtures.enterprise().build());
    Outcome after =
        rulebook.decide(
            Fixtures.rd().setSubmittedAt(firstNight2023).build(), Fixtures.enterprise().build());
    assertThat(before.policyVersion()).isEqualTo("2022.1");
    assertThat(after.policyVersion()).isEqualTo("2023.1");
    // Same figures, same law for tax year 2022: 1 000 000 × 75%.
    assertThat(before.eligibleAmount()).isEqualByComparingTo("750000.00");
    assertThat(after.eligibleAmount()).isEqualByComparingTo("750000.00");
  }

  @Test
  void whatChangedIn2023IsSeenOnlyByRevisionsSubmittedUnderIt() {
    // Tax year 2023 under 2022.1 (submitted in 2022): no rate was known yet.
    Outcome early =
        rulebook.decide(
            Fixtures.rd()
                .setTaxYear(2023)
                .setSubmittedAt(Instant.parse("2022-12-01T02:00:00Z"))
                .build(),
            Fixtures.enterprise().build());
    assertThat(early.policyVersion()).isEqualTo("2022.1");
    assertThat(early.findings())
        .extracting(Finding::code)
        .containsExactly(ReasonCode.UNSUPPORTED_YEAR);
    // Its revision submitted in 2024 under 2023.1: 100% for all (2023年第7号): 1 000 000 × 100%.
    Outcome revised =
        rulebook.decide(
            Fixtures.rd()
                .setTaxYear(2023)
                .setRevision(2)
                .setSubmittedAt(Instant.parse("2024-05-01T02:00:00Z"))
                .build(),
            Fixtures.enterprise().build());
    assertThat(revised.policyVersion()).isEqualTo("2023.1");
    assertThat(revised.verdict()).isEqualTo(Verdict.ELIGIBLE);
    assertThat(revised.eligibleAmount()).isEqualByComparingTo("1000000.00");
  }

  @Test
  void aSinglePinnedVersionJudgesEveryDate() {
    Rulebook pinned = new Rulebook(PolicyBook.loadDefault().version("2022.1"));
    Outcome o =
        pinned.decide(
            Fixtures.rd().setSubmittedAt(Instant.parse("2024-05-01T02:00:00Z")).build(),
            Fixtures.enterprise().build());
    assertThat(o.policyVersion()).isEqualTo("2022.1");
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
    for (ProgrammeDefinition<?> p : Catalogue.programmes()) {
      assertThat(rulebook.rulesFor(p.programme()))
          .isExactlyInstanceOf(p.rules(Fixtures.POLICY_2023).getClass());
    }
    assertThat(rulebook.rulesFor(Programme.RENT_RELIEF).getClass().getSimpleName())
        .isEqualTo("RentReliefRules");
    assertThat(Catalogue.of(Fixtures.rd().build()).programme())
        .isEqualTo(Programme.RD_SUPER_DEDUCTION);
    assertThatThrownBy(() -> rulebook.rulesFor(Programme.UNKNOWN))
        .hasMessage("programme UNKNOWN is not decided here");
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
