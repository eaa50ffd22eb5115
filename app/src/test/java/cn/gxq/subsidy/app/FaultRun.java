package cn.gxq.subsidy.app;

/**
 * A fault run from the command line (docs/resilience.md): {@code -Dfault.plan=full} (the default:
 * 200,000 applications, one broker, 10 kills, 2 broker restarts), {@code bounded}, {@code cluster}
 * (three brokers, leader kills) or {@code cluster-bounded}, with any {@code -Dfault.*} property
 * overriding a part of it. Exit status 0 on PASS.
 */
public final class FaultRun {

  private FaultRun() {}

  public static void main(String[] args) throws Exception {
    final FaultPlan plan =
        FaultPlan.fromSystemProperties(FaultPlan.named(System.getProperty("fault.plan")));
    final FaultHarness.Verdict verdict = new FaultHarness(plan, System.out::println).run();
    verdict.problems().forEach(p -> System.out.println("  problem: " + p));
    verdict.report().violations().forEach(v -> System.out.println("  violation: " + v));
    System.out.println(verdict.line());
    System.exit(verdict.passed() ? 0 : 1);
  }
}
