package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import java.time.Instant;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One generated record with the Kafka key the contract gives its topic and its event time (the
 * Kafka timestamp). {@code topicKind} is one of the {@code produce --type} values, so callers map
 * it to a topic name themselves.
 *
 * @param topicKind {@link #ENTERPRISE}, {@link #BUDGET}, {@link #RENT_RELIEF}, {@link
 *     #RD_DEDUCTION} or {@link #INNOVATION_LOAN}
 * @param key credit code, {@code ZONE:PROGRAMME:YEAR} or application id
 * @param value the record
 * @param eventTime {@code updatedAt} or {@code submittedAt}
 */
public record Generated(String topicKind, String key, SpecificRecord value, Instant eventTime) {
  public static final String ENTERPRISE = "enterprise";
  public static final String BUDGET = "budget";
  public static final String RENT_RELIEF = "rent-relief";
  public static final String RD_DEDUCTION = "rd-deduction";
  public static final String INNOVATION_LOAN = "innovation-loan";

  public Generated {
    Objects.requireNonNull(topicKind, "topicKind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(eventTime, "eventTime");
  }

  public static Generated of(Enterprise e) {
    return new Generated(ENTERPRISE, e.getCreditCode(), e, e.getUpdatedAt());
  }

  public static Generated of(Budget b) {
    return new Generated(BUDGET, budgetKey(b), b, b.getUpdatedAt());
  }

  public static Generated of(RentReliefApplication a) {
    return new Generated(RENT_RELIEF, a.getApplicationId(), a, a.getSubmittedAt());
  }

  public static Generated of(RdDeductionApplication a) {
    return new Generated(RD_DEDUCTION, a.getApplicationId(), a, a.getSubmittedAt());
  }

  public static Generated of(InnovationLoanApplication a) {
    return new Generated(INNOVATION_LOAN, a.getApplicationId(), a, a.getSubmittedAt());
  }

  /** Wraps any contract record; fails for records that have no topic of their own. */
  public static Generated of(SpecificRecord record) {
    if (record instanceof Enterprise e) {
      return of(e);
    }
    if (record instanceof Budget b) {
      return of(b);
    }
    if (record instanceof RentReliefApplication a) {
      return of(a);
    }
    if (record instanceof RdDeductionApplication a) {
      return of(a);
    }
    if (record instanceof InnovationLoanApplication a) {
      return of(a);
    }
    throw new IllegalArgumentException("no topic for " + record.getSchema().getFullName());
  }

  /** The budget topic's key, {@code ZONE:PROGRAMME:YEAR}. */
  public static String budgetKey(Budget b) {
    return b.getZone() + ":" + b.getProgramme().name() + ":" + b.getYear();
  }

  /** True for the three application kinds. */
  public boolean isApplication() {
    return topicKind.equals(RENT_RELIEF)
        || topicKind.equals(RD_DEDUCTION)
        || topicKind.equals(INNOVATION_LOAN);
  }
}
