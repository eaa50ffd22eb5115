package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bounded fault run: about 20,000 applications through two application JVMs that are
 * SIGKILLed at random moments and a broker JVM that is restarted, then exactly-once checked on
 * what was written (see {@link FaultVerifier} and docs/resilience.md). The same test runs the
 * full version with {@code -Dfault.applications=200000 -Dfault.kills=10 -Dfault.brokerRestarts=2}.
 */
class FaultToleranceTest {

  @Test
  @Timeout(value = 75, unit = java.util.concurrent.TimeUnit.MINUTES) // the full plan's ceiling
  void killedInstancesAndARestartedBrokerLoseNothingAndDoubleNothing() throws Exception {
    final FaultPlan plan = FaultPlan.fromSystemProperties(FaultPlan.bounded());
    final FaultHarness.Verdict verdict = new FaultHarness(plan, FaultToleranceTest::say).run();
    say(verdict.line());
    verdict.problems().forEach(p -> say("  problem: " + p));
    verdict.report().violations().forEach(v -> say("  violation: " + v));

    assertThat(verdict.kills()).isEqualTo(plan.kills());
    assertThat(verdict.brokerRestarts()).isEqualTo(plan.brokerRestarts());
    assertThat(verdict.problems()).isEmpty();
    assertThat(verdict.report().violations()).isEmpty();
    assertThat(verdict.report().applications()).isGreaterThan(plan.applications() / 2);
    assertThat(verdict.report().deadLetters()).isEqualTo(verdict.report().deadLettersExpected());
  }

  /** Straight to the terminal as well as the report file: the verdict is the point. */
  private static void say(String line) {
    System.out.println(line);
    System.err.println(line);
  }
}
