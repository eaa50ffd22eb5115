package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Reason;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.avro.internal.ApplicationState;
import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.rules.ReasonCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The decision ledger of one programme: the only place that knows an application's current
 * decision, so it alone numbers decisions, holds claims, draws budgets and keeps the waitlist.
 *
 * <p>The unit of account is the current decision per application. A new revision first retracts
 * everything the previous one held (its count, its money, its claim, its place in line) and then
 * settles anew; nothing is ever added twice because nothing is added without its retraction.
 *
 * <p>It is keyed by programme because an application's zone and year can change between revisions,
 * while its programme cannot: one owner per application, so sequences never race.
 */
final class DecisionLedger implements Processor<String, LedgerCommand, String, LedgerOutput> {

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  private final Duration totalsInterval;
  private final PipelineObserver observer;
  private ProcessorContext<String, LedgerOutput> context;
  private KeyValueStore<String, ApplicationState> applications;
  private KeyValueStore<String, String> claims;
  private KeyValueStore<String, Long> pending;
  private Buckets buckets;
  private Waitlist waitlist;

  DecisionLedger(Duration totalsInterval, PipelineObserver observer) {
    this.totalsInterval = totalsInterval;
    this.observer = observer;
  }

  @Override
  public void init(ProcessorContext<String, LedgerOutput> context) {
    this.context = context;
    applications = context.getStateStore(LedgerStores.APPLICATIONS);
    claims = context.getStateStore(LedgerStores.CLAIMS);
    pending = context.getStateStore(LedgerStores.PENDING_TOTALS);
    buckets = new Buckets(context.getStateStore(LedgerStores.BUCKETS), pending);
    waitlist = new Waitlist(context.getStateStore(LedgerStores.WAITLIST));
    // Wall-clock, so a quiet stream still publishes its last totals within one interval.
    context.schedule(totalsInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitTotals());
  }

  @Override
  public void process(Record<String, LedgerCommand> record) {
    final Instant eventTime = Instant.ofEpochMilli(record.timestamp());
    final Object command = record.value().getCommand();
    if (command instanceof Proposal proposal) {
      decide(proposal, eventTime);
    } else {
      allot((Budget) command, eventTime);
    }
  }

  private void decide(Proposal proposal, Instant eventTime) {
    final String id = proposal.getApplicationId();
    final ApplicationState prior = applications.get(id);
    if (prior != null && proposal.getRevision() <= prior.getDecision().getRevision()) {
      return; // a revision not above the last one seen changes nothing (contract)
    }
    final String zone = Buckets.zoneOf(proposal.getZone());
    final String bucket = Buckets.key(zone, proposal.getProgramme(), proposal.getYear());
    final long sequence = prior == null ? 1 : prior.getDecision().getSequence() + 1;
    Long keptTicket = null;
    if (prior != null) {
      keptTicket = retract(prior, eventTime);
      if (!prior.getBucket().equals(bucket)) {
        keptTicket = null; // a place in line is a place in one bucket's line
      }
    }
    switch (proposal.getAssessment()) {
      case WITHDRAWN ->
          settle(
              proposal,
              bucket,
              sequence,
              DecisionStatus.WITHDRAWN,
              List.of(
                  reason(
                      ReasonCode.WITHDRAWN_BY_APPLICANT,
                      "withdrawn by the applicant in revision " + proposal.getRevision())),
              eventTime);
      case REJECTED ->
          settle(
              proposal,
              bucket,
              sequence,
              DecisionStatus.REJECTED,
              proposal.getReasons(),
              eventTime);
      case ELIGIBLE -> {
        final String holder = claims.get(proposal.getClaimKey());
        if (holder != null && !holder.equals(id)) {
          settle(
              proposal,
              bucket,
              sequence,
              DecisionStatus.REJECTED,
              List.of(
                  reason(
                      ReasonCode.DUPLICATE_CLAIM,
                      "application "
                          + holder
                          + " already claims this for the same enterprise and period ("
                          + proposal.getClaimKey()
                          + "); withdraw it or amend it instead of applying"
                          + " again")),
              eventTime);
        } else {
          queue(proposal, bucket, sequence, keptTicket, eventTime);
        }
      }
    }
    if (prior != null && holdsMoneyOrPlace(prior)) {
      // What it held may now go to the next in line.
      release(prior.getBucket(), eventTime, null).others().forEach(this::emit);
    }
  }

