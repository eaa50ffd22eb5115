package cn.gxq.subsidy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Programme;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BudgetGeneratorTest {
  static final Instant START = Instant.parse("2022-05-01T00:00:00Z");

  @Test
  void everyZoneGetsRentReliefAndLoanBudgetsButNoTaxBudget() {
    List<Budget> budgets = new BudgetGenerator(1000, START).initial();
    Map<String, Budget> byKey =
        budgets.stream().collect(Collectors.toMap(Generated::budgetKey, Function.identity()));
    assertThat(byKey).hasSize(budgets.size());
    for (Zone z : Zone.values()) {
      assertThat(byKey)
          .containsKeys(
              z + ":RENT_RELIEF:2022",
              z + ":INNOVATION_CREDIT_LOAN:2022",
              z + ":INNOVATION_CREDIT_LOAN:2023");
    }
    assertThat(budgets).noneMatch(b -> b.getProgramme() == Programme.RD_SUPER_DEDUCTION);
    assertThat(budgets).allMatch(b -> b.getUpdatedAt().equals(START) && b.getAmount().scale() == 2);
    assertThat(byKey.get("ZGC:RENT_RELIEF:2022").getAmount())
        .isBetween(new BigDecimal("1000000"), new BigDecimal("9999999"));
  }

  @Test
  void budgetsScaleWithTheRegistry() {
    BigDecimal small = new BudgetGenerator(1000, START).initial().get(0).getAmount();
    BigDecimal large = new BudgetGenerator(10_000, START).initial().get(0).getAmount();
    assertThat(large).isEqualByComparingTo(small.multiply(BigDecimal.TEN));
  }

  @Test
  void raisesCarryHigherTotalsLater() {
    BudgetGenerator generator = new BudgetGenerator(1000, START);
    Map<String, BigDecimal> initial =
        generator.initial().stream()
            .collect(Collectors.toMap(Generated::budgetKey, Budget::getAmount));
    Instant later = START.plusSeconds(3600 * 24 * 30);
    List<Budget> raises = generator.raises(later);
    assertThat(raises)
        .isNotEmpty()
        .allSatisfy(
            b -> {
              assertThat(b.getAmount()).isGreaterThan(initial.get(Generated.budgetKey(b)));
              assertThat(b.getUpdatedAt()).isEqualTo(later);
              assertThat(AvroRoundTrip.roundTrip(b)).isEqualTo(b);
            });
  }
}
