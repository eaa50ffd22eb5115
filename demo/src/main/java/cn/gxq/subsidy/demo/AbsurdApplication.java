package cn.gxq.subsidy.demo;

import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;

/**
 * An application that decodes but makes no sense, and the reason code its decision must carry.
 *
 * @param description what is absurd about it
 * @param record the application; publish it with {@link #generated()}
 * @param expectedReason the reason code among the decision's reasons ({@code INVALID_FIELD}, {@code
 *     INVALID_CREDIT_CODE}, {@code UNSUPPORTED_YEAR}); empty where the record is valid in form (a
 *     huge but well-formed amount) and only has to be decided without failing
 */
public record AbsurdApplication(
    String description, SpecificRecord record, Optional<String> expectedReason) {

  public Generated generated() {
    return Generated.of(record);
  }
}
