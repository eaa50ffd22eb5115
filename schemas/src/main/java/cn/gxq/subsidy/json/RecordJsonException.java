package cn.gxq.subsidy.json;

import java.util.List;

/**
 * A JSON line that cannot become the requested record. The message names the field path and what
 * was wrong, e.g. {@code field 'monthlyRent': "12.345" has 3 decimals, at most 2 allowed}; a line
 * with several problems names them all ({@link #problems}), joined by {@code "; "} in the message.
 */
public final class RecordJsonException extends IllegalArgumentException {

  private final String path;
  private final List<String> problems;

  public RecordJsonException(final String path, final String message) {
    this(path, message, null);
  }

  public RecordJsonException(final String path, final String message, final Throwable cause) {
    this(path, List.of(message), cause);
  }

  private RecordJsonException(
      final String path, final List<String> problems, final Throwable cause) {
    super(String.join("; ", problems), cause);
    this.path = path;
    this.problems = List.copyOf(problems);
  }

  /** One exception for several problems, in their order; the path is the first one's. */
  static RecordJsonException all(final List<RecordJsonException> each) {
    if (each.size() == 1) {
      return each.get(0);
    }
    return new RecordJsonException(
        each.get(0).path(),
        each.stream().flatMap(e -> e.problems().stream()).toList(),
        each.get(0));
  }

  /** Each problem on its own, e.g. for a report that gives every one a line. */
  public List<String> problems() {
    return problems;
  }

  /**
   * Path of the offending field, such as {@code reasons[0].code}; null when the whole line is
   * wrong.
   */
  public String path() {
    return path;
  }
}
