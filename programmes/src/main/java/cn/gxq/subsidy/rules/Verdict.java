package cn.gxq.subsidy.rules;

/**
 * What the programme rules say before budgets are considered. An {@code ELIGIBLE} outcome becomes
 * APPROVED or WAITLISTED in the budget ledger; {@code REJECTED} is final for that revision.
 */
public enum Verdict {
  ELIGIBLE,
  REJECTED
}
