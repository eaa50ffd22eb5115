package cn.gxq.subsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.policy.IndustryPattern;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IndustryCodeTest {
  /** The tertiary sector, as the rent-relief section of the policy names it. */
  private static final List<IndustryPattern> SERVICE = List.of(IndustryPattern.parse("F-T"));

  @Test
  void parsesSectionAndDivision() {
    IndustryCode c = IndustryCode.parse("C39").orElseThrow();
    assertThat(c.section()).isEqualTo('C');
    assertThat(c.division()).isEqualTo(39);
    assertThat(IndustryCode.parse("K701").orElseThrow().division()).isEqualTo(70);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "39", "C3", "C39111", "U01", "c39", "CC39"})
  void rejectsMalformedCodes(String text) {
    assertThat(IndustryCode.parse(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    "E50,false",
    "C39,false",
    "A05,false",
    "F51,true",
    "F52,true",
    "I65,true",
    "K701,true",
    "T97,true",
    "S96,true"
  })
  void serviceIndustryIsSectionsFToT(String code, boolean service) {
    assertThat(IndustryCode.parse(code).orElseThrow().isServiceIndustry(SERVICE))
        .isEqualTo(service);
  }

  @ParameterizedTest
  @CsvSource({
    "B06-D46,C39,true",
    "B06-D46,D46,true",
    "B06-D46,E47,false",
    "B06-D46,A05,false",
    "K701,K7010,true",
    "K701,K702,false",
    "K701,K70,false",
    "K,K703,true",
    "F-T,G59,true",
    "F-T,E48,false",
    "*,A01,true",
    "C16,C1610,true",
    "C16,C17,false"
  })
  void patternsMatch(String pattern, String code, boolean matches) {
    assertThat(IndustryCode.parse(code).orElseThrow().matches(IndustryPattern.parse(pattern)))
        .isEqualTo(matches);
  }

  @Test
  void badPatternSaysWhatIsExpected() {
    assertThatThrownBy(() -> IndustryPattern.parse("C46-C06"))
        .hasMessageContaining("ends before it starts");
    assertThatThrownBy(() -> IndustryPattern.parse("manufacturing"))
        .hasMessageContaining("expected e.g.");
  }
}
