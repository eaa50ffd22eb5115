package cn.gxq.subsidy.rules;

import cn.gxq.subsidy.policy.IndustryPattern;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GB/T 4754-2017 industry code: section letter A–T plus 2 to 4 digits (division, group, class),
 * e.g. {@code C39}, {@code I65}, {@code K701}.
 */
public record IndustryCode(String code, char section, String digits) {
  private static final Pattern FORMAT = Pattern.compile("([A-T])(\\d{2,4})");

  public IndustryCode {
    if (!FORMAT.matcher(code).matches()
        || code.charAt(0) != section
        || !code.substring(1).equals(digits)) {
      throw new IllegalArgumentException("not a GB/T 4754 industry code: " + code);
    }
  }

  /** Empty when the text is not a section letter A–T followed by 2 to 4 digits. */
  public static Optional<IndustryCode> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = FORMAT.matcher(text.trim());
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new IndustryCode(text.trim(), m.group(1).charAt(0), m.group(2)));
  }

  /** Division number, e.g. 39 for {@code C39}; unique across sections. */
  public int division() {
    return Integer.parseInt(digits.substring(0, 2));
  }

  public boolean matches(IndustryPattern pattern) {
    return pattern.matches(section, digits);
  }

  public boolean inAny(List<IndustryPattern> patterns) {
    return patterns.stream().anyMatch(this::matches);
  }

  /**
   * Service industry (the tertiary sector) as the policy defines it: sections F to T for
   * 发改财金〔2022〕271号.
   */
  public boolean isServiceIndustry(List<IndustryPattern> serviceIndustries) {
    return inAny(serviceIndustries);
  }

  @Override
  public String toString() {
    return code;
  }
}
