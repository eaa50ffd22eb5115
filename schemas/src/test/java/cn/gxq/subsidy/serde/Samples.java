package cn.gxq.subsidy.serde;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.Movement;
import cn.gxq.subsidy.avro.MovementMoney;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.Reason;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.avro.TaxAssessment;
import cn.gxq.subsidy.avro.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/**
 * One realistic instance of every contract record, with optional fields set so that every branch is
 * exercised.
 */
public final class Samples {

  private Samples() {}

  public static Enterprise enterprise() {
    return Enterprise.newBuilder()
        .setCreditCode("91110000600037341L")
        .setName("北京中关村软件有限公司")
        .setZone("ZGC")
        .setIndustryCode("I65")
        .setEmployees(42)
        .setRevenue(new BigDecimal("8500000.00"))
        .setTotalAssets(new BigDecimal("12000000.50"))
        .setRegisteredOn(LocalDate.of(2015, 3, 9))
        .setHighTechCertifiedOn(LocalDate.of(2021, 11, 1))
        .setTechSmeYears(List.of(2021, 2022))
        .setTaxResident(true)
        .setTaxAssessment(TaxAssessment.ACTUAL)
        .setUpdatedAt(Instant.parse("2022-01-05T08:00:00Z"))
        .build();
  }

  public static Budget budget() {
    return Budget.newBuilder()
        .setZone("ZGC")
        .setProgramme(Programme.RD_SUPER_DEDUCTION)
        .setYear(2023)
        .setAmount(new BigDecimal("100.00"))
        .setUpdatedAt(Instant.parse("2023-01-01T00:00:00Z"))
        .build();
  }

  public static RentReliefApplication rentRelief() {
    return RentReliefApplication.newBuilder()
        .setApplicationId("RR-2022-0001")
        .setRevision(2)
        .setWithdrawn(false)
        .setCreditCode("91110000600037341L")
        .setSubmittedAt(Instant.parse("2022-05-01T09:30:00.125Z"))
        .setYear(2022)
        .setLandlordName("北京国资置业")
        .setLandlordCreditCode("91110000100000000X")
        .setLandlordStateOwned(true)
        .setCountyCode("110108")
        .setCountyRiskListed(true)
        .setLeaseStart(LocalDate.of(2021, 7, 1))
        .setLeaseEnd(LocalDate.of(2023, 6, 30))
        .setMonthlyRent(new BigDecimal("12500.00"))
        .setSublessor(false)
        .build();
  }

  public static RdDeductionApplication rdDeduction() {
    return RdDeductionApplication.newBuilder()
        .setApplicationId("RD-2023-0042")
        .setCreditCode("91110000600037341L")
        .setSubmittedAt(Instant.parse("2024-03-15T02:00:00Z"))
        .setTaxYear(2023)
        .setPersonnel(new BigDecimal("1200000.00"))
        .setDirectInputs(new BigDecimal("300000.00"))
        .setDepreciation(new BigDecimal("50000.00"))
        .setIntangibleAmortisation(new BigDecimal("0.00"))
        .setDesignFees(new BigDecimal("20000.00"))
        .setOtherRelated(new BigDecimal("90000.99"))
        .setOverseasContracted(new BigDecimal("0.00"))
        .setQ4Expenses(new BigDecimal("310000.00"))
        .setQ4EquipmentPurchases(new BigDecimal("0.00"))
        .setExcludedIncomeShare(new BigDecimal("0.0250"))
        .build();
  }

