package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.policy.PolicyBook;
import cn.gxq.subsidy.programme.innovationloan.InnovationLoanRules;

/**
 * The innovation score the rules give a loan application, so the generator can aim applications at
 * the policy's tiers. Read from the policy through the rules themselves: a policy edit moves the
 * demo's aim with it.
 */
final class LoanScore {
  private static final InnovationLoanRules RULES =
      InnovationLoanRules.from(PolicyBook.loadDefault().current());

  private LoanScore() {}

  static int of(InnovationLoanApplication a) {
    return RULES.score(a);
  }
}
