package cn.gxq.subsidy.connectors.intake;

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
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * The record kinds the government outbox carries ({@code aggregatetype}), each with its intake
 * topic, its contract topic, its contract key and its event time.
 */
public enum IntakeKind {
  RENT_RELIEF(
      "rent-relief",
      RentReliefApplication.class,
      t -> t.applications(Catalogue.of(Programme.RENT_RELIEF)),
      r -> ((RentReliefApplication) r).getApplicationId(),
      r -> ((RentReliefApplication) r).getSubmittedAt()),
  RD_DEDUCTION(
      "rd-deduction",
      RdDeductionApplication.class,
      t -> t.applications(Catalogue.of(Programme.RD_SUPER_DEDUCTION)),
      r -> ((RdDeductionApplication) r).getApplicationId(),
      r -> ((RdDeductionApplication) r).getSubmittedAt()),
  INNOVATION_LOAN(
      "innovation-loan",
      InnovationLoanApplication.class,
      t -> t.applications(Catalogue.of(Programme.INNOVATION_CREDIT_LOAN)),
      r -> ((InnovationLoanApplication) r).getApplicationId(),
      r -> ((InnovationLoanApplication) r).getSubmittedAt()),
  ENTERPRISE(
      "enterprise",
      Enterprise.class,
      Topics::enterprises,
      r -> ((Enterprise) r).getCreditCode(),
      r -> ((Enterprise) r).getUpdatedAt()),
  BUDGET(
      "budget",
      Budget.class,
      Topics::budgets,
      r -> {
        final Budget b = (Budget) r;
        return b.getZone() + ":" + b.getProgramme() + ":" + b.getYear();
      },
      r -> ((Budget) r).getUpdatedAt());

  private final String aggregateType;
  private final Class<? extends SpecificRecord> type;
  private final Function<Topics, String> contractTopic;
  private final Function<SpecificRecord, String> key;
  private final Function<SpecificRecord, Instant> eventTime;

  IntakeKind(
      String aggregateType,
      Class<? extends SpecificRecord> type,
      Function<Topics, String> contractTopic,
      Function<SpecificRecord, String> key,
      Function<SpecificRecord, Instant> eventTime) {
    this.aggregateType = aggregateType;
    this.type = type;
    this.contractTopic = contractTopic;
    this.key = key;
    this.eventTime = eventTime;
  }

  /** The outbox's {@code aggregatetype} value, e.g. {@code rent-relief}. */
  public String aggregateType() {
    return aggregateType;
  }

  public Class<? extends SpecificRecord> type() {
    return type;
  }

  /**
   * The topic the source connector writes this kind to: {@code subsidy.intake.<kind>.v1}, the
   * outbox router's {@code subsidy.intake.${routedByValue}.v1}.
   */
  public String intakeTopic(Topics topics) {
    return topics.prefix() + "subsidy.intake." + aggregateType + ".v1";
  }

  public String contractTopic(Topics topics) {
    return contractTopic.apply(topics);
  }

  /** The contract's key of a record of this kind. */
  public String key(SpecificRecord record) {
    return key.apply(record);
  }

  /** The record's event time, its Kafka timestamp on the contract topic. */
  public Instant eventTime(SpecificRecord record) {
    return eventTime.apply(record);
  }

  public static Optional<IntakeKind> ofAggregateType(String aggregateType) {
    return Arrays.stream(values()).filter(k -> k.aggregateType.equals(aggregateType)).findFirst();
  }
}