  /** Takes back everything an application's current decision holds; returns its ticket. */
  private Long retract(ApplicationState prior, Instant eventTime) {
    final Decision decision = prior.getDecision();
    final BucketState state = buckets.load(prior.getBucket());
    final Totals before = Buckets.snapshot(state);
    final Totals totals = state.getTotals();
    Buckets.count(totals, decision.getStatus(), -1);
    if (decision.getStatus() == DecisionStatus.APPROVED) {
      totals.setApprovedAmount(totals.getApprovedAmount().subtract(decision.getApprovedAmount()));
    }
    if (decision.getStatus() == DecisionStatus.WAITLISTED && prior.getTicket() != null) {
      waitlist.remove(prior.getBucket(), prior.getTicket());
    }
    if (prior.getClaimKey() != null
        && decision.getApplicationId().equals(claims.get(prior.getClaimKey()))) {
      claims.delete(prior.getClaimKey());
    }
    buckets.save(state, before, eventTime);
    return holdsMoneyOrPlace(prior) ? prior.getTicket() : null;
  }

  private static boolean holdsMoneyOrPlace(ApplicationState state) {
    final DecisionStatus status = state.getDecision().getStatus();
    return status == DecisionStatus.APPROVED || status == DecisionStatus.WAITLISTED;
  }

  /** A final decision that holds nothing: rejected or withdrawn. */
  private void settle(
      Proposal proposal,
      String bucket,
      long sequence,
      DecisionStatus status,
      List<Reason> reasons,
      Instant eventTime) {
    final Decision decision =
        decision(
            proposal,
            sequence,
            status,
            ZERO,
            reasons,
            new HashMap<>(proposal.getDetails()),
            eventTime);
    final BucketState state = buckets.load(bucket);
    final Totals before = Buckets.snapshot(state);
    Buckets.count(state.getTotals(), status, +1);
    buckets.save(state, before, eventTime);
    applications.put(
        proposal.getApplicationId(), new ApplicationState(decision, bucket, null, ZERO, null));
    emit(decision);
  }

  /**
   * An eligible application takes its claim and a place in its bucket's line (its old place if it
   * had one there), then the line moves as far as the budget allows. It is approved at once only
   * when nobody eligible before it is still waiting.
   */
  private void queue(
      Proposal proposal, String bucket, long sequence, Long keptTicket, Instant eventTime) {
    final String id = proposal.getApplicationId();
    claims.put(proposal.getClaimKey(), id);
    final BucketState state = buckets.load(bucket);
    final Totals before = Buckets.snapshot(state);
    final long ticket;
    if (keptTicket != null) {
      ticket = keptTicket;
    } else {
      ticket = state.getNextTicket();
      state.setNextTicket(ticket + 1);
    }
    Buckets.count(state.getTotals(), DecisionStatus.WAITLISTED, +1);
    if (ticket < state.getWaitlistFrom()) {
      state.setWaitlistFrom(ticket); // an amendment back in line at its original, earlier place
    }
    buckets.save(state, before, eventTime);
    waitlist.add(bucket, ticket, id);
    final Decision provisional =
        decision(
            proposal,
            sequence,
            DecisionStatus.WAITLISTED,
            ZERO,
            proposal.getReasons(),
            new HashMap<>(proposal.getDetails()),
            eventTime);
    applications.put(
        id,
        new ApplicationState(
            provisional, bucket, proposal.getClaimKey(), proposal.getEligibleAmount(), ticket));

    final Released released = release(bucket, eventTime, id);
    if (released.self() != null) {
      emit(released.self()); // its own decision first, then those its amendment let through
      released.others().forEach(this::emit);
      return;
    }
    released.others().forEach(this::emit);
    // Still waiting: say why, with the figures, and keep the place in line.
    final Totals totals = buckets.load(bucket).getTotals();
    final Map<String, String> details = new HashMap<>(proposal.getDetails());
    final BigDecimal remaining = Buckets.remaining(totals);
    details.put("budget", totals.getBudget().toPlainString());
    details.put("budgetRemaining", remaining.toPlainString());
    details.put("waitlistTicket", Long.toString(ticket));
    if (remaining.signum() < 0) {
      details.put(
          "budgetNote",
          "the budget was lowered below the amount already approved;"
              + " approvals stand, new ones wait until the budget is raised");
    }
    final List<Reason> reasons = new ArrayList<>(proposal.getReasons());
    reasons.add(
        reason(
            ReasonCode.BUDGET_EXHAUSTED,
            "the "
                + bucket
                + " budget has "
                + remaining.max(ZERO).toPlainString()
                + " left (of "
                + totals.getBudget().toPlainString()
                + "); "
                + proposal.getEligibleAmount().toPlainString()
                + " is needed."
                + " The application keeps its place in line and is approved when the budget allows"));
    final Decision waiting =
        decision(proposal, sequence, DecisionStatus.WAITLISTED, ZERO, reasons, details, eventTime);
    applications.put(
        id,
        new ApplicationState(
            waiting, bucket, proposal.getClaimKey(), proposal.getEligibleAmount(), ticket));
    emit(waiting);
  }

