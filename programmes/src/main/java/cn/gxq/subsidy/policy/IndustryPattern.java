package cn.gxq.subsidy.policy;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A set of GB/T 4754-2017 industries as policy documents name them: a section ({@code K}), a range
 * of sections ({@code F-T}), a division ({@code F52}), a range of divisions ({@code B06-D46},
 * compared by division number, which is unique across sections), a group or class by prefix ({@code
 * K701}), or {@code *} for every industry.
 */
public record IndustryPattern(
    String text, Kind kind, char fromSection, char toSection, int from, int to, String prefix) {

  /** How the pattern matches. */
  public enum Kind {
    ANY,
    SECTIONS,
    DIVISIONS,
    PREFIX
  }

  private static final Pattern SECTIONS = Pattern.compile("([A-T])(?:-([A-T]))?");
  private static final Pattern DIVISIONS = Pattern.compile("([A-T])(\\d{2})(?:-([A-T])(\\d{2}))?");
  private static final Pattern PREFIX = Pattern.compile("([A-T])(\\d{3,4})");

  /**
   * Parses a pattern of the policy data.
   *
   * @throws IllegalArgumentException with a message a policy author can act on
   */
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public static IndustryPattern parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("industry pattern missing");
    }
    if (text.equals("*")) {
      return new IndustryPattern(text, Kind.ANY, 'A', 'T', 0, 0, "");
    }
    Matcher m = SECTIONS.matcher(text);
    if (m.matches()) {
      char from = m.group(1).charAt(0);
      char to = m.group(2) == null ? from : m.group(2).charAt(0);
      requireOrder(text, from, to);
      return new IndustryPattern(text, Kind.SECTIONS, from, to, 0, 0, "");
    }
    m = DIVISIONS.matcher(text);
    if (m.matches()) {
      int from = Integer.parseInt(m.group(2));
      int to = m.group(4) == null ? from : Integer.parseInt(m.group(4));
      char toSection = m.group(3) == null ? m.group(1).charAt(0) : m.group(3).charAt(0);
      requireOrder(text, from, to);
      return new IndustryPattern(
          text, Kind.DIVISIONS, m.group(1).charAt(0), toSection, from, to, "");
    }
    m = PREFIX.matcher(text);
    if (m.matches()) {
      char section = m.group(1).charAt(0);
      return new IndustryPattern(text, Kind.PREFIX, section, section, 0, 0, m.group(2));
    }
    throw new IllegalArgumentException(
        "not a GB/T 4754 industry pattern (expected e.g. K, F-T, F52, B06-D46, K701 or *), was "
            + text);
  }

  private static void requireOrder(String text, int from, int to) {
    if (to < from) {
      throw new IllegalArgumentException("range " + text + " ends before it starts");
    }
  }

  /**
   * Whether an industry code falls under this pattern.
   *
   * @param section section letter of an industry code
   * @param digits the digits after the letter (2 to 4)
   */
  public boolean matches(char section, String digits) {
    return switch (kind) {
      case ANY -> true;
      case SECTIONS -> section >= fromSection && section <= toSection;
      case DIVISIONS -> {
        int division = Integer.parseInt(digits.substring(0, 2));
        yield division >= from && division <= to;
      }
      case PREFIX -> section == fromSection && digits.startsWith(prefix);
    };
  }

  @Override
  public String toString() {
    return text;
  }
}
