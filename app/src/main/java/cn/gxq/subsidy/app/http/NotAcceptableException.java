package cn.gxq.subsidy.app.http;

/** The client asked for a representation this endpoint does not give: answered 406. */
final class NotAcceptableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  NotAcceptableException(String message) {
    super(message);
  }
}
