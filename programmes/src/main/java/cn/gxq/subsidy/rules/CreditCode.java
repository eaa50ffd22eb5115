package cn.gxq.subsidy.rules;

import java.util.Optional;

/**
 * A Unified Social Credit Code (统一社会信用代码, GB 32100-2015) whose check character is right.
 *
 * @param value the 18 characters
 */
public record CreditCode(String value) {
  /** GB 32100-2015 character set: digits and upper-case letters without I, O, S, V, Z. */
  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private static final int LENGTH = 18;
  private static final int MODULUS = 31;

  /** 3^(i−1) mod 31 for positions 1..17 (GB 32100-2015). */
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  public CreditCode {
    Optional<String> problem = problem(value);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("credit code " + value + ": " + problem.get());
    }
  }

  /** What is wrong with a code, for a message; empty when it is valid. */
  public static Optional<String> problem(String code) {
    if (code == null || code.isEmpty()) {
      return Optional.of("is missing");
    }
    if (code.length() != LENGTH) {
      return Optional.of("must have 18 characters, has " + code.length());
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = code.charAt(i);
      if (ALPHABET.indexOf(c) < 0) {
        return Optional.of(
            "character "
                + (i + 1)
                + " '"
                + c
                + "' is not allowed (digits and upper-case letters except I, O, S, V, Z)");
      }
    }
    char expected = checkCharacter(code.substring(0, LENGTH - 1));
    char actual = code.charAt(LENGTH - 1);
    if (expected != actual) {
      return Optional.of(
          "check character is '"
              + actual
              + "' but the first 17 characters give '"
              + expected
              + "'");
    }
    return Optional.empty();
  }

  public static boolean isValid(String code) {
    return problem(code).isEmpty();
  }

  /**
   * The check character of GB 32100-2015: alphabet[(31 − Σ value × weight mod 31) mod 31].
   *
   * @param first17 the first 17 characters, all from the alphabet
   */
  public static char checkCharacter(String first17) {
    if (first17.length() != LENGTH - 1) {
      throw new IllegalArgumentException("need 17 characters, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < first17.length(); i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException(
            "character " + (i + 1) + " '" + first17.charAt(i) + "' is not allowed");
      }
      sum += value * WEIGHTS[i];
    }
    return ALPHABET.charAt((MODULUS - sum % MODULUS) % MODULUS);
  }

  /** Registering department and type, e.g. {@code 91} enterprise, {@code 92} 个体工商户. */
  public String typePrefix() {
    return value.substring(0, 2);
  }

  /** Six-digit administrative region code (positions 3–8). */
  public String regionCode() {
    return value.substring(2, 8);
  }

  @Override
  public String toString() {
    return value;
  }
}
