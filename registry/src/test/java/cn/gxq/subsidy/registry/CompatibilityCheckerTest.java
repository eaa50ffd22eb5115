package cn.gxq.subsidy.registry;

import static cn.gxq.subsidy.registry.TestSchemas.grant;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityCheckerTest {

  private static final Schema A_INT = parse(grant("{\"name\":\"a\",\"type\":\"int\"}"));
  private static final Schema NO_A = parse(grant());
  private static final Schema A_STRING =
      parse(grant("{\"name\":\"a\",\"type\":\"string\",\"default\":\"\"}"));

  @Test
  void transitiveLevelsLookAtEveryEarlierVersion() {
    // v3 reads v2 data (no a: default used) but not v1 data (int is not promotable to string).
    final List<Schema> earlier = List.of(A_INT, NO_A);
    assertThat(
            CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD, A_STRING, earlier))
        .isEmpty();
    assertThat(
            CompatibilityChecker.incompatibilities(
                CompatibilityLevel.BACKWARD_TRANSITIVE, A_STRING, earlier))
        .singleElement()
        .asString()
        .contains("version 1")
        .contains("TYPE_MISMATCH");
  }

  @Test
  void forwardAndFullCheckTheOtherDirection() {
    // Dropping a field without default: new readers are fine, old readers miss it.
    final List<Schema> earlier = List.of(A_INT);
    assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.BACKWARD, NO_A, earlier))
        .isEmpty();
    assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.FORWARD, NO_A, earlier))
        .isNotEmpty();
    assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.FULL, NO_A, earlier))
        .isNotEmpty();
    assertThat(CompatibilityChecker.incompatibilities(CompatibilityLevel.NONE, A_STRING, earlier))
        .isEmpty();
  }

  private static Schema parse(final String text) {
    return new Schema.Parser().parse(text);
  }
}
