package cn.gxq.subsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.policy.SizeClass;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Edges of the 工信部联企业〔2011〕300号 table, including the both-bounds rule. */
class SizeClassifierTest {
  private final SizeClassifier classifier = new SizeClassifier(Fixtures.POLICY.sizeBands());

  @ParameterizedTest(name = "{0}: {1} staff, revenue {2}, assets {3} → {4}")
  @CsvSource({
    // industry B06–D46: staff & revenue; medium 300 & 2000万, small 20 & 300万, large 1000 & 4亿
    "C39, 1000, 400000000.00, 0, LARGE, industry",
    "C39, 1000, 399999999.99, 0, MEDIUM, industry",
    "C39,  999, 400000000.00, 0, MEDIUM, industry",
    "C39,  300,  20000000.00, 0, MEDIUM, industry",
    "C39,  299,  20000000.00, 0, SMALL, industry",
    "C39,  300,  19999999.99, 0, SMALL, industry",
    "D46,   20,   3000000.00, 0, SMALL, industry",
    "B06,   19,   3000000.00, 0, MICRO, industry",
    "C39,   20,   2999999.99, 0, MICRO, industry",
    // both bounds: many staff but tiny revenue drops all the way to micro
    "C39, 5000,       100.00, 0, MICRO, industry",
    // software I65: medium 100 & 1000万, small 10 & 50万, large 300 & 1亿
    "I65,  300, 100000000.00, 0, LARGE, software and IT services",
    "I65,  300,  99999999.99, 0, MEDIUM, software and IT services",
    "I65,  100,  10000000.00, 0, MEDIUM, software and IT services",
    "I65,   99,  10000000.00, 0, SMALL, software and IT services",
    "I65,  100,   9999999.99, 0, SMALL, software and IT services",
    "I65,   10,    500000.00, 0, SMALL, software and IT services",
    "I65,   10,    499999.99, 0, MICRO, software and IT services",
    "I65,    9,    500000.00, 0, MICRO, software and IT services",
    // retail F52: medium 50 & 500万, small 10 & 100万
    "F52,   50,   5000000.00, 0, MEDIUM, retail",
    "F52,   49,   5000000.00, 0, SMALL, retail",
    "F52,   10,   1000000.00, 0, SMALL, retail",
    "F52,   10,    999999.99, 0, MICRO, retail",
    // wholesale F51: medium 20 & 5000万, small 5 & 1000万
    "F51,   20,  50000000.00, 0, MEDIUM, wholesale",
    "F51,    5,  10000000.00, 0, SMALL, wholesale",
    "F51,    4,  10000000.00, 0, MICRO, wholesale",
    // construction E47–E50: revenue & assets; staff play no part
    "E48,    0,  60000000.00, 50000000.00, MEDIUM, construction",
    "E48,    0,  60000000.00, 49999999.99, SMALL, construction",
    "E48,    0,   3000000.00,  3000000.00, SMALL, construction",
    "E48,    0,   3000000.00,  2999999.99, MICRO, construction",
    // agriculture A01–A05: revenue only
    "A01,    0, 200000000.00, 0, LARGE, agriculture",
    "A03,    0,   5000000.00, 0, MEDIUM, agriculture",
    "A05,    0,   4999999.99, 0, SMALL, agriculture",
    "A05,    0,    500000.00, 0, SMALL, agriculture",
    "A05,    0,    499999.99, 0, MICRO, agriculture",
    // real-estate development K701: revenue & assets
    "K7010,  0,   1000000.00, 20000000.00, SMALL, real-estate development",
    "K701,   0,   1000000.00, 19999999.99, MICRO, real-estate development",
    // property management K702: small 100 & 500万
    "K702, 100,   5000000.00, 0, SMALL, property management",
    "K702,  99,   5000000.00, 0, MICRO, property management",
    // leasing and business services L71–L72: staff & assets
    "L72,  100,            0, 80000000.00, MEDIUM, leasing and business services",
    "L72,  100,            0, 79999999.99, SMALL, leasing and business services",
    // storage G59, catering H62, transmission I63
    "G59,  100,  10000000.00, 0, MEDIUM, storage",
    "H62,   10,   1000000.00, 0, SMALL, accommodation and catering",
    "H62,    9,   1000000.00, 0, MICRO, accommodation and catering",
    "I63, 2000, 1000000000.00, 0, LARGE, information transmission",
    // all others: staff only (M73 research, K703 estate agency)
    "M73,  300,            0, 0, LARGE, all others",
    "M73,  100,            0, 0, MEDIUM, all others",
    "M73,   99,            0, 0, SMALL, all others",
    "K703,  10,            0, 0, SMALL, all others",
    "M73,    9,            0, 0, MICRO, all others"
  })
  void classifies(
      String industry,
      int staff,
      BigDecimal revenue,
      BigDecimal assets,
      SizeClass expected,
      String band) {
    SizeClassifier.Classification c =
        classifier.classify(IndustryCode.parse(industry).orElseThrow(), staff, revenue, assets);
    assertThat(c.sizeClass()).isEqualTo(expected);
    assertThat(c.band()).isEqualTo(band);
  }

  /**
   * A bare K70 cannot be told between real-estate development (K701: revenue & assets; medium 1000万
   * & 5000万, small 100万 & 2000万, large 20亿 & 1亿) and property management (K702: staff & revenue;
   * medium 300 & 1000万, small 100 & 500万, large 1000 & 5000万): sized by both, the larger class. It
   * used to fall to "all others" (staff only).
   */
  @ParameterizedTest(
      name = "K70: {0} staff, revenue {1}, assets {2} → {3} by {4} (K701 {5}, K702 {6})")
  @CsvSource({
    // K701 MEDIUM (both bounds met), K702 MICRO (no staff); all others would say MICRO
    "   0,   10000000.00, 50000000.00, MEDIUM, real-estate development, MEDIUM, MICRO",
    // a fen of assets short: K701 SMALL, K702 MICRO
    "   0,   10000000.00, 49999999.99, SMALL, real-estate development, SMALL, MICRO",
    // K701 MICRO (no assets), K702 MEDIUM; all others would say LARGE
    " 300,   10000000.00,           0, MEDIUM, property management, MICRO, MEDIUM",
    // one staff short of medium: K702 SMALL
    " 299,   10000000.00,           0, SMALL, property management, MICRO, SMALL",
    // both MICRO (a staff below K702's small, a fen below K701's small assets); all others: SMALL
    "  99,    5000000.00, 19999999.99, MICRO, real-estate development, MICRO, MICRO",
    // K702 LARGE at both of its large bounds
    "1000,   50000000.00,           0, LARGE, property management, MICRO, LARGE",
    // K701 LARGE (20亿 & 1亿), K702 only SMALL (100 & 500万)
    " 100, 2000000000.00, 100000000.00, LARGE, real-estate development, LARGE, SMALL",
  })
  void aBareRealEstateDivisionTakesTheLargerClassOfItsRows(
      int staff,
      BigDecimal revenue,
      BigDecimal assets,
      SizeClass expected,
      String row,
      SizeClass byDevelopment,
      SizeClass byManagement) {
    SizeClassifier.Classification c =
        classifier.classify(IndustryCode.parse("K70").orElseThrow(), staff, revenue, assets);
    assertThat(c.sizeClass()).isEqualTo(expected);
    assertThat(c.band())
        .startsWith(row + ", the larger class of division K70's rows")
        .contains("real-estate development: " + byDevelopment)
        .contains("property management: " + byManagement);
  }
}