  private void allot(Budget budget, Instant eventTime) {
    final BucketState state =
        buckets.load(budget.getZone(), budget.getProgramme(), budget.getYear());
    if (state.getBudgetUpdatedAt() != null
        && budget.getUpdatedAt().isBefore(state.getBudgetUpdatedAt())) {
      return; // the topic is compacted by key: the newest allotment is the one in force
    }
    final Totals before = Buckets.snapshot(state);
    state.setBudgetUpdatedAt(budget.getUpdatedAt());
    state.getTotals().setBudget(budget.getAmount());
    buckets.save(state, before, eventTime);
    // Lowering never revokes (approvals stand); raising lets the line move.
    release(Buckets.key(budget.getZone(), budget.getProgramme(), budget.getYear()), eventTime, null)
        .others()
        .forEach(this::emit);
  }

  /** Who a release approved: {@code self} (the application being decided now, or null), others. */
  private record Released(Decision self, List<Decision> others) {}

  /**
   * Approves waitlisted applications of a bucket in line order while each fits, stopping at the
   * first that does not. Each gets a new decision, except {@code self}, the application being
   * decided right now, whose approval is its only decision for this revision.
   */
  private Released release(String bucket, Instant eventTime, String self) {
    final BucketState state = buckets.load(bucket);
    final Totals totals = state.getTotals();
    final List<Decision> others = new ArrayList<>();
    if (totals.getWaitlisted() == 0) {
      return new Released(null, others);
    }
    final Totals before = Buckets.snapshot(state);
    final Map<String, ApplicationState> waiting = new HashMap<>();
    final BigDecimal[] drawn = {totals.getApprovedAmount()};
    final List<KeyValue<String, String>> head =
        waitlist.head(
            bucket,
            state.getWaitlistFrom(),
            id -> {
              final ApplicationState app = applications.get(id);
              final Totals probe = Totals.newBuilder(totals).setApprovedAmount(drawn[0]).build();
              if (app == null || !Buckets.fits(probe, app.getEligibleAmount())) {
                return false;
              }
              waiting.put(id, app);
              drawn[0] = drawn[0].add(app.getEligibleAmount());
              return true;
            });
    Decision selfApproved = null;
    for (KeyValue<String, String> entry : head) {
      final ApplicationState app = waiting.get(entry.value);
      waitlist.removeKey(entry.key);
      Buckets.count(totals, DecisionStatus.WAITLISTED, -1);
      Buckets.count(totals, DecisionStatus.APPROVED, +1);
      totals.setApprovedAmount(totals.getApprovedAmount().add(app.getEligibleAmount()));
      final Decision was = app.getDecision();
      final boolean isSelf = entry.value.equals(self);
      final List<Reason> reasons = new ArrayList<>();
      for (Reason r : was.getReasons()) {
        if (!ReasonCode.BUDGET_EXHAUSTED.name().equals(r.getCode())) {
          reasons.add(r);
        }
      }
      if (!isSelf) {
        reasons.add(
            reason(
                ReasonCode.APPROVED_FROM_WAITLIST,
                "approved from the " + bucket + " waitlist as budget became available"));
      }
      final Map<String, String> details = new HashMap<>(was.getDetails());
      details.remove("budgetRemaining");
      details.remove("budgetNote");
      final Decision approved =
          Decision.newBuilder(was)
              .setSequence(isSelf ? was.getSequence() : was.getSequence() + 1)
              .setStatus(DecisionStatus.APPROVED)
              .setApprovedAmount(app.getEligibleAmount())
              .setReasons(reasons)
              .setDetails(details)
              .setDecidedAt(eventTime)
              .build();
      app.setDecision(approved);
      applications.put(entry.value, app);
      if (isSelf) {
        selfApproved = approved;
      } else {
        others.add(approved);
      }
    }
    if (!head.isEmpty()) {
      // Everything before the last released place has left the line.
      state.setWaitlistFrom(Waitlist.ticketOf(head.get(head.size() - 1).key) + 1);
      buckets.save(state, before, eventTime);
    }
    return new Released(selfApproved, others);
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

  private void emit(Decision decision) {
    observer.decided(decision);
    context.forward(
        new Record<>(
            decision.getApplicationId(),
            LedgerOutput.of(decision),
            decision.getDecidedAt().toEpochMilli()));
  }

  /** Publishes the totals of every bucket that changed since the last call. */
  private void emitTotals() {
    final List<String> changed = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = pending.all()) {
      it.forEachRemaining(kv -> changed.add(kv.key));
    }
    for (String key : changed) {
      final Totals totals = buckets.load(key).getTotals();
      observer.totalsPublished(totals);
      context.forward(
          new Record<>(key, LedgerOutput.of(totals), totals.getUpdatedAt().toEpochMilli()));
      pending.delete(key);
    }
  }
}
