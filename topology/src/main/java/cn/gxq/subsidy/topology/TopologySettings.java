package cn.gxq.subsidy.topology;

import java.time.Duration;

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
 * @param registryPins which registry version each revision meets, where not the one as of its
 *     submission: a what-if replay's pins make it meet the versions live met
 */
public record TopologySettings(
    Duration registryHistory,
    Duration registryGrace,
    Duration totalsInterval,
    boolean servesQueries,
    boolean journalsArrivals,
    RegistryPins registryPins) {

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
        RegistryPins.NONE);
  }

  public static TopologySettings defaults() {
    return new TopologySettings(
        Duration.ofDays(3 * 366), Duration.ZERO, Duration.ofMillis(250), true, true);
  }

  /** The same settings without the arrival journal. */
  public TopologySettings withoutArrivalJournal() {
    return new TopologySettings(
        registryHistory, registryGrace, totalsInterval, servesQueries, false, registryPins);
  }

  /** The same settings without the query stores and the arrival journal: a what-if replay's. */
  public TopologySettings forReplay() {
    return new TopologySettings(
        registryHistory, registryGrace, totalsInterval, false, false, registryPins);
  }

  /** The same settings with each revision meeting the registry version {@code pins} gives. */
  public TopologySettings withRegistryPins(RegistryPins pins) {
    return new TopologySettings(
        registryHistory, registryGrace, totalsInterval, servesQueries, journalsArrivals, pins);
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
