package cn.gxq.subsidy.policy;

import java.math.BigDecimal;
import java.util.List;

/**
 * Facts about enterprises shared by the programmes.
 *
 * @param individualBusinessTypePrefix USCC prefix of 个体工商户 (GB 32100-2015: {@code 92})
 * @param manufacturing industries counted as manufacturing (section C)
 * @param highTechValidityYears validity of a 高新技术企业 certificate (国科发火〔2016〕32号: 3)
 * @param standardIncomeTaxRate enterprise income tax rate (25%)
 * @param highTechIncomeTaxRate rate with a valid high-tech certificate (15%)
 */
public record EnterprisePolicy(
    String individualBusinessTypePrefix,
    List<IndustryPattern> manufacturing,
    int highTechValidityYears,
    BigDecimal standardIncomeTaxRate,
    BigDecimal highTechIncomeTaxRate) {
  public EnterprisePolicy {
    manufacturing = List.copyOf(manufacturing);
  }
}
