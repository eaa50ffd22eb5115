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

  /** Money movements for finance, keyed by movement id; an output, like the decisions. */
  public String movements() {
    return outputPrefix + "subsidy.movements.v1";
  }

  /**
   * Finance's confirmations of what it settled, keyed by movement id: an input, which finance alone
   * may write. A what-if replay reads the live ones, up to its snapshot.
   */
  public String settlements() {
    return prefix + "subsidy.settlements.v1";
  }

  /** Each bucket's movements and settlements per day, keyed {@code ZONE:PROGRAMME:YEAR:DATE}. */
  public String controlTotals() {
    return outputPrefix + "subsidy.control-totals.v1";
  }

  /**
   * Who read which enterprise's file over HTTP, keyed by principal. Not under {@code subsidy.}, so
   * that the operators' read-everything grant does not reach it: auditors alone read it. An output
   * of the running application (its HTTP API), so a what-if replay's would be its own.
   */
  public String accessLog() {
    return outputPrefix + "audit.access-log.v1";
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
   * Every topic the application reads or writes, with how it is kept: the registry and budgets
   * first, then each programme's applications in the order given, then the outputs.
   */
  public List<TopicSpec> all(Collection<? extends ApplicationKind> programmes) {
    final List<TopicSpec> specs = new ArrayList<>();
    specs.add(new TopicSpec(enterprises(), Kept.EVERY_VERSION));
    specs.add(new TopicSpec(budgets(), Kept.EVERY_VERSION));
    for (ApplicationKind kind : programmes) {
      specs.add(new TopicSpec(applications(kind), Kept.WHOLE));
    }
    specs.add(new TopicSpec(decisions(), Kept.WHOLE));
    specs.add(new TopicSpec(totals(), Kept.LATEST));
    specs.add(new TopicSpec(deadLetter(), Kept.WHOLE));
    specs.add(new TopicSpec(movements(), Kept.WHOLE));
    specs.add(new TopicSpec(settlements(), Kept.WHOLE));
    specs.add(new TopicSpec(controlTotals(), Kept.LATEST));
    specs.add(new TopicSpec(accessLog(), Kept.WHOLE));
    specs.add(new TopicSpec(ledgerHandovers(), Kept.WHOLE));
    specs.add(new TopicSpec(arrivals(), Kept.WHOLE));
    return List.copyOf(specs);
  }

  /**
   * How a topic keeps its records. The broker applies compaction lag and retention by the records'
   * timestamps, which are event times: a record dated in the past is "old" the moment it arrives.
   * So a topic whose records a decision may need again must not depend on any lag or retention that
   * a timestamp can reach.
   */
  public enum Kept {
    /**
     * Every record, whatever its timestamp or the topic's size: decisions (finance replays them),
     * applications, dead letters and the internal journals.
     */
    WHOLE(
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1")),

    /**
     * Every version of every key: the registry and budgets, whose history the as-of join, a
     * restored state, a what-if replay and an audit read. Compacted in name only, with a lag no
     * timestamp can reach, so the cleaner never removes a version; being compacted, the topic makes
     * the broker refuse a record without a key, which a table of the registry could not take (it
     * would drop it unseen, live and on restore).
     */
    EVERY_VERSION(
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
            Long.toString(Long.MAX_VALUE))),

    /**
     * The latest record per key, each version staying a week first: the totals, whose history
     * nothing is decided from.
     */
    LATEST(
        Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG,
            TopicConfig.CLEANUP_POLICY_COMPACT,
            TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG,
            Long.toString(7 * 24 * 60 * 60 * 1000L)));

    private final Map<String, String> configs;

    Kept(Map<String, String> configs) {
      this.configs = configs;
    }

    /** The topic configuration that keeps records this way. */
    public Map<String, String> configs() {
      return configs;
    }

    /**
     * Whether a topic configured so keeps every record: no retention a timestamp or size can reach,
     * and no compaction lag a timestamp can reach. Null values are the broker's defaults when the
     * topic does not set them.
     */
    public static boolean keepsEveryRecord(
        String cleanupPolicy, String retentionMs, String retentionBytes, String compactionLagMs) {
      final String policy = cleanupPolicy == null ? "" : cleanupPolicy;
      final boolean deletes = policy.contains(TopicConfig.CLEANUP_POLICY_DELETE);
      final boolean compacts = policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT);
      if (!deletes && !compacts) {
        return false;
      }
      if (deletes && !(negative(retentionMs) && negative(retentionBytes))) {
        return false;
      }
      return !compacts || String.valueOf(Long.MAX_VALUE).equals(trim(compactionLagMs));
    }

    private static boolean negative(String value) {
      return value != null && Long.parseLong(trim(value)) < 0;
    }

    private static String trim(String value) {
      return value == null ? null : value.trim();
    }
  }

  /** A topic and how it keeps its records. */
  public record TopicSpec(String name, Kept kept) {

    /** Publishers' clocks may run a little ahead; a record dated further out is refused. */
    public static final long MAX_FUTURE_MS = 60 * 60 * 1000L;

    /** Whether only the latest record per key is kept (the totals). */
    public boolean compacted() {
      return kept == Kept.LATEST;
    }

    /** The topic configuration whoever creates the topic must give it. */
    public Map<String, String> configs() {
      final Map<String, String> configs = new HashMap<>(kept.configs());
      // A record dated years ahead would move stream time, and with it the registry's history
      // window, past every real application: refuse it at the broker.
      configs.put(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, Long.toString(MAX_FUTURE_MS));
      return Map.copyOf(configs);
    }
  }
}
