package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.rules.CreditCode;

/**
 * Credit codes the generator makes: the check character of the Unified Social Credit Code
 * (统一社会信用代码, GB 32100-2015) comes from the rules' {@link CreditCode}; the organisation code inside
 * it (positions 9–17, GB 11714-1997), which the rules do not check, is completed here.
 */
public final class CreditCodes {
  /** GB 32100-2015 alphabet: digits and upper-case letters without I, O, S, V, Z. */
  public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  /** GB 11714 weights for the 8 body characters of an organisation code. */
  private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

  private CreditCodes() {}

  /** The 18th character for the first 17, as the rules compute it. */
  public static char checkCharacter(String first17) {
    return CreditCode.checkCharacter(first17);
  }

  /** Appends the check character. */
  public static String complete(String first17) {
    return first17 + checkCharacter(first17);
  }

  public static boolean isValid(String code) {
    return CreditCode.isValid(code);
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
