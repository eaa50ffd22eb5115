package cn.gxq.subsidy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {
  private static final String VALID = "91110000600037341L";

  @Test
  void publishedExampleIsValid() {
    assertThat(CreditCode.isValid(VALID)).isTrue();
    assertThat(CreditCode.checkCharacter(VALID.substring(0, 17))).isEqualTo('L');
    assertThat(new CreditCode(VALID).typePrefix()).isEqualTo("91");
    assertThat(new CreditCode(VALID).regionCode()).isEqualTo("110000");
  }

  @Test
  void checkCharacterByHand() {
    // 91110000600037341: values 9,1,1,1,0,0,0,0,6,0,0,0,3,7,3,4,1 × weights
    // 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28
    // = 9+3+9+27+0+0+0+0+120+0+0+0+24+168+30+120+28 = 538; 538 mod 31 = 11; 31 − 11 = 20;
    // alphabet[20] = 'L'
    assertThat(CreditCode.checkCharacter("91110000600037341")).isEqualTo('L');
  }

  @Test
  void everyWrongCharacterAtEveryPositionIsCaught() {
    String alphabet = CreditCode.ALPHABET;
    for (int position = 0; position < 18; position++) {
      for (char c : alphabet.toCharArray()) {
        if (c == VALID.charAt(position)) {
          continue;
        }
        String changed = VALID.substring(0, position) + c + VALID.substring(position + 1);
        assertThat(CreditCode.isValid(changed))
            .as("%s (position %d changed to %s)", changed, position + 1, c)
            .isFalse();
      }
    }
  }

  @Test
  void wrongCheckCharacterSaysWhatItShouldBe() {
    assertThat(CreditCode.problem("91110000600037341M"))
        .hasValueSatisfying(p -> assertThat(p).contains("'M'").contains("'L'"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "91110000600037341l",
        "9111000060003734IL",
        "9111000060003734OL",
        "9111000060003734SL",
        "9111000060003734VL",
        "9111000060003734ZL"
      })
  void lettersOutsideTheAlphabetAreRejected(String code) {
    assertThat(CreditCode.problem(code))
        .hasValueSatisfying(p -> assertThat(p).contains("not allowed"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "9111000060003734L", "91110000600037341LL"})
  void wrongLengthIsRejected(String code) {
    assertThat(CreditCode.isValid(code)).isFalse();
  }

  @Test
  void nullIsMissing() {
    assertThat(CreditCode.problem(null)).contains("is missing");
    assertThatThrownBy(() -> new CreditCode("x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void individualBusinessPrefix() {
    assertThat(new CreditCode(Fixtures.INDIVIDUAL).typePrefix()).isEqualTo("92");
  }
}
