package cn.gxq.subsidy.connectors;

import cn.gxq.subsidy.rules.CreditCode;
import java.util.Map;
import java.util.Set;

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
    return header(id, revision, withdrawn, creditCode, submittedAt) + rentReliefFields(monthlyRent);
  }

  /**
   * The programmes a sample application is written for, by slug: each must be one of the
   * catalogue's, and the catalogue's must all be here (CatalogueEverywhereTest).
   */
  public static Set<String> programmes() {
    return FIELDS.keySet();
  }

  /**
   * A first revision of an application of the programme of {@code slug}, as its outbox row's
   * payload: rent 10 000 a month; R&D of tax year 2021 adding up to 1 000 000; a loan of 2 000 000
   * scoring 0; a tech-SME evaluation scoring 62.
   *
   * @throws IllegalArgumentException for a slug without a sample
   */
  public static String application(String slug, String id, String creditCode, String submittedAt) {
    final String fields = FIELDS.get(slug);
    if (fields == null) {
      throw new IllegalArgumentException("no sample application of " + slug);
    }
    return header(id, 1, false, creditCode, submittedAt) + fields;
  }

  /** The fields every application has (contract: "Every application"), leaving the object open. */
  private static String header(
      String id, int revision, boolean withdrawn, String creditCode, String submittedAt) {
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
        + "\",";
  }

  private static String rentReliefFields(String monthlyRent) {
    return "\"year\":2022,\"landlordName\":\"北京国有资产经营有限责任公司\",\"landlordCreditCode\":null,"
        + "\"landlordStateOwned\":true,\"countyCode\":\"110108\",\"countyRiskListed\":false,"
        + "\"leaseStart\":\"2021-01-01\",\"leaseEnd\":\"2023-12-31\",\"monthlyRent\":\""
        + monthlyRent
        + "\",\"sublessor\":false}";
  }

  private static final Map<String, String> FIELDS =
      Map.of(
          "rent-relief",
          rentReliefFields("10000.00"),
          "rd-deduction",
          "\"taxYear\":2021,\"personnel\":\"600000.00\",\"directInputs\":\"200000.00\","
              + "\"depreciation\":\"100000.00\",\"intangibleAmortisation\":\"50000.00\","
              + "\"designFees\":\"50000.00\",\"otherRelated\":\"0.00\",\"overseasContracted\":\"0.00\","
              + "\"q4Expenses\":null,\"q4EquipmentPurchases\":\"0.00\",\"excludedIncomeShare\":null}",
          "innovation-loan",
          "\"requestedAmount\":\"2000000.00\",\"bankCode\":\"ICBC\",\"termMonths\":12,"
              + "\"rdExpense\":\"0.00\",\"rdExpensePriorYear\":\"0.00\",\"revenue\":\"10000000.00\","
              + "\"revenuePriorYear\":\"10000000.00\",\"techContractTurnover\":\"0.00\","
              + "\"highTechRevenue\":\"0.00\",\"rdTaxSavingPriorYear\":\"0.00\","
              + "\"techStaffShare\":\"0.0000\",\"postgraduateShare\":\"0.0000\","
              + "\"returnOnNetAssets\":\"-0.0100\",\"inventionPatentApplications\":0,"
              + "\"pctApplications\":0,\"graduatesHired\":0,\"provincialPlatforms\":0,"
              + "\"provincialAwards\":0}",
          "tech-sme",
          "\"employees\":100,\"techStaff\":20,\"salesRevenue\":\"10000000.00\","
              + "\"totalAssets\":\"8000000.00\",\"rdExpense\":\"300000.00\","
              + "\"totalCostsAndExpenses\":\"9000000.00\",\"classOneIp\":1,\"classTwoIp\":2,"
              + "\"restrictedProducts\":false,\"seriousIncident\":false,"
              + "\"abnormalOrViolationListed\":false,\"nationalAwardTopThree\":false,"
              + "\"provincialRdInstitution\":false,\"ledStandardDrafting\":false}");
}
