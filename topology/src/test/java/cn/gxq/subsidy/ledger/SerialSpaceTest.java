package cn.gxq.subsidy.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class SerialSpaceTest {

  /** Every serial a partition draws until its share is spent. */
  private static List<Integer> drawAll(SerialSpace space) {
    final List<Integer> serials = new ArrayList<>();
    for (int n = 1; ; n++) {
      final OptionalInt serial = space.serial(n);
      if (serial.isEmpty()) {
        return serials;
      }
      serials.add(serial.getAsInt());
    }
  }

  @Test
  void threePartitionsDealOutTenSerialsInTurnWithoutSharingOne() {
    // 1 4 7 10 | 2 5 8 | 3 6 9: (n − 1)·3 + p + 1.
    assertThat(drawAll(new SerialSpace(3, 0, 10))).containsExactly(1, 4, 7, 10);
    assertThat(drawAll(new SerialSpace(3, 1, 10))).containsExactly(2, 5, 8);
    assertThat(drawAll(new SerialSpace(3, 2, 10))).containsExactly(3, 6, 9);
    assertThat(new SerialSpace(3, 0, 10).share()).isEqualTo(4);
    assertThat(new SerialSpace(3, 1, 10).share()).isEqualTo(3);
    assertThat(new SerialSpace(3, 2, 10).share()).isEqualTo(3);
  }

  @Test
  void theSixDigitSpaceIsUsedWholeWhateverThePartitionCount() {
    for (int partitions : new int[] {1, 3, 7, 100, 128, 1000}) {
      long total = 0;
      for (int p = 0; p < partitions; p++) {
        final SerialSpace space = new SerialSpace(partitions, p, 999_999);
        total += space.share();
        // The last serial of the share is at most 999,999; the next draw is past the space.
        assertThat(space.serial(space.share()).getAsInt()).isLessThanOrEqualTo(999_999);
        assertThat(space.serial(space.share() + 1)).isEmpty();
      }
      assertThat(total).as("serials over %d partitions", partitions).isEqualTo(999_999);
    }
    // One partition alone draws 1..999,999; the 10,000th draw is serial 10,000, not a failure.
    assertThat(new SerialSpace(1, 0, 999_999).serial(10_000)).hasValue(10_000);
    assertThat(new SerialSpace(1, 0, 999_999).serial(999_999)).hasValue(999_999);
    // Partition 127 of 128: 127 + 1, then every 128th.
    assertThat(new SerialSpace(128, 127, 999_999).serial(1)).hasValue(128);
    assertThat(new SerialSpace(128, 127, 999_999).serial(2)).hasValue(256);
  }

  @Test
  void aDrawCountBeyondAnyShareNeitherOverflowsNorWrapsRound() {
    assertThat(new SerialSpace(1000, 999, 999_999).serial(Integer.MAX_VALUE)).isEmpty();
  }

  @Test
  void aPartitionBeyondTheCountItIsDealtOverIsRefusedBeforeDrawingAnything() {
    assertThatThrownBy(() -> new SerialSpace(3, 3, 999_999))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("dealt over 3 router partitions")
        .hasMessageContaining("partition 3");
  }
}
