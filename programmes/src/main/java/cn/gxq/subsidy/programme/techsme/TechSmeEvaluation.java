package cn.gxq.subsidy.programme.techsme;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.TechSmeApplication;
import cn.gxq.subsidy.contract.MoneyKind;
import cn.gxq.subsidy.programme.ProgrammeDefinition;

/**
 * The technology-based SME evaluation (科技型中小企业评价; 国科发政〔2017〕115号): a recognition, not money. An
 * approved application registers (入库) the enterprise for the evaluation year.
 */
public final class TechSmeEvaluation {

  /** Its section under {@code "programmes"} in a policy file. */
  public static final String POLICY_SECTION = "techSmeEvaluation";

  public static final ProgrammeDefinition<TechSmeApplication> PROGRAMME =
      new ProgrammeDefinition<>(
          Programme.TECH_SME_EVALUATION,
          "tech-sme",
          TechSmeApplication.class,
          MoneyKind.RECOGNITION,
          "科技型中小企业评价",
          "Technology-based SME evaluation",
          POLICY_SECTION,
          TechSmeRules::from);

  private TechSmeEvaluation() {}
}
