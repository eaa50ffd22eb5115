package cn.gxq.subsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MoneyTest {
  @Test
  void roundsHalfUpToTheFen() {
    assertThat(Money.round(new BigDecimal("0.005"))).isEqualByComparingTo("0.01");
    assertThat(Money.round(new BigDecimal("0.00499999"))).isEqualByComparingTo("0.00");
    assertThat(Money.round(new BigDecimal("2.675")).scale()).isEqualTo(2);
    assertThat(Money.format(new BigDecimal("1E+7"))).isEqualTo("10000000.00");
    assertThat(Money.ZERO.toPlainString()).isEqualTo("0.00");
  }

  @Test
  void displaysAsTheFormatterWould() {
    final Random random = new Random(20221);
    final List<BigDecimal> amounts = new ArrayList<>();
    for (String edge :
        List.of("0", "0.004", "-0.004", "0.005", "999.995", "1000", "-1000", "100000000000.00")) {
      amounts.add(new BigDecimal(edge));
    }
    for (int i = 0; i < 10_000; i++) {
      // 0 to 12 integer digits, either sign, up to 4 decimals
      final long unscaled = (long) (random.nextDouble() * Math.pow(10, random.nextInt(17)));
      amounts.add(BigDecimal.valueOf(random.nextBoolean() ? unscaled : -unscaled, 4));
    }
    for (BigDecimal amount : amounts) {
      assertThat(Money.display(amount))
          .as("%s", amount)
          .isEqualTo(String.format(Locale.ROOT, "%,.2f", Money.round(amount)));
    }
    assertThat(Money.display(new BigDecimal("145500"))).isEqualTo("145,500.00");
    assertThat(Money.display(new BigDecimal("-1234567.891"))).isEqualTo("-1,234,567.89");
  }

  @Test
  void groupsAnyScaleAsTheFormatterWould() {
    final Random random = new Random(2023);
    for (int i = 0; i < 10_000; i++) {
      final long unscaled = (long) (random.nextDouble() * Math.pow(10, random.nextInt(18)));
      final BigDecimal amount =
          BigDecimal.valueOf(random.nextBoolean() ? unscaled : -unscaled, random.nextInt(9));
      assertThat(Money.grouped(amount))
          .as("%s", amount)
          .isEqualTo(String.format(Locale.ROOT, "%,." + amount.scale() + "f", amount));
    }
  }
}
