package cn.gxq.subsidy.app.http;

/**
 * What a client sent, as an error message quotes it: in full when short, else its start and its
 * length, so a 5,000-character id is not echoed back whole.
 */
final class Shown {

  static final int LONGEST = 80;

  private Shown() {}

  static String shortened(String text) {
    if (text == null || text.length() <= LONGEST) {
      return text;
    }
    return text.substring(0, LONGEST) + "… (" + text.length() + " characters)";
  }
}
