package cn.gxq.subsidy.rules;

/**
 * Reason codes of the contract (docs/contract.md, plus ELIGIBLE). Decisions carry them as strings.
 */
public enum ReasonCode {
  INVALID_CREDIT_CODE,
  INVALID_FIELD,
  UNSUPPORTED_YEAR,
  ENTERPRISE_NOT_REGISTERED,
  DUPLICATE_CLAIM,
  NOT_SMALL_OR_MICRO,
  NOT_SERVICE_INDUSTRY,
  LANDLORD_NOT_STATE_OWNED,
  SUBLESSOR_NOT_ELIGIBLE,
  LEASE_NOT_IN_YEAR,
  NON_RESIDENT,
  DEEMED_PROFIT_TAXATION,
  EXCLUDED_INDUSTRY,
  NO_ELIGIBLE_EXPENSE,
  NOT_INNOVATION_ENTITY,
  SCORE_BELOW_THRESHOLD,
  CAPPED_AT_TIER,
  BUDGET_EXHAUSTED,
  APPROVED_FROM_WAITLIST,
  WITHDRAWN_BY_APPLICANT,
  /** Tech-SME evaluation: the applicant is not an enterprise (USCC type other than 91). */
  NOT_AN_ENTERPRISE,
  /** Tech-SME evaluation: over 500 staff, or sales revenue or total assets over 2亿. */
  EXCEEDS_SME_LIMITS,
  /** Tech-SME evaluation: a product in the prohibited, restricted or eliminated catalogue. */
  RESTRICTED_PRODUCTS,
  /** Tech-SME evaluation: a serious incident, or listed for abnormal operations or violations. */
  INTEGRITY_RECORD,
  /** Tech-SME evaluation: the score passes only with a tech-staff score above 0. */
  NO_TECH_STAFF_SCORE,
  /**
   * This project's addition to the contract: an eligible application the platform cannot take on
   * because one of its own limits is reached (a registration series full on its partition, a
   * bucket's line out of tickets, or a bucket holding as much money as its totals can carry). The
   * message names the limit, {@code details.capacityLimit} says which; the decision is REJECTED and
   * the stream goes on.
   */
  CAPACITY_REACHED,
  /**
   * This project's addition to the contract: the first reason of every eligible outcome, stating
   * the amount and its arithmetic in plain words.
   */
  ELIGIBLE
}
