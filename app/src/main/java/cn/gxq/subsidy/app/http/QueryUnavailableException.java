package cn.gxq.subsidy.app.http;

/** State cannot be queried right now (rebalance, restore, owner unreachable): retry shortly. */
final class QueryUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  QueryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
