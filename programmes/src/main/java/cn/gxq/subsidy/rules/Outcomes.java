package cn.gxq.subsidy.rules;

import cn.gxq.subsidy.avro.Enterprise;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** Builds outcomes the same way for every programme. */
public final class Outcomes {
  private Outcomes() {}

  public static Outcome rejected(
      int year,
      String claimKey,
      BigDecimal requested,
      List<Finding> findings,
      Details details,
      String version) {
    if (findings.isEmpty()) {
      throw new IllegalArgumentException("a rejection needs a reason");
    }
    return new Outcome(
        Verdict.REJECTED,
        year,
        claimKey,
        requested == null ? null : Money.round(requested),
        Money.ZERO,
        findings,
        details.asMap(),
        version);
  }

  public static Outcome eligible(
      int year,
      String claimKey,
      BigDecimal requested,
      BigDecimal eligible,
      List<Finding> findings,
      Details details,
      String version) {
    return new Outcome(
        Verdict.ELIGIBLE,
        year,
        claimKey,
        Money.round(requested),
        Money.round(eligible),
        findings,
        details.asMap(),
        version);
  }

  public static Finding notRegistered(String creditCode, LocalDate asOf) {
    return new Finding(
        ReasonCode.ENTERPRISE_NOT_REGISTERED,
        "enterprise "
            + creditCode
            + " was not registered as of "
            + asOf
            + " (the submission date); register with the zone's enterprise registry, then submit a new revision");
  }

  /**
   * The registry's industry code is no GB/T 4754 code: the registry, not the applicant, must fix
   * it.
   */
  public static Finding badRegistryIndustry(Enterprise enterprise) {
    return new Finding(
        ReasonCode.INVALID_FIELD,
        "industryCode: the registry holds '"
            + enterprise.getIndustryCode()
            + "', not a GB/T 4754 code like C39; ask the registry to correct it, then submit a new revision");
  }

  /** Null-safe text for claim keys of applications too invalid to say more. */
  public static String orEmpty(String s) {
    return s == null ? "" : s.trim();
  }
}
