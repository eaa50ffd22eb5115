package cn.gxq.subsidy.app;

import cn.gxq.subsidy.avro.RentReliefApplication;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Applications for tests that need an ordinary one and nothing particular about it. */
final class TestApplications {

  private TestApplications() {}

  /**
   * Revision 1 of a 2022 rent-relief application: 10,000.00 a month from a state-owned landlord
   * over 2021–2023, in a county not risk-listed (3 months under policy 2022.1: 30,000.00). Set what
   * a test cares about on the builder.
   */
  static RentReliefApplication.Builder rentRelief(
      String id, String creditCode, String submittedAt) {
    return RentReliefApplication.newBuilder()
        .setApplicationId(id)
        .setRevision(1)
        .setWithdrawn(false)
        .setCreditCode(creditCode)
        .setSubmittedAt(Instant.parse(submittedAt))
        .setYear(2022)
        .setLandlordName("北京国有资产经营有限责任公司")
        .setLandlordCreditCode(null)
        .setLandlordStateOwned(true)
        .setCountyCode("110108")
        .setCountyRiskListed(false)
        .setLeaseStart(LocalDate.of(2021, 1, 1))
        .setLeaseEnd(LocalDate.of(2023, 12, 31))
        .setMonthlyRent(new BigDecimal("10000.00"))
        .setSublessor(false);
  }
}
