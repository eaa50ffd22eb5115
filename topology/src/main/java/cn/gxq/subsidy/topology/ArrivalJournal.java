package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.internal.Arrival;
import cn.gxq.subsidy.avro.internal.ArrivalKind;
import cn.gxq.subsidy.avro.internal.ArrivalStep;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.avro.internal.RegistryMet;
import java.time.Instant;

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
        new RegistryMet(version == null ? null : Instant.parse(version)));
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
