package cn.gxq.subsidy.contract;

/**
 * Why a record went to the dead-letter topic, as the contract lists them: a record that decodes but
 * cannot be addressed or accounted for, a failure inside a rule that must not stop the application,
 * an application keyed by something other than its id.
 */
public enum DeadLetterCode {
  UNDECODABLE,
  UNKNOWN_SCHEMA,
  NULL_VALUE,
  MISSING_KEY,
  INVALID_RECORD,
  RULE_FAILURE,
  /** An application whose key is not its applicationId: per-application ordering needs it to be. */
  KEY_MISMATCH,
  /** A settlement of a movement the platform never made (or of another application's). */
  UNKNOWN_MOVEMENT,
  /** A second settlement of a movement already settled: it is never counted twice. */
  DUPLICATE_SETTLEMENT,
  /**
   * A settlement beyond what its movement asked, beyond what is approved and not yet recovered, or
   * of the wrong sign (a payment against a recovery, a recovery against a payment).
   */
  SETTLEMENT_EXCEEDS
}
