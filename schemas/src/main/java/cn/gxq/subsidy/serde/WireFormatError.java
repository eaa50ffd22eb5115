package cn.gxq.subsidy.serde;

/**
 * Why a record could not be read. The names are the dead-letter {@code error.code} values of the
 * contract.
 */
public enum WireFormatError {
  /** The bytes are not a readable Confluent-framed Avro record of the expected type. */
  UNDECODABLE,
  /** The schema id in the header is not known to the schema registry. */
  UNKNOWN_SCHEMA
}
