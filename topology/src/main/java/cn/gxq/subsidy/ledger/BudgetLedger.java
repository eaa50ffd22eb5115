package cn.gxq.subsidy.ledger;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Reason;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.avro.internal.Assessment;
import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.Holding;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.rules.ReasonCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounting of the buckets one partition owns: budgets, lines, counts, and the decisions of
 * the applications they hold. Plain Java over a {@link LedgerBook}; the stream processor around it
 * only reads records in and writes what {@link Effects} says out.
 *
 * <p>An application lives in exactly one bucket at a time, and only that bucket's partition numbers
 * its decisions. Its next revision is sent there first (by the {@link RevisionRouter}); if it
 * belongs to another bucket, this one takes back what it held and hands it over, with its last
 * sequence, to the new bucket. A revision that arrives before the one it follows is parked until
 * that one is here. So no two partitions ever number the same application.
 *
 * <p>Budgets are first fit in line order: an eligible application is approved when its amount fits
 * in what remains, else it waits with its ticket; whenever money frees up the line is walked from
 * its head and every waiting application that fits is approved. After every command no waiting
 * application fits in what remains. An approval is never taken back, except by the application's
 * own raise or withdrawal.
 */
public final class BudgetLedger {

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  /** {@code details.capacityLimit} of a bucket whose line has handed out its last ticket. */
  public static final String TICKETS_FULL = "bucketTickets";

  /** {@code details.capacityLimit} of a bucket holding as much money as it can carry. */
  public static final String AMOUNT_FULL = "bucketAmount";

  private final LedgerBook book;
  private final BucketLimits limits;

  public BudgetLedger(LedgerBook book) {
    this(book, BucketLimits.PRODUCTION);
  }

  public BudgetLedger(LedgerBook book, BucketLimits limits) {
    this.book = book;
    this.limits = limits;
  }

