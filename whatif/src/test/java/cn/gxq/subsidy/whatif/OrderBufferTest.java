package cn.gxq.subsidy.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OrderBufferTest {

  private final List<String> through = new ArrayList<>();

  private OrderBuffer<String> recorded(String... order) {
    return new OrderBuffer<>(new ArrayDeque<>(List.of(order)));
  }

  private void offer(OrderBuffer<String> buffer, String identity) {
    buffer.offer(identity, identity, through::add);
  }

  @Test
  void holdsEachItemUntilEveryItemRecordedBeforeItHasGone() {
    final OrderBuffer<String> buffer = recorded("budget", "X", "Y");

    offer(buffer, "Y");
    offer(buffer, "X");
    assertThat(through).isEmpty();
    assertThat(buffer.held()).isEqualTo(2);

    offer(buffer, "budget");
    assertThat(through).containsExactly("budget", "X", "Y");
    assertThat(buffer.held()).isZero();
  }

  @Test
  void anItemTheOrderDoesNotNameComesAfterAllItNames() {
    final OrderBuffer<String> buffer = recorded("X", "Y");

    offer(buffer, "late");
    offer(buffer, "Y");
    offer(buffer, "X");
    offer(buffer, "later");

    assertThat(through).containsExactly("X", "Y", "late", "later");
  }

  @Test
  void anIdentityRecordedTwiceTakesTwoItemsAndAThirdIsUnnamed() {
    final OrderBuffer<String> buffer = recorded("A", "X", "A");

    offer(buffer, "A");
    offer(buffer, "A");
    offer(buffer, "A");
    assertThat(through).containsExactly("A");
    assertThat(buffer.held()).isEqualTo(2);

    offer(buffer, "X");
    assertThat(through).containsExactly("A", "X", "A", "A");
  }

  @Test
  void skippingGoesOnWithoutWhatNeverCameAndKeepsTheRestInOrder() {
    final OrderBuffer<String> buffer = recorded("A", "missing", "B", "gone", "C");
    offer(buffer, "C");
    offer(buffer, "B");
    offer(buffer, "unnamed");
    offer(buffer, "A");
    assertThat(through).containsExactly("A");

    assertThat(buffer.skipMissing(through::add)).isEqualTo(2);

    assertThat(through).containsExactly("A", "B", "C", "unnamed");
    assertThat(buffer.held()).isZero();
    offer(buffer, "missing"); // it came after all: nothing waits for it any more
    assertThat(through).endsWith("missing");
  }

  @Test
  void aNamedItemThatWentElsewhereIsPassedWhenTheOrderReachesIt() {
    final OrderBuffer<String> buffer = recorded("A", "moved", "B");
    offer(buffer, "B");
    offer(buffer, "A");
    assertThat(through).containsExactly("A");

    buffer.gone("moved", through::add);

    assertThat(through).containsExactly("A", "B");
    assertThat(buffer.held()).isZero();
    assertThat(buffer.skipMissing(through::add)).isZero();
  }

  @Test
  void goneBeforeItsTurnIsSkippedOnlyWhenTheOrderGetsThere() {
    final OrderBuffer<String> buffer = recorded("A", "moved", "B");
    buffer.gone("moved", through::add);
    buffer.gone("never named", through::add);
    offer(buffer, "B");
    assertThat(through).isEmpty(); // A first

    offer(buffer, "A");
    assertThat(through).containsExactly("A", "B");
  }

  @Test
  void anyArrivalOrderComesOutInTheRecordedOrder() {
    final Random random = new Random(7);
    for (int run = 0; run < 200; run++) {
      final List<String> recorded = new ArrayList<>();
      for (int i = 0; i < 1 + random.nextInt(40); i++) {
        recorded.add("id" + random.nextInt(15)); // repeats too
      }
      final List<String> arrivals = new ArrayList<>(recorded);
      arrivals.add("unnamed-1");
      arrivals.add("unnamed-2");
      Collections.shuffle(arrivals, random);
      through.clear();
      final OrderBuffer<String> buffer = new OrderBuffer<>(new ArrayDeque<>(recorded));

      arrivals.forEach(a -> offer(buffer, a));

      final List<String> expected = new ArrayList<>(recorded);
      arrivals.stream().filter(a -> a.startsWith("unnamed")).forEach(expected::add);
      assertThat(through).as("run %d", run).containsExactlyElementsOf(expected);
      assertThat(buffer.held()).isZero();
    }
  }
}
