package cn.gxq.subsidy.demo;

/**
 * Check characters of the Unified Social Credit Code (统一社会信用代码, GB 32100-2015) and of the
 * organisation code inside it (positions 9–17, GB 11714-1997).
 */
public final class CreditCodes {
  /** GB 32100-2015 alphabet: digits and upper-case letters without I, O, S, V, Z. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** 3^(i−1) mod 31 for positions 1..17. */
  private static final int[] WEIGHTS = {
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28
  };

  /** GB 11714 weights for the 8 body characters of an organisation code. */
  private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  private CreditCodes() {}

  /** The 18th character for the first 17: alphabet[(31 − Σ value × weight mod 31) mod 31]. */
  public static char checkCharacter(String first17) {
    if (first17.length() != 17) {
      throw new IllegalArgumentException("need 17 characters, got " + first17.length());
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(first17.charAt(i));
      if (value < 0) {
        throw new IllegalArgumentException("'" + first17.charAt(i) + "' is not in the alphabet");
      }
      sum += value * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }

  /** Appends the check character. */
  public static String complete(String first17) {
    return first17 + checkCharacter(first17);
  }

  public static boolean isValid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(code.charAt(i)) < 0) {
        return false;
      }
    }
    return checkCharacter(code.substring(0, 17)) == code.charAt(17);
  }

  /** A code with the same first 17 characters and a wrong 18th, so only the check fails. */
  public static String withWrongCheck(String code) {
    char right = checkCharacter(code.substring(0, 17));
    int wrong = (ALPHABET.indexOf(right) + 1 + code.length()) % ALPHABET.length();
    return code.substring(0, 17) + ALPHABET.charAt(wrong);
  }

  /**
   * GB 11714 check character of an 8-character organisation code body: 11 − (Σ value × weight mod
   * 11), written {@code X} for 10 and {@code 0} for 11. Letters count 10 for A onwards.
   */
  static char organisationCheck(String body8) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char c = body8.charAt(i);
      int value = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
      sum += value * ORG_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  }
}
