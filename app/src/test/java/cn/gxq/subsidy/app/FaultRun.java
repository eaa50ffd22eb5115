package cn.gxq.subsidy.app;

/**
 * The full fault run from the command line (docs/resilience.md): 200,000 applications, 10 kills, 2
 * broker restarts unless {@code -Dfault.*} properties say otherwise ({@code -Dfault.plan=bounded}
 * starts from the bounded plan). Exit status 0 on PASS.
 */
public final class FaultRun {

  private FaultRun() {}

  public static void main(String[] args) throws Exception {
    final FaultPlan plan =
        FaultPlan.fromSystemProperties(
            "bounded".equals(System.getProperty("fault.plan"))
                ? FaultPlan.bounded()
                : FaultPlan.full());
    final FaultHarness.Verdict verdict = new FaultHarness(plan, System.out::println).run();
    verdict.problems().forEach(p -> System.out.println("  problem: " + p));
    verdict.report().violations().forEach(v -> System.out.println("  violation: " + v));
    System.out.println(verdict.line());
    System.exit(verdict.passed() ? 0 : 1);
  }
}
