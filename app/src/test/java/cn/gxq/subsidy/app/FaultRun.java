package cn.gxq.subsidy.app;

/**
 * The full fault run from the command line (docs/resilience.md): 200,000 applications, 10 kills,
 * 2 broker restarts unless {@code -Dfault.*} properties say otherwise. Exit status 0 on PASS.
 */
public final class FaultRun {

  private FaultRun() {}

  public static void main(String[] args) throws Exception {
    final FaultPlan plan = FaultPlan.fromSystemProperties(FaultPlan.full());
    final FaultHarness.Verdict verdict = new FaultHarness(plan, System.out::println).run();
    verdict.problems().forEach(p -> System.out.println("  problem: " + p));
    verdict.report().violations().forEach(v -> System.out.println("  violation: " + v));
    System.out.println(verdict.line());
    System.exit(verdict.passed() ? 0 : 1);
  }
}
