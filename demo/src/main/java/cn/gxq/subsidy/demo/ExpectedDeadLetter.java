package cn.gxq.subsidy.demo;

/** The contract's dead-letter {@code error.code} a hostile record must end up with. */
public enum ExpectedDeadLetter {
  UNDECODABLE,
  UNKNOWN_SCHEMA,
  NULL_VALUE,
  MISSING_KEY
}
