package cn.gxq.subsidy.contract;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Settlement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * One kind of input record (contract, "Topics" and "Commands"): its name on the command line and in
 * the government outbox, its record, its topic, its key and its event time. {@code produce}, {@code
 * consume}, the connectors and the HTTP API all use the one {@link #table}.
 *
 * @param name e.g. {@code enterprise}, {@code budget}, {@code rent-relief}
 */
public record RecordKind(
    String name,
    Class<? extends SpecificRecord> recordClass,
    Function<Topics, String> topic,
    Function<SpecificRecord, String> key,
    Function<SpecificRecord, Instant> eventTime) {

  public static final RecordKind ENTERPRISE =
      new RecordKind(
          "enterprise",
          Enterprise.class,
          Topics::enterprises,
          r -> ((Enterprise) r).getCreditCode(),
          r -> ((Enterprise) r).getUpdatedAt());

  public static final RecordKind BUDGET =
      new RecordKind(
          "budget",
          Budget.class,
          Topics::budgets,
          r -> BucketKey.of((Budget) r).toString(),
          r -> ((Budget) r).getUpdatedAt());

  /** Finance's confirmations: keyed by movement id, timed by when finance settled. */
  public static final RecordKind SETTLEMENT =
      new RecordKind(
          "settlement",
          Settlement.class,
          Topics::settlements,
          r -> ((Settlement) r).getMovementId(),
          r -> ((Settlement) r).getSettledAt());

  /** A programme's applications: keyed by application id, timed by submission. */
  public static RecordKind application(ApplicationKind programme) {
    return new RecordKind(
        programme.slug(),
        programme.recordClass(),
        topics -> topics.applications(programme),
        ApplicationFields::applicationId,
        ApplicationFields::submittedAt);
  }

  /** The registry, budgets, then each programme's applications. */
  public static List<RecordKind> table(Collection<? extends ApplicationKind> programmes) {
    final List<RecordKind> kinds = new ArrayList<>(List.of(ENTERPRISE, BUDGET));
    programmes.forEach(p -> kinds.add(application(p)));
    return List.copyOf(kinds);
  }

  /**
   * The kind of a given name.
   *
   * @throws IllegalArgumentException naming the kinds there are
   */
  public static RecordKind named(List<RecordKind> table, String name) {
    return table.stream()
        .filter(k -> k.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown type '"
                        + name
                        + "'; one of "
                        + table.stream().map(RecordKind::name).toList()));
  }

  public String topic(Topics topics) {
    return topic.apply(topics);
  }

  public String key(SpecificRecord record) {
    return key.apply(record);
  }

  public Instant eventTime(SpecificRecord record) {
    return eventTime.apply(record);
  }
}