  public static InnovationLoanApplication innovationLoan() {
    return InnovationLoanApplication.newBuilder()
        .setApplicationId("IL-2024-0007")
        .setRevision(1)
        .setWithdrawn(true)
        .setCreditCode("91320594MA1MXXXX0C")
        .setSubmittedAt(Instant.parse("2024-06-30T16:00:00Z"))
        .setRequestedAmount(new BigDecimal("5000000.00"))
        .setBankCode("BOC")
        .setTermMonths(12)
        .setRdExpense(new BigDecimal("800000.00"))
        .setRdExpensePriorYear(new BigDecimal("600000.00"))
        .setRevenue(new BigDecimal("20000000.00"))
        .setRevenuePriorYear(new BigDecimal("15000000.00"))
        .setTechContractTurnover(new BigDecimal("0.00"))
        .setHighTechRevenue(new BigDecimal("9000000.00"))
        .setRdTaxSavingPriorYear(new BigDecimal("150000.00"))
        .setTechStaffShare(new BigDecimal("0.3500"))
        .setPostgraduateShare(new BigDecimal("0.1250"))
        .setReturnOnNetAssets(new BigDecimal("-0.0312"))
        .setInventionPatentApplications(3)
        .setPctApplications(1)
        .setGraduatesHired(5)
        .setProvincialPlatforms(0)
        .setProvincialAwards(2)
        .build();
  }

  public static Decision decision() {
    final Map<String, String> details = new LinkedHashMap<>();
    details.put("reliefMonths", "6");
    details.put("monthlyRent", "12500.00");
    return Decision.newBuilder()
        .setApplicationId("RR-2022-0001")
        .setRevision(2)
        .setSequence(3L)
        .setProgramme(Programme.RENT_RELIEF)
        .setCreditCode("91110000600037341L")
        .setEnterpriseName("北京中关村软件有限公司")
        .setZone("ZGC")
        .setYear(2022)
        .setStatus(DecisionStatus.APPROVED)
        .setRequestedAmount(new BigDecimal("75000.00"))
        .setApprovedAmount(new BigDecimal("75000.00"))
        .setReasons(List.of(new Reason("CAPPED_AT_TIER", "six months: the county was risk-listed")))
        .setDetails(details)
        .setPolicyVersion("2022.1")
        .setSubmittedAt(Instant.parse("2022-05-01T09:30:00Z"))
        .setDecidedAt(Instant.parse("2022-05-01T09:30:01Z"))
        .build();
  }

  public static Totals totals() {
    return Totals.newBuilder()
        .setZone("ALL")
        .setProgramme(Programme.INNOVATION_CREDIT_LOAN)
        .setYear(2024)
        .setReceived(10L)
        .setApproved(6L)
        .setRejected(2L)
        .setWaitlisted(1L)
        .setWithdrawn(1L)
        .setApprovedAmount(new BigDecimal("30000000.00"))
        .setBudget(new BigDecimal("25000000.00"))
        .setBudgetRemaining(new BigDecimal("-5000000.00"))
        .setUpdatedAt(Instant.parse("2024-07-01T00:00:00Z"))
        .build();
  }

  /** Every contract record type, once. */
  public static Movement movement() {
    return new Movement(
        "RR-1#3#OUT",
        "RR-1",
        3L,
        "91110000600037341L",
        "ZGC",
        Programme.RENT_RELIEF,
        2022,
        MovementMoney.CASH,
        new BigDecimal("-75000.00"),
        new BigDecimal("0.00"),
        new BigDecimal("30000.00"),
        "APPROVED",
        Instant.parse("2022-06-01T02:00:00Z"));
  }

  public static Settlement settlement() {
    return new Settlement(
        "RR-1#1", new BigDecimal("-30000.00"), Instant.parse("2022-06-02T02:00:00Z"), "REF-9");
  }

  public static ControlTotals controlTotals() {
    return new ControlTotals(
        "ZGC",
        Programme.RENT_RELIEF,
        2022,
        java.time.LocalDate.of(2022, 6, 1),
        2L,
        new BigDecimal("-45000.00"),
        new BigDecimal("75000.00"),
        new BigDecimal("30000.00"),
        new BigDecimal("0.00"),
        Instant.parse("2022-06-01T02:00:00Z"));
  }

  public static List<SpecificRecord> all() {
    return List.of(
        enterprise(),
        budget(),
        rentRelief(),
        rdDeduction(),
        innovationLoan(),
        decision(),
        totals(),
        movement(),
        settlement(),
        controlTotals());
  }
}
