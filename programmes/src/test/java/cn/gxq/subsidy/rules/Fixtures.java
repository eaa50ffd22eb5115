package cn.gxq.subsidy.rules;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.TaxAssessment;
import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.policy.PolicyBook;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Realistic defaults for tests; each test changes only what it is about. */
public final class Fixtures {
  /** The version in force in 2022, when the fixtures' applications are submitted. */
  public static final Policy POLICY = PolicyBook.loadDefault().version("2022.1");

  /** The version in force from 2023-01-01. */
  public static final Policy POLICY_2023 = PolicyBook.loadDefault().version("2023.1");

  /** Published valid example of GB 32100-2015. */
  public static final String CODE = "91110000600037341L";

  /** An individual business (type 92) with a correct check character. */
  public static final String INDIVIDUAL = code("92110108MA01ABCD1");

  public static final String LANDLORD_CODE = code("91110000101000001");

  /** 2022-05-01 10:00 in Beijing. */
  public static final Instant MAY_2022 = Instant.parse("2022-05-01T02:00:00Z");

  private Fixtures() {}

  public static String code(String first17) {
    return first17 + CreditCode.checkCharacter(first17);
  }

  public static BigDecimal yuan(String s) {
    return new BigDecimal(s).setScale(2);
  }

  public static BigDecimal share(String s) {
    return new BigDecimal(s).setScale(4);
  }

  /** A small software company (I65, 50 staff, revenue 500万), resident, actual accounts. */
  public static Enterprise.Builder enterprise() {
    return Enterprise.newBuilder()
        .setCreditCode(CODE)
        .setName("北京测试科技有限公司")
        .setZone("ZGC")
        .setIndustryCode("I65")
        .setEmployees(50)
        .setRevenue(yuan("5000000"))
        .setTotalAssets(yuan("3000000"))
        .setRegisteredOn(LocalDate.of(2015, 1, 1))
        .setHighTechCertifiedOn(null)
        .setTechSmeYears(List.of())
        .setTaxResident(true)
        .setTaxAssessment(TaxAssessment.ACTUAL)
        .setUpdatedAt(Instant.parse("2022-01-01T00:00:00Z"));
  }

  /**
   * Rent 10 000 a month from a state-owned landlord, lease covering all of 2022, county not listed.
   */
  public static RentReliefApplication.Builder rent() {
    return RentReliefApplication.newBuilder()
        .setApplicationId("RR-1")
        .setRevision(1)
        .setWithdrawn(false)
        .setCreditCode(CODE)
        .setSubmittedAt(MAY_2022)
        .setYear(2022)
        .setLandlordName("北京市国有资产经营有限责任公司")
        .setLandlordCreditCode(null)
        .setLandlordStateOwned(true)
        .setCountyCode("110108")
        .setCountyRiskListed(false)
        .setLeaseStart(LocalDate.of(2021, 1, 1))
        .setLeaseEnd(LocalDate.of(2023, 12, 31))
        .setMonthlyRent(yuan("10000"))
        .setSublessor(false);
  }

  /** Tax year 2021, five main categories adding up to 1 000 000, nothing else. */
  public static RdDeductionApplication.Builder rd() {
    return RdDeductionApplication.newBuilder()
        .setApplicationId("RD-1")
        .setRevision(1)
        .setWithdrawn(false)
        .setCreditCode(CODE)
        .setSubmittedAt(MAY_2022)
        .setTaxYear(2021)
        .setPersonnel(yuan("600000"))
        .setDirectInputs(yuan("200000"))
        .setDepreciation(yuan("100000"))
        .setIntangibleAmortisation(yuan("50000"))
        .setDesignFees(yuan("50000"))
        .setOtherRelated(yuan("0"))
        .setOverseasContracted(yuan("0"))
        .setQ4Expenses(null)
        .setQ4EquipmentPurchases(yuan("0"))
        .setExcludedIncomeShare(null);
  }

  /** An application scoring 0: every indicator below its lowest band. */
  public static InnovationLoanApplication.Builder loan() {
    return InnovationLoanApplication.newBuilder()
        .setApplicationId("IL-1")
        .setRevision(1)
        .setWithdrawn(false)
        .setCreditCode(CODE)
        .setSubmittedAt(MAY_2022)
        .setRequestedAmount(yuan("2000000"))
        .setBankCode("ICBC")
        .setTermMonths(12)
        .setRdExpense(yuan("0"))
        .setRdExpensePriorYear(yuan("0"))
        .setRevenue(yuan("10000000"))
        .setRevenuePriorYear(yuan("10000000"))
        .setTechContractTurnover(yuan("0"))
        .setHighTechRevenue(yuan("0"))
        .setRdTaxSavingPriorYear(yuan("0"))
        .setTechStaffShare(share("0"))
        .setPostgraduateShare(share("0"))
        .setReturnOnNetAssets(share("-0.01"))
        .setInventionPatentApplications(0)
        .setPctApplications(0)
        .setGraduatesHired(0)
        .setProvincialPlatforms(0)
        .setProvincialAwards(0);
  }
}
