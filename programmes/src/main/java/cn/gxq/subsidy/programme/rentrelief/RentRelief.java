package cn.gxq.subsidy.programme.rentrelief;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.contract.MoneyKind;
import cn.gxq.subsidy.programme.ProgrammeDefinition;

/** SME rent relief (房租减免; 发改财金〔2022〕271号): cash relief of months of rent. */
public final class RentRelief {

  /** Its section at the top level of a policy file. */
  public static final String POLICY_SECTION = "rentRelief";

  public static final ProgrammeDefinition<RentReliefApplication> PROGRAMME =
      new ProgrammeDefinition<>(
          Programme.RENT_RELIEF,
          "rent-relief",
          RentReliefApplication.class,
          MoneyKind.CASH,
          "房租减免",
          "Rent relief",
          POLICY_SECTION,
          RentReliefRules::from);

  private RentRelief() {}
}
