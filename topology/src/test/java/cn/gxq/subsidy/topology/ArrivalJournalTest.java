package cn.gxq.subsidy.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArrivalJournalTest {

  @Test
  void readsARegistryVersionAsInstantParseDoes() {
    final Random random = new Random(23);
    for (int i = 0; i < 10_000; i++) {
      // 1970..2100, whole seconds, milliseconds, microseconds or nanoseconds
      final long seconds = (long) (random.nextDouble() * 4_102_444_800L);
      final int nanos =
          List.of(0, random.nextInt(1000) * 1_000_000, random.nextInt(1_000_000) * 1000)
              .get(random.nextInt(3));
      final Instant instant =
          Instant.ofEpochSecond(seconds, i % 7 == 0 ? random.nextInt(1_000_000_000) : nanos);
      assertThat(ArrivalJournal.instant(instant.toString())).isEqualTo(instant);
    }
    for (String other :
        List.of(
            "2022-01-01T00:00:00.5Z",
            "2022-01-01T00:00:00.12Z",
            "+12022-01-01T00:00:00Z",
            "2016-12-31T23:59:60Z")) {
      assertThat(ArrivalJournal.instant(other)).isEqualTo(Instant.parse(other));
    }
  }

  @Test
  void agreesWithInstantParseOnOddText() {
    for (String odd :
        List.of(
            "2022-02-30T00:00:00Z",
            "2022-01-01T24:00:00Z",
            "2022-01-0xT00:00:00Z",
            "2022-01-01T00:00:00.Z",
            "2022-01-01 00:00:00Z",
            "")) {
      Instant expected;
      try {
        expected = Instant.parse(odd);
      } catch (DateTimeParseException e) {
        expected = null;
      }
      if (expected == null) {
        assertThatThrownBy(() -> ArrivalJournal.instant(odd))
            .as(odd)
            .isInstanceOf(DateTimeParseException.class);
      } else {
        assertThat(ArrivalJournal.instant(odd)).as(odd).isEqualTo(expected);
      }
    }
    assertThatThrownBy(() -> ArrivalJournal.instant("2022-02-30T00:00:00Z"))
        .isInstanceOf(DateTimeParseException.class);
  }
}
