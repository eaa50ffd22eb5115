package cn.gxq.subsidy.programme.innovationloan;

import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.contract.MoneyKind;
import cn.gxq.subsidy.programme.ProgrammeDefinition;

/** Innovation-credit loans (创新积分贷): a credit line capped by the innovation score's tier. */
public final class InnovationLoan {

  /** Its section at the top level of a policy file. */
  public static final String POLICY_SECTION = "innovationLoan";

  public static final ProgrammeDefinition<InnovationLoanApplication> PROGRAMME =
      new ProgrammeDefinition<>(
          Programme.INNOVATION_CREDIT_LOAN,
          "innovation-loan",
          InnovationLoanApplication.class,
          MoneyKind.LOAN,
          "创新积分贷",
          "Innovation-credit loan",
          POLICY_SECTION,
          InnovationLoanRules::from);

  private InnovationLoan() {}
}
