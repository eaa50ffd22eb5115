package cn.gxq.subsidy.topology;

import java.time.Duration;
import java.util.Map;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Tunables of the topology.
 *
 * @param registryHistory how far back the registry can be looked up behind its newest update; three
 *     years covers applications filed a year or more after the registry changed
 * @param registryGrace how long (in stream time of the applications) an application waits for
 *     registry updates dated before its submission that arrive late; zero decides at once
 * @param totalsInterval at most one totals record per bucket per interval; also the longest a quiet
 *     stream's totals stay unpublished
 * @param servesQueries whether to keep the stores the HTTP API answers from (the current decision
 *     and the decision history per application, read back from the decisions topic); a what-if
 *     replay decides and compares from the topic, and is spared their reads and changelogs
 * @param journalsArrivals whether the router and the ledger record the order they meet records in
 *     (see {@link ArrivalJournal}); a what-if replay reads live's journal and writes none
 * @param replay what a what-if replay changes: the registry versions revisions meet, and gates that
 *     keep live's order ({@link ReplayHooks#LIVE} for live)
 * @param changelogsState whether the topology's own stores write changelogs, so a task's state
 *     survives a crash or a move to another instance; a what-if replay starts clean and runs to the
 *     end or not at all, so it keeps none (the registry's table, whose changelog is the registry
 *     topic itself, is restored as live's)
 */
public record TopologySettings(
    Duration registryHistory,
    Duration registryGrace,
    Duration totalsInterval,
    boolean servesQueries,
    boolean journalsArrivals,
    ReplayHooks replay,
    boolean changelogsState) {

  public TopologySettings(
      Duration registryHistory,
      Duration registryGrace,
      Duration totalsInterval,
      boolean servesQueries,
      boolean journalsArrivals) {
    this(
        registryHistory,
        registryGrace,
        totalsInterval,
        servesQueries,
        journalsArrivals,
        ReplayHooks.LIVE,
        true);
  }

  /**
   * Kafka Streams setting: how many partitions the router's input has (the registry topic's
   * partition count), over which registration serials are dealt ({@link
   * cn.gxq.subsidy.ledger.SerialSpace}). It must not change while numbers are being given.
   */
  public static final String ROUTER_PARTITIONS_CONFIG = "subsidy.router.partitions";

  /** Without {@link #ROUTER_PARTITIONS_CONFIG}: safe for up to 100 partitions. */
  public static final int DEFAULT_ROUTER_PARTITIONS = 100;

  /** The router partition count of a Kafka Streams configuration. */
  public static int routerPartitions(Map<String, ?> streamsConfig) {
    final Object value = streamsConfig.get(ROUTER_PARTITIONS_CONFIG);
    if (value == null) {
      return DEFAULT_ROUTER_PARTITIONS;
    }
    try {
      final int partitions = Integer.parseInt(value.toString().trim());
      if (partitions >= 1) {
        return partitions;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        ROUTER_PARTITIONS_CONFIG + " must be a partition count of 1 or more, was " + value);
  }

  public static TopologySettings defaults() {
    return new TopologySettings(
        Duration.ofDays(3 * 366), Duration.ZERO, Duration.ofMillis(250), true, true);
  }

  /** The same settings without the arrival journal. */
  public TopologySettings withoutArrivalJournal() {
    return new TopologySettings(
        registryHistory,
        registryGrace,
        totalsInterval,
        servesQueries,
        false,
        replay,
        changelogsState);
  }

  /**
   * A what-if replay's settings: without the query stores, the arrival journal and the stores'
   * changelogs, with {@code hooks}.
   */
  public TopologySettings forReplay(ReplayHooks hooks) {
    return new TopologySettings(
        registryHistory, registryGrace, totalsInterval, false, false, hooks, false);
  }

  /** {@code store} as these settings keep state: with its changelog, or without one. */
  public <T extends StateStore> StoreBuilder<T> kept(StoreBuilder<T> store) {
    return changelogsState ? store : store.withLoggingDisabled();
  }

  public TopologySettings {
    if (registryGrace.compareTo(registryHistory) > 0) {
      throw new IllegalArgumentException(
          "registry grace "
              + registryGrace
              + " cannot exceed the registry history "
              + registryHistory);
    }
    if (totalsInterval.isNegative()
        || totalsInterval.isZero()
        || totalsInterval.compareTo(Duration.ofSeconds(1)) > 0) {
      throw new IllegalArgumentException(
          "totals interval must be above 0 and at most 1 s (a quiet stream is never staler),"
              + " was "
              + totalsInterval);
    }
  }
}
