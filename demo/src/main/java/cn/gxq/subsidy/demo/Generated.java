package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.programme.Catalogue;
import java.time.Instant;
import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/**
 * One generated record with the Kafka key the contract gives its topic and its event time (the
 * Kafka timestamp). {@code topicKind} is one of the {@code produce --type} values (the record kinds
 * of the programme catalogue), so callers map it to a topic name themselves.
 *
 * @param topicKind {@link #ENTERPRISE}, {@link #BUDGET} or a programme's slug, e.g. {@link
 *     #RENT_RELIEF}
 * @param key credit code, {@code ZONE:PROGRAMME:YEAR} or application id
 * @param value the record
 * @param eventTime {@code updatedAt} or {@code submittedAt}
 */
public record Generated(String topicKind, String key, SpecificRecord value, Instant eventTime) {
  public static final String ENTERPRISE = RecordKind.ENTERPRISE.name();
  public static final String BUDGET = RecordKind.BUDGET.name();
  public static final String RENT_RELIEF = "rent-relief";
  public static final String RD_DEDUCTION = "rd-deduction";
  public static final String INNOVATION_LOAN = "innovation-loan";
  public static final String TECH_SME = "tech-sme";

  public Generated {
    Objects.requireNonNull(topicKind, "topicKind");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(eventTime, "eventTime");
  }

  /** Wraps any input record with the key and time its kind gives it; fails for other records. */
  public static Generated of(SpecificRecord record) {
    for (RecordKind kind : Catalogue.recordKinds()) {
      if (kind.recordClass().isInstance(record)) {
        return new Generated(kind.name(), kind.key(record), record, kind.eventTime(record));
      }
    }
    throw new IllegalArgumentException("no topic for " + record.getSchema().getFullName());
  }

  /** The budget topic's key, {@code ZONE:PROGRAMME:YEAR}. */
  public static String budgetKey(Budget b) {
    return BucketKey.of(b).toString();
  }

  /** True for every programme's applications: anything but the registry and budgets. */
  public boolean isApplication() {
    return !topicKind.equals(ENTERPRISE) && !topicKind.equals(BUDGET);
  }
}
