package cn.gxq.subsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
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
}
