package cn.gxq.subsidy.json;

/**
 * A JSON line that cannot become the requested record. The message names the field path and what
 * was wrong, e.g. {@code field 'monthlyRent': "12.345" has 3 decimals, at most 2 allowed}.
 */
public final class RecordJsonException extends IllegalArgumentException {

  private final String path;

  public RecordJsonException(final String path, final String message) {
    this(path, message, null);
  }

  public RecordJsonException(final String path, final String message, final Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  /**
   * Path of the offending field, such as {@code reasons[0].code}; null when the whole line is
   * wrong.
   */
  public String path() {
    return path;
  }
}
