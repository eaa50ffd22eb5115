package cn.gxq.subsidy.app.people;

/** No credential where one is needed, or a wrong one: 401 with {@code WWW-Authenticate}. */
public final class Unauthenticated extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public Unauthenticated(String message) {
    super(message);
  }
}
