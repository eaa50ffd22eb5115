package cn.gxq.subsidy.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topic names of the contract, in one place. A prefix lets several environments share a
 * cluster; names never appear anywhere else in code.
 */
public final class Topics {

  private final String prefix;
  // Where the topology writes, and where it reads budgets: the prefix, except in a what-if replay.
  private final String outputPrefix;
  private final String budgetsPrefix;

  public Topics(String prefix) {
    this(prefix, prefix, prefix);
  }

  private Topics(String prefix, String outputPrefix, String budgetsPrefix) {
    this.prefix = Objects.requireNonNull(prefix, "prefix");
    this.outputPrefix = Objects.requireNonNull(outputPrefix, "outputPrefix");
    this.budgetsPrefix = Objects.requireNonNull(budgetsPrefix, "budgetsPrefix");
  }

  /**
   * The same inputs, with decisions, totals, dead letters and hand-overs written under {@code
   * outputPrefix} (followed by this prefix); with {@code ownBudgets} the budgets too are read from
   * there. A what-if replay reads the live inputs this way and never writes a live topic.
   */
  public Topics writingUnder(String outputPrefix, boolean ownBudgets) {
    final String outputs = outputPrefix + this.outputPrefix;
    return new Topics(prefix, outputs, ownBudgets ? outputPrefix + budgetsPrefix : budgetsPrefix);
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
    return budgetsPrefix + "subsidy.budgets.v1";
  }

  /** A programme's application topic, {@code subsidy.applications.<slug>.v1}. */
  public String applications(ApplicationKind kind) {
    return prefix + "subsidy.applications." + kind.slug() + ".v1";
  }

  public String decisions() {
    return outputPrefix + "subsidy.decisions.v1";
  }

  public String totals() {
    return outputPrefix + "subsidy.totals.v1";
  }

  public String deadLetter() {
    return outputPrefix + "subsidy.deadletter.v1";
  }

  /**
   * Internal: revisions handed over by the bucket an application leaves to the bucket it moves to.
   * Read and written by the ledger itself, so it must have as many partitions as the ledger's
   * repartition topic (the application topics' count); {@code run} creates it so.
   */
  public String ledgerHandovers() {
    return outputPrefix + "subsidy.internal.ledger-handovers.v1";
  }

  /**
   * Internal: the arrival journal. The router and the bucket ledger record every record they meet,
   * in the order they meet it, so that a what-if replay can meet competitors in live's order. Each
   * task writes to its own partition number, so it must have as many partitions as the ledger's
   * repartition topic, like the hand-overs; {@code run} creates it so.
   */
  public String arrivals() {
    return outputPrefix + "subsidy.internal.arrivals.v1";
  }

  /**
   * Every topic the application reads or writes, with whether it is compacted: the registry and
   * budgets first, then each programme's applications in the order given, then the outputs.
   *
   * <p>Only the totals are compacted: nothing is decided from their history. Every version of the
   * registry and the budgets is kept, like the applications, because a decision is reproducible
   * only from the inputs it met: the as-of join reads the registry's history, a state restored from
   * these topics must hold it, and a what-if replay meets the budgets' raises and cuts in the order
   * they came. Compaction cannot keep them: the broker measures its lag by the records' timestamps,
   * their event times, so a version dated in the past is erased as soon as a later one exists.
   */
  public List<TopicSpec> all(Collection<? extends ApplicationKind> programmes) {
    final List<TopicSpec> specs = new ArrayList<>();
    specs.add(new TopicSpec(enterprises(), false));
    specs.add(new TopicSpec(budgets(), false));
    for (ApplicationKind kind : programmes) {
      specs.add(new TopicSpec(applications(kind), false));
    }
    specs.add(new TopicSpec(decisions(), false));
    specs.add(new TopicSpec(totals(), true));
    specs.add(new TopicSpec(deadLetter(), false));
    specs.add(new TopicSpec(ledgerHandovers(), false));
    specs.add(new TopicSpec(arrivals(), false));
    return List.copyOf(specs);
  }

  /**
   * A topic and how it is kept: compacted (the latest record per key), or whole (every record,
   * whatever its timestamp and however large the topic grows). Decisions are kept whole: finance
   * replays them.
   */
  public record TopicSpec(String name, boolean compacted) {

    /** Publishers' clocks may run a little ahead; a record dated further out is refused. */
    public static final long MAX_FUTURE_MS = 60 * 60 * 1000L;

    /** Every version stays a week before compaction may drop it. */
    public static final long MIN_COMPACTION_LAG_MS = 7 * 24 * 60 * 60 * 1000L;

    /** The topic configuration whoever creates the topic must give it. */
    public Map<String, String> configs() {
      final Map<String, String> configs = new HashMap<>();
      configs.put(
          TopicConfig.CLEANUP_POLICY_CONFIG,
          compacted ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE);
      // A record dated years ahead would move stream time, and with it the registry's history
      // window, past every real application: refuse it at the broker.
      configs.put(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, Long.toString(MAX_FUTURE_MS));
      if (compacted) {
        // An instance that lags (restarting, rebalancing) must still see intermediate versions.
        configs.put(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, Long.toString(MIN_COMPACTION_LAG_MS));
      } else {
        // Records of state money and of what decided it: neither age nor size erases them.
        configs.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
        configs.put(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
      }
      return Map.copyOf(configs);
    }
  }
}
