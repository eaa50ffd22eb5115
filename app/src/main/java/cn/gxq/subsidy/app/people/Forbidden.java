package cn.gxq.subsidy.app.people;

/** A signed-in person asked for what their roles may not read: 403. */
public final class Forbidden extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public Forbidden(String message) {
    super(message);
  }
}
