package cn.gxq.subsidy.app.http;

/** The request itself is wrong (400): retrying it unchanged will not help. */
final class BadRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadRequestException(String message) {
    super(message);
  }
}
