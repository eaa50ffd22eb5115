package cn.gxq.subsidy.connectors;

import cn.gxq.subsidy.rules.CreditCode;

/** Plain-JSON payloads as the government system writes them into its outbox. */
public final class Samples {

  private Samples() {}

  /** A valid credit code numbered {@code n} (Haidian, enterprise). */
  public static String creditCode(int n) {
    final String first17 = "91110108" + String.format("%09d", n);
    return first17 + CreditCode.checkCharacter(first17);
  }

  /** A small software firm in ZGC, registered since 2015, as of {@code updatedAt}. */
  public static String enterprise(String creditCode, String updatedAt) {
    return "{\"creditCode\":\""
        + creditCode
        + "\",\"name\":\"北京测试科技有限公司\",\"zone\":\"ZGC\","
        + "\"industryCode\":\"I65\",\"employees\":50,\"revenue\":\"5000000.00\","
        + "\"totalAssets\":\"3000000.00\",\"registeredOn\":\"2015-03-01\",\"highTechCertifiedOn\":null,"
        + "\"techSmeYears\":[],\"taxResident\":true,\"taxAssessment\":\"ACTUAL\","
        + "\"updatedAt\":\""
        + updatedAt
        + "\"}";
  }

  public static String rentReliefBudget(String amount, String updatedAt) {
    return "{\"zone\":\"ZGC\",\"programme\":\"RENT_RELIEF\",\"year\":2022,\"amount\":\""
        + amount
        + "\",\"updatedAt\":\""
        + updatedAt
        + "\"}";
  }

  /** Rent relief 2022 from a state-owned landlord over the whole year. */
  public static String rentRelief(
      String id,
      int revision,
      boolean withdrawn,
      String creditCode,
      String monthlyRent,
      String submittedAt) {
    return "{\"applicationId\":\""
        + id
        + "\",\"revision\":"
        + revision
        + ",\"withdrawn\":"
        + withdrawn
        + ",\"creditCode\":\""
        + creditCode
        + "\",\"submittedAt\":\""
        + submittedAt
        + "\",\"year\":2022,\"landlordName\":\"北京国有资产经营有限责任公司\",\"landlordCreditCode\":null,"
        + "\"landlordStateOwned\":true,\"countyCode\":\"110108\",\"countyRiskListed\":false,"
        + "\"leaseStart\":\"2021-01-01\",\"leaseEnd\":\"2023-12-31\",\"monthlyRent\":\""
        + monthlyRent
        + "\",\"sublessor\":false}";
  }
}
