package cn.gxq.subsidy.demo;

/**
 * GB 32100-2015 check written again from the standard's definition (weights 3^(i−1) mod 31
 * computed, not copied), so the tests do not trust the code under test.
 */
final class IndependentCreditCode {
  private static final String CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private IndependentCreditCode() {}

  static boolean valid(String code) {
    if (code == null || code.length() != 18) {
      return false;
    }
    int sum = 0;
    int weight = 1;
    for (int i = 0; i < 17; i++) {
      int v = CHARS.indexOf(code.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * weight;
      weight = weight * 3 % 31;
    }
    int expected = (31 - sum % 31) % 31;
    return CHARS.indexOf(code.charAt(17)) == expected;
  }
}
