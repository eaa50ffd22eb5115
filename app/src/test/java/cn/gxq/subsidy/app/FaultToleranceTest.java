package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The bounded fault run: about 20,000 applications through two application JVMs that are SIGKILLed
 * at random moments and a broker JVM that is restarted, then exactly-once checked on what was
 * written (see {@link FaultVerifier} and docs/resilience.md).
 *
 * <p>The harness ({@link FaultRun}) runs as a child JVM on a frozen copy of the class path: others
 * rebuild this tree, and a clean build during a run once took classes from under this JVM. Any
 * {@code -Dfault.*} property is passed on, so {@code -Dfault.applications=200000 -Dfault.kills=10
 * -Dfault.brokerRestarts=2} runs the full version.
 */
class FaultToleranceTest {

  @Test
  @Timeout(value = 75, unit = TimeUnit.MINUTES) // the full plan's ceiling
  void killedInstancesAndARestartedBrokerLoseNothingAndDoubleNothing() throws Exception {
    runHarness("bounded");
  }

  /**
   * Runs {@link FaultRun} with the named plan (and any {@code -Dfault.*} given) as a child JVM on a
   * frozen class path, prints its summary and asserts a PASS.
   */
  static void runHarness(String planName) throws Exception {
    final FaultPlan plan = FaultPlan.fromSystemProperties(FaultPlan.named(planName));
    final Path dir = Files.createTempDirectory("subsidy-fault-harness");
    final String classPath = FaultClassPath.snapshot(dir.resolve("classpath"));
    final List<String> options = new ArrayList<>(List.of("-Xmx1g"));
    System.getProperties().stringPropertyNames().stream()
        .filter(k -> k.startsWith("fault."))
        .forEach(k -> options.add("-D" + k + "=" + System.getProperty(k)));
    options.add("-Dfault.plan=" + planName); // last: this test's plan, whatever Maven was given
    final Path log = dir.resolve("harness.log");
    final FaultChildProcess harness =
        FaultChildProcess.start(
            "harness",
            classPath,
            FaultRun.class.getName(),
            List.of(),
            log,
            options.toArray(String[]::new));
    final int status;
    try {
      status = harness.awaitExit(plan.timeout().multipliedBy(2).plus(Duration.ofMinutes(5)));
    } finally {
      FaultChildProcess.killAll(); // the harness and its broker and instances, if still there
    }
    final List<String> summary =
        Files.readAllLines(log).stream()
            .filter(
                l ->
                    l.startsWith("FAULT VERDICT")
                        || l.startsWith("  problem")
                        || l.startsWith("  violation")
                        || l.startsWith("t=")
                        || l.startsWith("leader kill")
                        || l.startsWith("acknowledged sends")
                        || l.startsWith("run directory"))
            .toList();
    summary.forEach(FaultToleranceTest::say);

    assertThat(summary).as("verdict in %s", log).anyMatch(l -> l.startsWith("FAULT VERDICT: PASS"));
    assertThat(summary).noneMatch(l -> l.startsWith("  problem") || l.startsWith("  violation"));
    assertThat(status).as("harness exit status (-1: timed out); see %s", log).isZero();
  }

  /** Straight to the terminal as well as the report file: the verdict is the point. */
  private static void say(String line) {
    System.out.println(line);
    System.err.println(line);
  }
}
