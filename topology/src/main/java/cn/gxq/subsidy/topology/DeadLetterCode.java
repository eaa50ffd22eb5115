package cn.gxq.subsidy.topology;

/**
 * Why a record went to the dead-letter topic. The first four are the contract's; the last two are
 * this project's additions (see the README): a record that decodes but cannot be addressed or
 * accounted for, and a failure inside a rule that must not stop the application.
 */
public enum DeadLetterCode {
  UNDECODABLE,
  UNKNOWN_SCHEMA,
  NULL_VALUE,
  MISSING_KEY,
  INVALID_RECORD,
  RULE_FAILURE
}
