package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.TaxAssessment;
import cn.gxq.subsidy.rules.CreditCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Records for topology tests: a small service-industry enterprise renting from the state. */
final class Fixtures {

  private Fixtures() {}

  /** A valid credit code numbered {@code n}: 91 (enterprise), Haidian, organisation code n. */
  static String creditCode(int n) {
    final String first17 = "91110108" + String.format("%09d", n);
    return first17 + CreditCode.checkCharacter(first17);
  }

  static Instant at(String isoInstant) {
    return Instant.parse(isoInstant);
  }

  static BigDecimal yuan(String amount) {
    return new BigDecimal(amount);
  }

  /** Software and IT services (I65), 50 staff, 500万 revenue: small under 工信部联企业〔2011〕300号. */
  static Enterprise.Builder smallSoftwareFirm(String creditCode, String zone, Instant updatedAt) {
    return Enterprise.newBuilder()
        .setCreditCode(creditCode)
        .setName("北京测试科技有限公司" + creditCode.substring(12, 17))
        .setZone(zone)
        .setIndustryCode("I65")
        .setEmployees(50)
        .setRevenue(yuan("5000000.00"))
        .setTotalAssets(yuan("3000000.00"))
        .setRegisteredOn(LocalDate.of(2015, 3, 1))
        .setHighTechCertifiedOn(null)
        .setTechSmeYears(List.of())
        .setTaxResident(true)
        .setTaxAssessment(TaxAssessment.ACTUAL)
        .setUpdatedAt(updatedAt);
  }

  /**
   * Rent relief 2022, state-owned landlord, lease over the whole year, not risk-listed: 3 months.
   */
  static RentReliefApplication.Builder rentRelief(
      String id, String creditCode, String monthlyRent, Instant submittedAt) {
    return RentReliefApplication.newBuilder()
        .setApplicationId(id)
        .setRevision(1)
        .setWithdrawn(false)
        .setCreditCode(creditCode)
        .setSubmittedAt(submittedAt)
        .setYear(2022)
        .setLandlordName("北京国有资产经营有限责任公司")
        .setLandlordCreditCode(null)
        .setLandlordStateOwned(true)
        .setCountyCode("110108")
        .setCountyRiskListed(false)
        .setLeaseStart(LocalDate.of(2021, 1, 1))
        .setLeaseEnd(LocalDate.of(2023, 12, 31))
        .setMonthlyRent(yuan(monthlyRent))
        .setSublessor(false);
  }

  static Budget budget(String zone, String amount, Instant updatedAt) {
    return new Budget(zone, Programme.RENT_RELIEF, 2022, yuan(amount), updatedAt);
  }

  static String bucket(String zone) {
    return zone + ":RENT_RELIEF:2022";
  }
}