  /**
   * What a command led to: decisions to publish in this order, hand-overs to send (keyed by the
   * bucket that must act on them), and the buckets whose totals changed.
   */
  public record Effects(
      List<Decision> decisions, List<Routed> handovers, List<BucketKey> changedBuckets) {

    static Effects empty() {
      return new Effects(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    private void changed(BucketKey bucket) {
      if (!changedBuckets.contains(bucket)) {
        changedBuckets.add(bucket);
      }
    }
  }

  /** A command and the bucket whose partition must act on it. */
  public record Routed(BucketKey bucket, LedgerCommand command) {}

  /** Acts on one command addressed to {@code bucket} of this partition. */
  public Effects handle(BucketKey bucket, LedgerCommand command, Instant eventTime) {
    final Effects effects = Effects.empty();
    if (command.getCommand() instanceof Budget budget) {
      allot(budget, eventTime, effects);
    } else {
      revise(bucket, command, eventTime, effects);
    }
    return effects;
  }

  private void revise(BucketKey home, LedgerCommand command, Instant eventTime, Effects effects) {
    Proposal proposal = (Proposal) command.getCommand();
    LedgerCommand next = command;
    while (next != null) {
      proposal = (Proposal) next.getCommand();
      final String id = proposal.getApplicationId();
      final Holding holding = book.holding(id);
      final Integer after = next.getAfterRevision();
      if (after != null && (holding == null || holding.getRevision() < after)) {
        book.park(id, after, next); // its predecessor is still on its way here
        return;
      }
      if (holding != null && holding.getRevision() >= proposal.getRevision()) {
        return; // already applied: nothing is decided twice
      }
      final BucketKey target = RevisionRouter.bucketOf(proposal);
      if (holding != null && !BucketKey.parse(holding.getBucket()).equals(target)) {
        leave(holding, id, eventTime, effects);
        effects
            .handovers()
            .add(
                new Routed(
                    target,
                    LedgerCommand.newBuilder()
                        .setCommand(proposal)
                        .setHandedSequence(holding.getSequence())
                        .build()));
        return; // the new bucket settles it, and takes whatever was parked after it
      }
      final long lastSequence =
          holding != null
              ? holding.getSequence()
              : next.getHandedSequence() == null ? 0 : next.getHandedSequence();
      settle(target, proposal, holding, lastSequence, eventTime, effects);
      next = book.unpark(id, proposal.getRevision());
    }
  }

  /** Takes back everything an application holds in its bucket before it moves to another. */
  private void leave(Holding holding, String id, Instant eventTime, Effects effects) {
    final BucketKey bucket = BucketKey.parse(holding.getBucket());
    final BucketState state = load(bucket);
    retract(bucket, state, holding);
    book.deleteHolding(id);
    walk(bucket, state, eventTime, effects);
    save(bucket, state, eventTime, effects);
  }

  /** Takes the current decision's count, money and place in line out of the bucket. */
  private void retract(BucketKey bucket, BucketState state, Holding holding) {
    final Totals totals = state.getTotals();
    count(totals, holding.getStatus(), -1);
    if (holding.getStatus() == DecisionStatus.APPROVED) {
      totals.setApprovedAmount(totals.getApprovedAmount().subtract(holding.getAmount()));
    } else if (holding.getStatus() == DecisionStatus.WAITLISTED) {
      book.deleteFromLine(bucket, new LineEntry(holding.getTicket(), "", holding.getAmount()));
      state.setWaitingAmount(state.getWaitingAmount().subtract(holding.getAmount()));
    }
  }

  /**
   * Settles a revision in its bucket: the previous revision held here (if any) is taken back first,
   * then the new one is counted, approved if it fits or waitlisted, and only then is the line
   * walked.
   */
  private void settle(
      BucketKey bucket,
      Proposal proposal,
      Holding prior,
      long lastSequence,
      Instant eventTime,
      Effects effects) {
    final BucketState state = load(bucket);
    final Totals totals = state.getTotals();
    final BigDecimal remainingBefore = remaining(totals);
    Long keptTicket = null;
    boolean wasApproved = false;
    BigDecimal heldAmount = ZERO;
    if (prior != null) {
      retract(bucket, state, prior);
      wasApproved = prior.getStatus() == DecisionStatus.APPROVED;
      heldAmount = prior.getAmount();
      if (wasApproved || prior.getStatus() == DecisionStatus.WAITLISTED) {
        keptTicket = prior.getTicket();
      }
    }
    final long sequence = lastSequence + 1;
    final String id = proposal.getApplicationId();
    final Decision decision =
        switch (proposal.getAssessment()) {
          case WITHDRAWN -> {
            final List<Reason> reasons =
                List.of(
                    reason(
                        ReasonCode.WITHDRAWN_BY_APPLICANT,
                        "withdrawn by the applicant in revision " + proposal.getRevision()));
            yield holdNothing(
                bucket, state, proposal, sequence, DecisionStatus.WITHDRAWN, reasons, eventTime);
          }
          case REJECTED ->
              holdNothing(
                  bucket,
                  state,
                  proposal,
                  sequence,
                  DecisionStatus.REJECTED,
                  proposal.getReasons(),
                  eventTime);
          case ELIGIBLE -> {
            final BigDecimal amount = proposal.getEligibleAmount();
            // An approval is never taken back by the application's own revision that does not
            // raise its amount, even when a lowered budget left less than it holds.
            final boolean keeps = wasApproved && amount.compareTo(heldAmount) <= 0;
            final Proposal refused =
                keeps ? null : overCapacity(bucket, state, keptTicket, proposal);
            if (refused != null) {
              yield holdNothing(
                  bucket,
                  state,
                  refused,
                  sequence,
                  DecisionStatus.REJECTED,
                  refused.getReasons(),
                  eventTime);
            }
            final long ticket = keptTicket != null ? keptTicket : takeTicket(state);
            yield keeps || fits(totals, amount)
                ? approve(bucket, state, proposal, sequence, ticket, eventTime)
                : waitlist(bucket, state, proposal, sequence, ticket, eventTime);
          }
        };
    effects.decisions().add(decision);
    if (freedMoney(remainingBefore, remaining(totals))) {
      walk(bucket, state, eventTime, effects);
    }
    save(bucket, state, eventTime, effects);
  }

  /**
   * The proposal rejected with {@link ReasonCode#CAPACITY_REACHED} when the bucket cannot take it
   * on (its line has no ticket left for a newcomer, or the amount would take what it holds past
   * what its records carry), else null. Checked after the application's previous revision was taken
   * back, so a revision is measured against what the others hold.
   */
  private Proposal overCapacity(
      BucketKey bucket, BucketState state, Long keptTicket, Proposal proposal) {
    final String limit;
    final String message;
    final BigDecimal held = state.getTotals().getApprovedAmount().add(state.getWaitingAmount());
    final BigDecimal amount = proposal.getEligibleAmount();
    if (keptTicket == null && state.getNextTicket() > limits.maxTicket()) {
      limit = TICKETS_FULL;
      message =
          "not taken on: the "
              + bucket
              + " bucket has handed out all "
              + limits.maxTicket()
              + " places its line can hold (one per application that entered it), so it can"
              + " take no new application; the application was eligible";
    } else if (held.add(amount).compareTo(limits.maxHeld()) > 0) {
      limit = AMOUNT_FULL;
      message =
          "not taken on: the "
              + bucket
              + " bucket holds "
              + held.toPlainString()
              + " approved and waiting, and with this application's "
              + amount.toPlainString()
              + " it would hold more than the "
              + limits.maxHeld().toPlainString()
              + " one bucket can carry (its totals, and their sum over all zones, must fit the"
              + " contract's decimal(18,2)); the application was eligible";
    } else {
      return null;
    }
    final List<Reason> reasons = new ArrayList<>();
    reasons.add(reason(ReasonCode.CAPACITY_REACHED, message));
    reasons.addAll(proposal.getReasons());
    final Map<String, String> details = new HashMap<>(proposal.getDetails());
    details.put(RevisionRouter.CAPACITY_LIMIT, limit);
    return Proposal.newBuilder(proposal)
        .setAssessment(Assessment.REJECTED)
        .setEligibleAmount(ZERO)
        .setReasons(reasons)
        .setDetails(details)
        .build();
  }

  private Decision holdNothing(
      BucketKey bucket,
      BucketState state,
      Proposal proposal,
      long sequence,
      DecisionStatus status,
      List<Reason> reasons,
      Instant eventTime) {
    count(state.getTotals(), status, +1);
    final Decision decision =
        decision(
            proposal,
            sequence,
            status,
            ZERO,
            reasons,
            new HashMap<>(proposal.getDetails()),
            eventTime);
    hold(bucket, proposal, sequence, status, ZERO, null, null);
    return decision;
  }

  private Decision approve(
      BucketKey bucket,
      BucketState state,
      Proposal proposal,
      long sequence,
      long ticket,
      Instant eventTime) {
    final Totals totals = state.getTotals();
    final BigDecimal amount = proposal.getEligibleAmount();
    count(totals, DecisionStatus.APPROVED, +1);
    totals.setApprovedAmount(totals.getApprovedAmount().add(amount));
    hold(bucket, proposal, sequence, DecisionStatus.APPROVED, amount, ticket, null);
    return decision(
        proposal,
        sequence,
        DecisionStatus.APPROVED,
        amount,
        proposal.getReasons(),
        new HashMap<>(proposal.getDetails()),
        eventTime);
  }

  /** Puts an application in line and explains why, with the figures and its place in line. */
  private Decision waitlist(
      BucketKey bucket,
      BucketState state,
      Proposal proposal,
      long sequence,
      long ticket,
      Instant eventTime) {
    final Totals totals = state.getTotals();
    final BigDecimal amount = proposal.getEligibleAmount();
    final Waiting ahead = ahead(bucket, state, ticket);
    count(totals, DecisionStatus.WAITLISTED, +1);
    book.putInLine(bucket, new LineEntry(ticket, proposal.getApplicationId(), amount));
    state.setWaitingAmount(state.getWaitingAmount().add(amount));

    final BigDecimal remaining = remaining(totals);
    final Map<String, String> details = new HashMap<>(proposal.getDetails());
    details.put("budget", totals.getBudget().toPlainString());
    details.put("budgetRemaining", remaining.toPlainString());
    details.put("waitlistTicket", Long.toString(ticket));
    details.put("waitlistPosition", Long.toString(ahead.count() + 1));
    details.put("amountWaitingAhead", ahead.amount().toPlainString());
    if (remaining.signum() < 0) {
      details.put(
          "budgetNote",
          "the budget was lowered below the amount already approved;"
              + " approvals stand, new ones wait until the budget is raised");
    }
    final List<Reason> reasons = new ArrayList<>();
    reasons.add(
        reason(
            ReasonCode.BUDGET_EXHAUSTED,
            "waitlisted: the "
                + bucket
                + " budget has "
                + remaining.max(ZERO).toPlainString()
                + " left of "
                + totals.getBudget().toPlainString()
                + " and this application needs "
                + amount.toPlainString()
                + ". It is number "
                + (ahead.count() + 1)
                + " in line with "
                + ahead.amount().toPlainString()
                + " waiting ahead of it, keeps its place, and is approved as soon as "
                + amount.toPlainString()
                + " fits in what remains"
                + (remaining.signum() < 0
                    ? " (the budget was lowered below what is already approved: approvals"
                        + " stand, new ones wait until the budget is raised)"
                    : "")));
    reasons.addAll(proposal.getReasons());
    final Decision waiting =
        decision(proposal, sequence, DecisionStatus.WAITLISTED, ZERO, reasons, details, eventTime);
    hold(bucket, proposal, sequence, DecisionStatus.WAITLISTED, amount, ticket, waiting);
    return waiting;
  }

  /** Records what the application's current decision holds in its bucket. */
  private void hold(
      BucketKey bucket,
      Proposal proposal,
      long sequence,
      DecisionStatus status,
      BigDecimal amount,
      Long ticket,
      Decision waiting) {
    book.putHolding(
        proposal.getApplicationId(),
        new Holding(
            bucket.toString(), proposal.getRevision(), sequence, status, amount, ticket, waiting));
  }

  /** How many wait ahead of {@code ticket}, and how much they need. */
  private Waiting ahead(BucketKey bucket, BucketState state, long ticket) {
    if (ticket >= state.getNextTicket() - 1) {
      // A new ticket is the last in line: everyone waiting is ahead of it.
      return new Waiting(state.getTotals().getWaitlisted(), state.getWaitingAmount());
    }
    // A revision waiting at its old ticket: ask the line.
    return book.waitingAhead(bucket, ticket);
  }

  private void allot(Budget budget, Instant eventTime, Effects effects) {
    final BucketKey bucket =
        new BucketKey(budget.getZone(), budget.getProgramme(), budget.getYear());
    final BucketState state = load(bucket);
    if (state.getBudgetUpdatedAt() != null
        && budget.getUpdatedAt().isBefore(state.getBudgetUpdatedAt())) {
      return; // the topic is compacted by key: the newest allotment is the one in force
    }
    state.setBudgetUpdatedAt(budget.getUpdatedAt());
    state.getTotals().setBudget(budget.getAmount());
    // Lowering never revokes (approvals stand); raising lets the line move.
    walk(bucket, state, eventTime, effects);
    save(bucket, state, eventTime, effects);
  }

  /**
   * First fit in line order: approves every waiting application that fits in what remains, in
   * ticket order; one that does not fit keeps its place and the walk goes on.
   */
  private void walk(BucketKey bucket, BucketState state, Instant eventTime, Effects effects) {
    final Totals totals = state.getTotals();
    if (totals.getBudget() == null || totals.getWaitlisted() == 0) {
      return;
    }
    BigDecimal remaining = remaining(totals);
    if (remaining.signum() < 0) {
      return; // a lowered budget: nothing fits until it is raised
    }
    // What remains only shrinks, so a ticket passed over (it did not fit) never fits later in the
    // walk: the first in line that fits now is always the next to approve. The book finds it
    // without reading the line.
    for (LineEntry entry = book.firstNeedingAtMost(bucket, remaining);
        entry != null;
        entry = book.firstNeedingAtMost(bucket, remaining)) {
      remaining = remaining.subtract(entry.amount());
      effects.decisions().add(release(bucket, state, entry, eventTime));
    }
  }

  /** Approves one waiting application from the line: its next decision. */
  private Decision release(
      BucketKey bucket, BucketState state, LineEntry entry, Instant eventTime) {
    final Totals totals = state.getTotals();
    final Holding holding = book.holding(entry.applicationId());
    book.deleteFromLine(bucket, entry);
    state.setWaitingAmount(state.getWaitingAmount().subtract(entry.amount()));
    count(totals, DecisionStatus.WAITLISTED, -1);
    count(totals, DecisionStatus.APPROVED, +1);
    totals.setApprovedAmount(totals.getApprovedAmount().add(entry.amount()));

    final Decision was = holding.getWaiting();
    final List<Reason> reasons = new ArrayList<>();
    reasons.add(
        reason(
            ReasonCode.APPROVED_FROM_WAITLIST,
            "approved from the "
                + bucket
                + " waitlist: "
                + entry.amount().toPlainString()
                + " fitted in the "
                + remaining(totals).add(entry.amount()).toPlainString()
                + " that became available"));
    for (Reason r : was.getReasons()) {
      if (!ReasonCode.BUDGET_EXHAUSTED.name().equals(r.getCode())) {
        reasons.add(r);
      }
    }
    final Map<String, String> details = new HashMap<>(was.getDetails());
    details
        .keySet()
        .removeAll(
            List.of("budgetRemaining", "budgetNote", "waitlistPosition", "amountWaitingAhead"));
    final long sequence = holding.getSequence() + 1;
    final Decision approved =
        Decision.newBuilder(was)
            .setSequence(sequence)
            .setStatus(DecisionStatus.APPROVED)
            .setApprovedAmount(entry.amount())
            .setReasons(reasons)
            .setDetails(details)
            .setDecidedAt(eventTime)
            .build();
    holding.setSequence(sequence);
    holding.setStatus(DecisionStatus.APPROVED);
    holding.setWaiting(null);
    book.putHolding(entry.applicationId(), holding);
    return approved;
  }

  private BucketState load(BucketKey bucket) {
    final BucketState state = book.bucket(bucket);
    return state != null ? state : empty(bucket);
  }

  private void save(BucketKey bucket, BucketState state, Instant eventTime, Effects effects) {
    final Totals totals = state.getTotals();
    totals.setBudgetRemaining(remaining(totals));
    if (eventTime.isAfter(totals.getUpdatedAt())) {
      totals.setUpdatedAt(eventTime);
    }
    book.putBucket(bucket, state);
    effects.changed(bucket);
  }

  private static long takeTicket(BucketState state) {
    final long ticket = state.getNextTicket();
    state.setNextTicket(ticket + 1);
    return ticket;
  }

  static void count(Totals totals, DecisionStatus status, int delta) {
    totals.setReceived(totals.getReceived() + delta);
    switch (status) {
      case APPROVED -> totals.setApproved(totals.getApproved() + delta);
      case REJECTED -> totals.setRejected(totals.getRejected() + delta);
      case WAITLISTED -> totals.setWaitlisted(totals.getWaitlisted() + delta);
      case WITHDRAWN -> totals.setWithdrawn(totals.getWithdrawn() + delta);
    }
  }

  /** Whether {@code amount} can still be drawn; no budget record means unlimited. */
  static boolean fits(Totals totals, BigDecimal amount) {
    return totals.getBudget() == null
        || totals.getApprovedAmount().add(amount).compareTo(totals.getBudget()) <= 0;
  }

  /** What remains of the budget; null when the bucket has none (unlimited). */
  static BigDecimal remaining(Totals totals) {
    return totals.getBudget() == null
        ? null
        : totals.getBudget().subtract(totals.getApprovedAmount());
  }

  private static boolean freedMoney(BigDecimal before, BigDecimal after) {
    return after != null && (before == null || after.compareTo(before) > 0);
  }

  private static BucketState empty(BucketKey bucket) {
    return BucketState.newBuilder()
        .setTotals(emptyTotals(bucket))
        .setNextTicket(1L)
        .setWaitingAmount(ZERO)
        .setBudgetUpdatedAt(null)
        .build();
  }

  public static Totals emptyTotals(BucketKey bucket) {
    return Totals.newBuilder()
        .setZone(bucket.zone())
        .setProgramme(bucket.programme())
        .setYear(bucket.year())
        .setReceived(0)
        .setApproved(0)
        .setRejected(0)
        .setWaitlisted(0)
        .setWithdrawn(0)
        .setApprovedAmount(ZERO)
        .setBudget(null)
        .setBudgetRemaining(null)
        .setUpdatedAt(Instant.EPOCH)
        .build();
  }

  private static Decision decision(
      Proposal p,
      long sequence,
      DecisionStatus status,
      BigDecimal approvedAmount,
      List<Reason> reasons,
      Map<String, String> details,
      Instant eventTime) {
    return Decision.newBuilder()
        .setApplicationId(p.getApplicationId())
        .setRevision(p.getRevision())
        .setSequence(sequence)
        .setProgramme(p.getProgramme())
        .setCreditCode(p.getCreditCode())
        .setEnterpriseName(p.getEnterpriseName())
        .setZone(p.getZone())
        .setYear(p.getYear())
        .setStatus(status)
        .setRequestedAmount(p.getRequestedAmount())
        .setApprovedAmount(approvedAmount)
        .setReasons(new ArrayList<>(reasons))
        .setDetails(details)
        .setPolicyVersion(p.getPolicyVersion())
        .setSubmittedAt(p.getSubmittedAt())
        .setDecidedAt(eventTime)
        .build();
  }

  private static Reason reason(ReasonCode code, String message) {
    return new Reason(code.name(), message);
  }
}
