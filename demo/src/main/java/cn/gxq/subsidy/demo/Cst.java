package cn.gxq.subsidy.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Calendar questions in China Standard Time, as the policy answers them. */
final class Cst {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Cst() {}

  static LocalDate date(Instant at) {
    return at.atZone(ZONE).toLocalDate();
  }

  static int year(Instant at) {
    return date(at).getYear();
  }
}
