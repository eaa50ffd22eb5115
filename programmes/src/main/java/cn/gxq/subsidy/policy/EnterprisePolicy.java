package cn.gxq.subsidy.policy;

import java.math.BigDecimal;
import java.util.List;

/**
 * Facts about enterprises shared by the programmes.
 *
 * @param individualBusinessTypePrefix USCC prefix of 个体工商户 (GB 32100-2015: {@code 92})
 * @param manufacturing industries counted as manufacturing (section C)
 * @param highTechCertificate the 高新技术企业 certificate
 * @param incomeTax enterprise income tax rates
 */
public record EnterprisePolicy(
    String individualBusinessTypePrefix,
    List<IndustryPattern> manufacturing,
    HighTechCertificate highTechCertificate,
    IncomeTax incomeTax) {
  public EnterprisePolicy {
    if (!individualBusinessTypePrefix.matches("[0-9A-HJ-NP-RTUWXY]{2}")) {
      throw PolicyChecks.invalid(
          "individualBusinessTypePrefix",
          "must be two USCC characters, e.g. 92, was " + individualBusinessTypePrefix);
    }
    manufacturing = List.copyOf(manufacturing);
  }

  /**
   * @param validityYears years a certificate is valid (国科发火〔2016〕32号: 3)
   */
  public record HighTechCertificate(int validityYears) {
    public HighTechCertificate {
      PolicyChecks.requireBetween("validityYears", validityYears, 1, 10);
    }
  }

  /**
   * @param standardRate enterprise income tax rate (25%)
   * @param highTechRate rate with a valid high-tech certificate (15%)
   */
  public record IncomeTax(BigDecimal standardRate, BigDecimal highTechRate) {
    public IncomeTax {
      PolicyChecks.requireShare("standardRate", standardRate);
      PolicyChecks.requireShare("highTechRate", highTechRate);
    }
  }

  public int highTechValidityYears() {
    return highTechCertificate.validityYears();
  }

  public BigDecimal standardIncomeTaxRate() {
    return incomeTax.standardRate();
  }

  public BigDecimal highTechIncomeTaxRate() {
    return incomeTax.highTechRate();
  }
}
