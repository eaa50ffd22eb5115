package cn.gxq.subsidy.app;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.TaxAssessment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Registry records for tests that need an ordinary applicant and nothing particular about it. */
final class TestEnterprises {

  private TestEnterprises() {}

  /**
   * A small software firm (I65, 50 staff, 5 million yuan revenue) of Zhongguancun, registered in
   * 2015, tax-resident, no certificates, as of 2022-01-01: every programme's size and registry
   * checks pass. Set what a test cares about on the builder.
   */
  static Enterprise.Builder smallFirm(String creditCode, String name) {
    return Enterprise.newBuilder()
        .setCreditCode(creditCode)
        .setName(name)
        .setZone("ZGC")
        .setIndustryCode("I65")
        .setEmployees(50)
        .setRevenue(new BigDecimal("5000000.00"))
        .setTotalAssets(new BigDecimal("3000000.00"))
        .setRegisteredOn(LocalDate.of(2015, 3, 1))
        .setHighTechCertifiedOn(null)
        .setTechSmeYears(List.of())
        .setTaxResident(true)
        .setTaxAssessment(TaxAssessment.ACTUAL)
        .setUpdatedAt(Instant.parse("2022-01-01T00:00:00Z"));
  }
}
