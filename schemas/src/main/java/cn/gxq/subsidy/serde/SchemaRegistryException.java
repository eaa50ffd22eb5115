package cn.gxq.subsidy.serde;

/**
 * The schema registry refused a request or could not be reached. Carries the HTTP status and
 * Confluent's {@code error_code}; both are {@code 0} when there was no answer at all.
 */
public final class SchemaRegistryException extends RuntimeException {

  /** Confluent error code for "schema not found". */
  public static final int SCHEMA_NOT_FOUND = 40403;

  /** Confluent error code for "subject not found". */
  public static final int SUBJECT_NOT_FOUND = 40401;

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(final int status, final int errorCode, final String message) {
    this(status, errorCode, message, null);
  }

  public SchemaRegistryException(
      final int status, final int errorCode, final String message, final Throwable cause) {
    super(message, cause);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** HTTP status, or 0 when the registry did not answer. */
  public int status() {
    return status;
  }

  /** Confluent {@code error_code}, or 0 when the answer had none. */
  public int errorCode() {
    return errorCode;
  }

  /** True when the registry answered that the schema id does not exist (404 / 40403). */
  public boolean isSchemaNotFound() {
    return status == 404 && errorCode == SCHEMA_NOT_FOUND;
  }

  /** True when the registry could not be reached at all. */
  public boolean isUnreachable() {
    return status == 0;
  }
}
