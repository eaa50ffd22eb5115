package cn.gxq.subsidy.registry;

import java.util.List;

/**
 * A failure answered with a Confluent Schema Registry error body, {@code {"error_code": N,
 * "message": "..."}}. The factories name the error codes clients of the Confluent REST API know.
 */
final class RegistryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int errorCode;
  private final List<String> details;

  RegistryException(final int httpStatus, final int errorCode, final String message) {
    this(httpStatus, errorCode, message, List.of(), null);
  }

  private RegistryException(
      final int httpStatus,
      final int errorCode,
      final String message,
      final List<String> details,
      final Throwable cause) {
    super(message, cause);
    this.httpStatus = httpStatus;
    this.errorCode = errorCode;
    this.details = List.copyOf(details);
  }

  static RegistryException subjectNotFound(final String subject) {
    return new RegistryException(404, 40401, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(final String subject, final String version) {
    return new RegistryException(
        404, 40402, "Version " + version + " not found for subject '" + subject + "'.");
  }

  static RegistryException schemaNotFound(final String what) {
    return new RegistryException(404, 40403, "Schema " + what + " not found.");
  }

  static RegistryException subjectLevelNotConfigured(final String subject) {
    return new RegistryException(
        404,
        40408,
        "Subject '"
            + subject
            + "' does not have subject-level compatibility configured; ask with ?defaultToGlobal=true"
            + " for the global level.");
  }

  static RegistryException invalidSchema(final String reason) {
    return new RegistryException(422, 42201, "Invalid schema: " + reason);
  }

  static RegistryException invalidVersion(final String version) {
    return new RegistryException(
        422,
        42202,
        "The specified version '"
            + version
            + "' is not a valid version id."
            + " Allowed values are between [1, 2^31-1] and the string \"latest\".");
  }

  static RegistryException invalidCompatibilityLevel(final String level) {
    return new RegistryException(
        422,
        42203,
        "Invalid compatibility level '"
            + level
            + "'. Valid values are "
            + List.of(CompatibilityLevel.values())
            + ".");
  }

  static RegistryException incompatible(final String subject, final List<String> messages) {
    return new RegistryException(
        409,
        409,
        "Schema being registered is incompatible with an earlier schema"
            + " for subject '"
            + subject
            + "', details: "
            + messages,
        messages,
        null);
  }

  static RegistryException storeFailure(final String what, final Throwable cause) {
    return new RegistryException(
        500,
        50001,
        "Error in the schema store: " + what + (cause == null ? "" : ": " + cause),
        List.of(),
        cause);
  }

  static RegistryException unauthorized() {
    return new RegistryException(
        401, 401, "Unauthorized: this operation needs HTTP Basic credentials.");
  }

  static RegistryException badRequest(final String message) {
    return new RegistryException(400, 400, message);
  }

  int httpStatus() {
    return httpStatus;
  }

  int errorCode() {
    return errorCode;
  }

  /** The individual incompatibilities behind a 409, empty otherwise. */
  List<String> details() {
    return details;
  }
}
