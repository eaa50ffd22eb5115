package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * The fields every application record shares (contract: "Every application"). The generated classes
 * have no common interface, so this is the one place that knows the three types.
 */
public record ApplicationHeader(
    Programme programme,
    String applicationId,
    int revision,
    boolean withdrawn,
    String creditCode,
    Instant submittedAt) {

  public static ApplicationHeader of(SpecificRecord application) {
    if (application instanceof RentReliefApplication a) {
      return new ApplicationHeader(
          Programme.RENT_RELIEF,
          a.getApplicationId(),
          a.getRevision(),
          a.getWithdrawn(),
          a.getCreditCode(),
          a.getSubmittedAt());
    }
    if (application instanceof RdDeductionApplication a) {
      return new ApplicationHeader(
          Programme.RD_SUPER_DEDUCTION,
          a.getApplicationId(),
          a.getRevision(),
          a.getWithdrawn(),
          a.getCreditCode(),
          a.getSubmittedAt());
    }
    if (application instanceof InnovationLoanApplication a) {
      return new ApplicationHeader(
          Programme.INNOVATION_CREDIT_LOAN,
          a.getApplicationId(),
          a.getRevision(),
          a.getWithdrawn(),
          a.getCreditCode(),
          a.getSubmittedAt());
    }
    throw new IllegalArgumentException(
        "not an application: " + application.getSchema().getFullName());
  }

  public static Class<? extends SpecificRecord> typeOf(Programme programme) {
    return switch (programme) {
      case RENT_RELIEF -> RentReliefApplication.class;
      case RD_SUPER_DEDUCTION -> RdDeductionApplication.class;
      case INNOVATION_CREDIT_LOAN -> InnovationLoanApplication.class;
    };
  }
}
