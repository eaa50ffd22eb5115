package cn.gxq.subsidy.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The rate and time left of a replay that starts slowly: the seconds before its first decision
 * neither show as "0/s" nor stretch the time left, and a rate is given only once it has a basis.
 */
class ReplayProgressTest {

  private static final long TOTAL = 30_000;

  private final ReplayProgress progress = new ReplayProgress();

  /** 20 s of start-up, then 1,000 decisions a second. */
  private static ReplayWatch.Status at(long second) {
    final long decided = Math.max(0, second - 20) * 1_000;
    return new ReplayWatch.Status(decided + 200, TOTAL, 200, false);
  }

  private String pollUntil(long lastSecond) {
    String line = null;
    for (long s = 0; s <= lastSecond; s++) {
      line = progress.line(at(s), Duration.ofSeconds(s));
    }
    return line;
  }

  @Test
  void saysEstimatingUntilDecisionsHaveMovedForAWhile() {
    assertThat(pollUntil(19)).contains("estimating").doesNotContain("/s").endsWith("19s elapsed");
    assertThat(progress.line(at(22), Duration.ofSeconds(22))).contains("estimating");
  }

  @Test
  void theRateIsTakenOverTheRecentWindowNotSinceTheStart() {
    assertThat(pollUntil(30))
        .isEqualTo(
            "whatif: 10,200 of 30,000 records read, about 10,000 decided (33%), 1,000/s, about"
                + " 20s left, 30s elapsed");
  }

  @Test
  void aLongRunForgetsItsEarlyPace() {
    // 1,000/s up to 60 s, then 100/s: after a window at the new pace, the rate is the new one.
    long decided = 0;
    String line = null;
    for (long s = 0; s <= 120; s++) {
      decided += s <= 60 ? 1_000 : 100;
      line =
          progress.line(new ReplayWatch.Status(decided, 200_000, 0, false), Duration.ofSeconds(s));
    }
    assertThat(line).contains(", 100/s, ");
  }
}
