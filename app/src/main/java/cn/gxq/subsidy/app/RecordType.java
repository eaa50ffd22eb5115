package cn.gxq.subsidy.app;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.programme.Catalogue;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * The record types a publisher can send with {@code produce}: which class, which topic, which key
 * and which event time each has (contract, "Topics" and "Commands").
 */
enum RecordType {
  ENTERPRISE(
      Enterprise.class,
      Topics::enterprises,
      r -> ((Enterprise) r).getCreditCode(),
      r -> ((Enterprise) r).getUpdatedAt()),
  BUDGET(
      Budget.class,
      Topics::budgets,
      r -> {
        final Budget b = (Budget) r;
        return b.getZone() + ":" + b.getProgramme() + ":" + b.getYear();
      },
      r -> ((Budget) r).getUpdatedAt()),
  RENT_RELIEF(
      RentReliefApplication.class,
      t -> t.applications(Catalogue.of(Programme.RENT_RELIEF)),
      r -> ((RentReliefApplication) r).getApplicationId(),
      r -> ((RentReliefApplication) r).getSubmittedAt()),
  RD_DEDUCTION(
      RdDeductionApplication.class,
      t -> t.applications(Catalogue.of(Programme.RD_SUPER_DEDUCTION)),
      r -> ((RdDeductionApplication) r).getApplicationId(),
      r -> ((RdDeductionApplication) r).getSubmittedAt()),
  INNOVATION_LOAN(
      InnovationLoanApplication.class,
      t -> t.applications(Catalogue.of(Programme.INNOVATION_CREDIT_LOAN)),
      r -> ((InnovationLoanApplication) r).getApplicationId(),
      r -> ((InnovationLoanApplication) r).getSubmittedAt());

  private final Class<? extends SpecificRecord> type;
  private final Function<Topics, String> topic;
  private final Function<SpecificRecord, String> key;
  private final Function<SpecificRecord, Instant> eventTime;

  RecordType(
      Class<? extends SpecificRecord> type,
      Function<Topics, String> topic,
      Function<SpecificRecord, String> key,
      Function<SpecificRecord, Instant> eventTime) {
    this.type = type;
    this.topic = topic;
    this.key = key;
    this.eventTime = eventTime;
  }

  Class<? extends SpecificRecord> type() {
    return type;
  }

  String topic(Topics topics) {
    return topic.apply(topics);
  }

  String key(SpecificRecord record) {
    return key.apply(record);
  }

  Instant eventTime(SpecificRecord record) {
    return eventTime.apply(record);
  }

  /** The name on the command line: {@code rent-relief} for RENT_RELIEF. */
  String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static RecordType fromCli(String name) {
    return Arrays.stream(values())
        .filter(t -> t.cliName().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown type '"
                        + name
                        + "'; one of "
                        + Arrays.stream(values()).map(RecordType::cliName).toList()));
  }
}
