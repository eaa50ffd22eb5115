package cn.gxq.subsidy.programme.rddeduction;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.contract.MoneyKind;
import cn.gxq.subsidy.programme.ProgrammeDefinition;

/** R&D expense super-deduction (研发费用加计扣除): an extra deduction from taxable income. */
public final class RdDeduction {

  /** Its section at the top level of a policy file. */
  public static final String POLICY_SECTION = "rdDeduction";

  public static final ProgrammeDefinition<RdDeductionApplication> PROGRAMME =
      new ProgrammeDefinition<>(
          Programme.RD_SUPER_DEDUCTION,
          "rd-deduction",
          RdDeductionApplication.class,
          MoneyKind.TAX_DEDUCTION,
          "研发费用加计扣除",
          "R&D super-deduction",
          POLICY_SECTION,
          RdDeductionRules::from);

  private RdDeduction() {}
}
