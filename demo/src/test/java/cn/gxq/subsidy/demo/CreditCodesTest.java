package cn.gxq.subsidy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CreditCodesTest {
  @Test
  void publishedExampleIsValid() {
    assertThat(CreditCodes.isValid("91110000600037341L")).isTrue();
    assertThat(IndependentCreditCode.valid("91110000600037341L")).isTrue();
    assertThat(CreditCodes.checkCharacter("91110000600037341")).isEqualTo('L');
  }

  @Test
  void wrongCheckCharacterIsInvalid() {
    String wrong = CreditCodes.withWrongCheck("91110000600037341L");
    assertThat(wrong).startsWith("91110000600037341").isNotEqualTo("91110000600037341L");
    assertThat(CreditCodes.isValid(wrong)).isFalse();
    assertThat(IndependentCreditCode.valid(wrong)).isFalse();
  }

  @Test
  void organisationCodeCheckMatchesThePublishedExample() {
    // 91110000 600037341 L: organisation code 60003734-1.
    assertThat(CreditCodes.organisationCheck("60003734")).isEqualTo('1');
  }

  @Test
  void rejectsForbiddenCharactersAndWrongLength() {
    assertThat(CreditCodes.isValid("91110000O00037341L")).isFalse();
    assertThat(CreditCodes.isValid("91110000600037341")).isFalse();
    assertThat(CreditCodes.isValid(null)).isFalse();
  }
}
