package cn.gxq.subsidy.demo;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

/**
 * Makes valid, unique credit codes that look like real ones: registering department and type, the
 * region of registration, an organisation code (old-style digits before the 2015 reform, {@code
 * MA…} after) with its own check character, and the GB 32100 check character.
 */
final class CreditCodeFactory {
  /** Letters usable in the new-style organisation code body (the USCC alphabet's letters). */
  private static final String BODY = "0123456789ABCDEFGHJKLMNPQRTUWXY";

  private final Draw draw;
  private final Set<String> taken;

  CreditCodeFactory(Draw draw, Set<String> taken) {
    this.draw = draw;
    this.taken = taken;
  }

  CreditCodeFactory(Draw draw) {
    this(draw, new HashSet<>());
  }

  /** Marks a code as used so it is never made again. */
  void reserve(String code) {
    taken.add(code);
  }

  /**
   * @param type {@code "91"} enterprise or {@code "92"} individual business
   * @param region six-digit region code
   * @param registeredOn decides between an old-style and a new-style organisation code
   */
  String next(String type, String region, LocalDate registeredOn) {
    while (true) {
      String body = registeredOn.getYear() >= 2016 ? newStyleBody() : oldStyleBody();
      String code =
          CreditCodes.complete(type + region + body + CreditCodes.organisationCheck(body));
      if (taken.add(code)) {
        return code;
      }
    }
  }

  private String oldStyleBody() {
    StringBuilder b = new StringBuilder(8);
    b.append((char) ('1' + draw.nextInt(9)));
    for (int i = 1; i < 8; i++) {
      b.append((char) ('0' + draw.nextInt(10)));
    }
    return b.toString();
  }

  private String newStyleBody() {
    StringBuilder b = new StringBuilder("MA0");
    for (int i = 3; i < 8; i++) {
      b.append(BODY.charAt(draw.nextInt(BODY.length())));
    }
    return b.toString();
  }
}
