package cn.gxq.subsidy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LineIndexTest {

  @Test
  void answersForAShortLineWorkedByHand() {
    final LineIndex line = new LineIndex();
    line.put(1, 5_000_00);
    line.put(2, 1_000_00);
    line.put(4, 3_000_00);

    assertThat(line.ahead(4)).isEqualTo(new Waiting(2, new BigDecimal("6000.00")));
    assertThat(line.ahead(1)).isEqualTo(new Waiting(0, new BigDecimal("0.00")));
    assertThat(line.ahead(99)).isEqualTo(new Waiting(3, new BigDecimal("9000.00")));
    // First in ticket order that fits, not the smallest.
    assertThat(line.firstNeedingAtMost(5_000_00)).isEqualTo(1);
    assertThat(line.firstNeedingAtMost(4_000_00)).isEqualTo(2);
    assertThat(line.firstNeedingAtMost(999_99)).isEqualTo(-1);

    line.remove(2);
    assertThat(line.firstNeedingAtMost(4_000_00)).isEqualTo(4);
    assertThat(line.amountOf(2)).isEqualTo(-1);
    assertThat(line.amountOf(4)).isEqualTo(3_000_00);
  }

  @Test
  void aTicketFarBeyondTheLastKeepsWhatWaits() {
    final LineIndex line = new LineIndex();
    line.put(3, 7_00);
    line.put(100_000, 2_00);

    assertThat(line.ahead(100_000)).isEqualTo(new Waiting(1, new BigDecimal("7.00")));
    assertThat(line.firstNeedingAtMost(2_00)).isEqualTo(100_000);
    assertThatThrownBy(() -> line.put(-1, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Random puts, changes and removals against a plain map of the same line. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void agreesWithReadingTheWholeLine(long seed) {
    final Random random = new Random(seed);
    final LineIndex index = new LineIndex();
    final TreeMap<Long, Long> model = new TreeMap<>();
    for (int step = 0; step < 5_000; step++) {
      final long ticket = random.nextInt(random.nextBoolean() ? 64 : 3_000);
      if (random.nextInt(3) == 0) {
        index.remove(ticket);
        model.remove(ticket);
      } else {
        final long fen = random.nextInt(100_000);
        index.put(ticket, fen);
        model.put(ticket, fen);
      }
      final long probe = random.nextInt(3_100);
      final long budget = random.nextInt(120_000);
      assertThat(index.ahead(probe)).isEqualTo(aheadIn(model, probe));
      assertThat(index.firstNeedingAtMost(budget)).isEqualTo(firstIn(model, budget));
      assertThat(index.amountOf(probe)).isEqualTo(model.getOrDefault(probe, -1L));
    }
  }

  private static Waiting aheadIn(TreeMap<Long, Long> model, long ticket) {
    long fen = 0;
    for (long amount : model.headMap(ticket).values()) {
      fen += amount;
    }
    return new Waiting(model.headMap(ticket).size(), BigDecimal.valueOf(fen, 2));
  }

  private static long firstIn(TreeMap<Long, Long> model, long fen) {
    for (Map.Entry<Long, Long> e : model.entrySet()) {
      if (e.getValue() <= fen) {
        return e.getKey();
      }
    }
    return -1;
  }

  @Test
  void aTicketBeyondTheLinesRangeIsRefusedBeforeAnythingIsAllotted() {
    final LineIndex line = new LineIndex();
    line.put(3, 100);

    assertThatThrownBy(() -> line.put(LineIndex.MAX_TICKET + 1, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("out of the line's range 0..4194303");
    assertThat(line.amountOf(3)).isEqualTo(100);
  }
}
