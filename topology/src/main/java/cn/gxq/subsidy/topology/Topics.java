package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Programme;
import java.util.List;
import java.util.Objects;

/**
 * The topic names of the contract, in one place. A prefix lets several environments share a
 * cluster; names never appear anywhere else in code.
 */
public final class Topics {

  private final String prefix;

  public Topics(String prefix) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
  }

  public static Topics defaults() {
    return new Topics("");
  }

  public String prefix() {
    return prefix;
  }

  public String enterprises() {
    return prefix + "subsidy.enterprises.v1";
  }

  public String budgets() {
    return prefix + "subsidy.budgets.v1";
  }

  public String applications(Programme programme) {
    return switch (programme) {
      case RENT_RELIEF -> prefix + "subsidy.applications.rent-relief.v1";
      case RD_SUPER_DEDUCTION -> prefix + "subsidy.applications.rd-deduction.v1";
      case INNOVATION_CREDIT_LOAN -> prefix + "subsidy.applications.innovation-loan.v1";
    };
  }

  public String decisions() {
    return prefix + "subsidy.decisions.v1";
  }

  public String totals() {
    return prefix + "subsidy.totals.v1";
  }

  public String deadLetter() {
    return prefix + "subsidy.deadletter.v1";
  }

  /** Every topic the application reads or writes, with whether it is compacted. */
  public List<TopicSpec> all() {
    return List.of(
        new TopicSpec(enterprises(), true),
        new TopicSpec(budgets(), true),
        new TopicSpec(applications(Programme.RENT_RELIEF), false),
        new TopicSpec(applications(Programme.RD_SUPER_DEDUCTION), false),
        new TopicSpec(applications(Programme.INNOVATION_CREDIT_LOAN), false),
        new TopicSpec(decisions(), false),
        new TopicSpec(totals(), true),
        new TopicSpec(deadLetter(), false));
  }

  /** A topic and its cleanup policy. Decisions are kept whole: finance replays them. */
  public record TopicSpec(String name, boolean compacted) {}
}
