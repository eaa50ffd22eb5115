package cn.gxq.subsidy.programme;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.contract.ApplicationFields;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * The fields every application record shares (contract: "Every application"), and its programme.
 */
public record ApplicationHeader(
    Programme programme,
    String applicationId,
    int revision,
    boolean withdrawn,
    String creditCode,
    Instant submittedAt) {

  /**
   * The header of any programme's application.
   *
   * @throws IllegalArgumentException for a record that is no programme's application
   */
  public static ApplicationHeader of(SpecificRecord application) {
    return new ApplicationHeader(
        Catalogue.of(application).programme(),
        ApplicationFields.applicationId(application),
        ApplicationFields.revision(application),
        ApplicationFields.withdrawn(application),
        ApplicationFields.creditCode(application),
        ApplicationFields.submittedAt(application));
  }
}
