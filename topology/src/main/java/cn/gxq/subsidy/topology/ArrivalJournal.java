package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.internal.Arrival;
import cn.gxq.subsidy.avro.internal.ArrivalKind;
import cn.gxq.subsidy.avro.internal.ArrivalStep;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.avro.internal.RegistryMet;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * What the arrival journal records of a record the router or the ledger meets, and how a replay
 * recognises the same record again.
 *
 * <p>Budgets are first fit in line order and claims go to the first contender, so a decision can
 * depend on which of two records a task met first. When they come from different upstream tasks,
 * only timing decides that, and a replay of the same inputs would time them differently. The
 * journal keeps live's order; a what-if replay holds each record back until live's earlier ones
 * have been met (see the what-if module's {@code LiveOrder}).
 */
public final class ArrivalJournal {

  private ArrivalJournal() {}

  /**
   * A revision as the router meets it (keyed by credit code), with the registry version it was
   * judged with.
   */
  public static Arrival atRouter(Proposal proposal) {
    final String version = proposal.getDetails().get(Proposals.REGISTRY_VERSION);
    return new Arrival(
        ArrivalStep.ROUTER,
        ArrivalKind.REVISION,
        proposal.getApplicationId(),
        proposal.getRevision(),
        proposal.getSubmittedAt(),
        new RegistryMet(version == null ? null : instant(version)));
  }

  /**
   * {@link Instant#parse} for the form {@link Instant#toString} writes ({@code
   * 2021-12-31T00:00:00Z}, with or without a fraction), which is how {@link Proposals} records the
   * version: Instant.parse, a general ISO parser, took 2.5% of the stream thread. Anything else
   * goes to Instant.parse itself.
   */
  static Instant instant(String text) {
    final int n = text.length();
    if (n < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(n - 1) != 'Z'
        || (n > 20 && (text.charAt(19) != '.' || n > 30 || n == 21))) {
      return Instant.parse(text);
    }
    try {
      final long seconds =
          LocalDateTime.of(
                  digits(text, 0, 4),
                  digits(text, 5, 7),
                  digits(text, 8, 10),
                  digits(text, 11, 13),
                  digits(text, 14, 16),
                  digits(text, 17, 19))
              .toEpochSecond(ZoneOffset.UTC);
      int nanos = 0;
      if (n > 20) {
        nanos = digits(text, 20, n - 1);
        for (int i = n - 1 - 20; i < 9; i++) {
          nanos *= 10;
        }
      }
      return Instant.ofEpochSecond(seconds, nanos);
    } catch (DateTimeException | NumberFormatException e) {
      return Instant.parse(text);
    }
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      final int d = text.charAt(i) - '0';
      if (d < 0 || d > 9) {
        throw new NumberFormatException(text);
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** The registry version a router entry records, or null for an entry that records none. */
  public static RegistryPins.Pin registryPin(Arrival arrival) {
    final RegistryMet met = arrival.getRegistry();
    return met == null ? null : new RegistryPins.Pin(met.getUpdatedAt());
  }

  /** A command as the ledger meets it at {@code bucket}. */
  public static Arrival atLedger(String bucket, LedgerCommand command) {
    if (command.getCommand() instanceof Budget budget) {
      return new Arrival(
          ArrivalStep.LEDGER, ArrivalKind.BUDGET, bucket, 0, budget.getUpdatedAt(), null);
    }
    final Proposal proposal = (Proposal) command.getCommand();
    return new Arrival(
        ArrivalStep.LEDGER,
        command.getHandedSequence() != null ? ArrivalKind.HANDOVER : ArrivalKind.REVISION,
        proposal.getApplicationId(),
        proposal.getRevision(),
        proposal.getSubmittedAt(),
        null);
  }

  /**
   * What tells two arrivals apart within one step: an application's revision (met at its home, or
   * handed over), or a bucket's budget by its date. Two records with the same identity are the same
   * record sent twice, and which of them comes first changes nothing.
   */
  public static String identity(Arrival arrival) {
    final String base =
        arrival.getKind() + "|" + arrival.getSubject() + "|" + arrival.getRevision();
    return arrival.getKind() == ArrivalKind.BUDGET
        ? base + "|" + arrival.getAt().toEpochMilli()
        : base;
  }
}
