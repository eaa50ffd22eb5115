package cn.gxq.subsidy.programme.rddeduction;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.contract.MoneyKind;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import cn.gxq.subsidy.rules.RdDeductionRules;

/** R&D expense super-deduction (研发费用加计扣除): an extra deduction from taxable income. */
public final class RdDeduction {

  public static final ProgrammeDefinition<RdDeductionApplication> PROGRAMME =
      new ProgrammeDefinition<>(
          Programme.RD_SUPER_DEDUCTION,
          "rd-deduction",
          RdDeductionApplication.class,
          MoneyKind.TAX_DEDUCTION,
          "研发费用加计扣除",
          "R&D super-deduction",
          null,
          RdDeductionRules::from);

  private RdDeduction() {}
}
