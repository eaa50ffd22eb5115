package cn.gxq.subsidy.whatif;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Reason;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a what-if compares of an application's current decision; small, since a replay of a million
 * applications holds two of these per application.
 */
public record DecidedApplication(
    String applicationId,
    int revision,
    long sequence,
    String bucket,
    DecisionStatus status,
    BigDecimal requestedAmount,
    BigDecimal approvedAmount,
    List<String> reasons) {

  static DecidedApplication of(Decision d) {
    return new DecidedApplication(
        d.getApplicationId(),
        d.getRevision(),
        d.getSequence(),
        (d.getZone() == null ? "UNKNOWN" : d.getZone())
            + ":"
            + d.getProgramme()
            + ":"
            + d.getYear(),
        d.getStatus(),
        d.getRequestedAmount(),
        d.getApprovedAmount(),
        d.getReasons().stream().map(Reason::getCode).map(String::intern).toList());
  }

  /**
   * Whether this decision is the outcome of competing for money, a claim or a capacity: approved,
   * waitlisted, or rejected only because another application holds the claim or took the last of a
   * capacity (a registration serial, a bucket's tickets or money; who took it depends on order).
   */
  boolean competing() {
    return status == DecisionStatus.APPROVED
        || status == DecisionStatus.WAITLISTED
        || (status == DecisionStatus.REJECTED
            && !reasons.isEmpty()
            && (reasons.get(0).equals("DUPLICATE_CLAIM")
                || reasons.get(0).equals("CAPACITY_REACHED")));
  }

  /** Same final status and the same approved amount (2.0 equals 2.00). */
  boolean sameOutcome(DecidedApplication other) {
    return other != null
        && status == other.status
        && approvedAmount.compareTo(other.approvedAmount) == 0;
  }
}
