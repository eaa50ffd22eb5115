package cn.gxq.subsidy.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Reason;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.avro.internal.Assessment;
import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.Holding;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.contract.BucketKey;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thousands of random steps through the router and the bucket ledgers of several partitions:
 * applications, amendments that raise, lower, move zone or year, withdrawals, rejections, duplicate
 * claims, stale redeliveries, budget raises, cuts and stale budget records. Commands wait in one
 * queue per partition and are delivered in a random interleaving of the partitions (each queue in
 * order, as Kafka keeps a partition), so hand-overs race with later revisions.
 *
 * <p>After every delivery: every bucket's totals equal a recount of the holdings it keeps; its line
 * is exactly its waiting holdings; no waiting application fits in what remains; each application
 * lives in one partition only. Every decision continues its application's sequence by one, and an
 * approval is taken back only by the application's own revision, never by a non-raising one in the
 * same bucket. At the end, every revision is decided, nothing stays parked, claims are exclusive,
 * and ALL sums built from every published snapshot equal the zones' final totals.
 */
class BudgetLedgerPropertyTest {

  private static final String[] ZONES = {"ZGC", "ZJ", "XA", "BH"};
  private static final int[] YEARS = {2022, 2023};
  private static final int PARTITIONS = 3;
  private static final int ENTERPRISES = 40;
  private static final int STEPS = 8000;
  private static final BigDecimal ZERO = new BigDecimal("0.00");

  @ParameterizedTest
  @ValueSource(longs = {1L, 7L, 42L, 20221001L})
  void theBooksHoldAfterEveryStep(long seed) {
    new Run(seed).go();
  }

  private record Delivery(BucketKey bucket, LedgerCommand command, Instant at) {}

  private static final class Run {
    private final Random random;
    private final MapRouteBook routeBook = new MapRouteBook();
    private final RevisionRouter router = new RevisionRouter(routeBook);
    private final MapLedgerBook[] books = new MapLedgerBook[PARTITIONS];
    private final BudgetLedger[] ledgers = new BudgetLedger[PARTITIONS];
    private final List<Deque<Delivery>> queues = new ArrayList<>();
    private final Map<String, Proposal> lastSent = new HashMap<>();
    private final Map<String, Proposal> routedByRevision = new HashMap<>();
    private final Map<String, Decision> current = new HashMap<>();
    private final List<Totals> snapshots = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private Instant clock = Instant.parse("2022-01-01T00:00:00Z");
    private int delivered;
    private int moves;
    private int releases;

    Run(long seed) {
      random = new Random(seed);
      for (int p = 0; p < PARTITIONS; p++) {
        books[p] = new MapLedgerBook();
        ledgers[p] = new BudgetLedger(books[p]);
        queues.add(new ArrayDeque<>());
      }
    }

    void go() {
      for (int step = 0; step < STEPS; step++) {
        clock = clock.plus(Duration.ofMinutes(1));
        if (random.nextInt(100) < 45 || queues.stream().allMatch(Deque::isEmpty)) {
          inject();
        } else {
          deliver();
        }
      }
      while (queues.stream().anyMatch(q -> !q.isEmpty())) {
        deliver();
      }
      finalChecks();
      assertThat(moves).as("zone and year moves exercised").isGreaterThan(100);
      assertThat(releases).as("waitlist releases exercised").isGreaterThan(50);
    }

    private static int partition(BucketKey bucket) {
      return Math.floorMod(bucket.toString().hashCode(), PARTITIONS);
    }

    private void inject() {
      final int roll = random.nextInt(100);
      if (roll < 12) {
        allot();
      } else if (roll < 50 || ids.isEmpty()) {
        final String id = "A-" + ids.size();
        ids.add(id);
        send(
            proposal(
                id,
                1,
                "9" + random.nextInt(ENTERPRISES),
                zone(),
                YEARS[random.nextInt(YEARS.length)],
                amount(),
                random.nextInt(100) < 85 ? Assessment.ELIGIBLE : Assessment.REJECTED));
      } else {
        final Proposal last = lastSent.get(ids.get(random.nextInt(ids.size())));
        if (random.nextInt(100) < 5) {
          // a redelivered old revision: the router drops it
          assertThat(router.route(Proposal.newBuilder(last).build())).isNull();
          return;
        }
        send(revise(last));
      }
    }

    private String zone() {
      return random.nextInt(100) < 3 ? null : ZONES[random.nextInt(ZONES.length)];
    }

    private BigDecimal amount() {
      return new BigDecimal(500 * (1 + random.nextInt(20))).setScale(2);
    }

    private Proposal revise(Proposal last) {
      final Proposal.Builder next =
          Proposal.newBuilder(last).setRevision(last.getRevision() + 1).setSubmittedAt(clock);
      final int roll = random.nextInt(100);
      if (roll < 10) {
        return next.setAssessment(Assessment.WITHDRAWN).setEligibleAmount(ZERO).build();
      }
      if (roll < 20) {
        return next.setAssessment(Assessment.REJECTED).setEligibleAmount(ZERO).build();
      }
      if (roll < 35) {
        next.setZone(ZONES[random.nextInt(ZONES.length)]);
      } else if (roll < 45) {
        next.setYear(YEARS[random.nextInt(YEARS.length)]);
      }
      final BigDecimal amount = roll < 70 ? amount() : last.getEligibleAmount();
      return next.setAssessment(Assessment.ELIGIBLE)
          .setClaimKey(last.getCreditCode() + ":" + next.getYear())
          .setEligibleAmount(amount.signum() == 0 ? amount() : amount)
          .build();
    }

    private Proposal proposal(
        String id,
        int revision,
        String creditCode,
        String zone,
        int year,
        BigDecimal amount,
        Assessment assessment) {
      final Assessment a = zone == null ? Assessment.REJECTED : assessment;
      return Proposal.newBuilder()
          .setApplicationId(id)
          .setRevision(revision)
          .setProgramme(Programme.RENT_RELIEF)
          .setCreditCode(creditCode)
          .setEnterpriseName(zone == null ? null : "enterprise " + creditCode)
          .setZone(zone)
          .setYear(year)
          .setAssessment(a)
          .setClaimKey(creditCode + ":" + year)
          .setRequestedAmount(amount)
          .setEligibleAmount(a == Assessment.ELIGIBLE ? amount : ZERO)
          .setReasons(
              a == Assessment.REJECTED
                  ? List.of(new Reason("INVALID_FIELD", "rejected for the test"))
                  : List.of())
          .setDetails(new HashMap<>())
          .setPolicyVersion("test")
          .setSubmittedAt(clock)
          .build();
    }

    private void send(Proposal proposal) {
      lastSent.put(proposal.getApplicationId(), proposal);
      final RevisionRouter.Routing routing = router.route(proposal);
      assertThat(routing).as("a new revision is always routed").isNotNull();
      final Proposal routed = (Proposal) routing.command().getCommand();
      routedByRevision.put(key(routed.getApplicationId(), routed.getRevision()), routed);
      queues
          .get(partition(routing.home()))
          .add(new Delivery(routing.home(), routing.command(), clock));
    }

    private void allot() {
      final BucketKey bucket =
          new BucketKey(
              ZONES[random.nextInt(ZONES.length)],
              Programme.RENT_RELIEF,
              YEARS[random.nextInt(YEARS.length)]);
      // now and then a stale record (older updatedAt), which must change nothing
      final Instant updatedAt = random.nextInt(100) < 10 ? clock.minus(Duration.ofDays(30)) : clock;
      final Budget budget =
          Budget.newBuilder()
              .setZone(bucket.zone())
              .setProgramme(bucket.programme())
              .setYear(bucket.year())
              .setAmount(new BigDecimal(1000 * random.nextInt(60)).setScale(2))
              .setUpdatedAt(updatedAt)
              .build();
      queues
          .get(partition(bucket))
          .add(new Delivery(bucket, LedgerCommand.newBuilder().setCommand(budget).build(), clock));
    }

    private void deliver() {
      final List<Integer> ready = new ArrayList<>();
      for (int p = 0; p < PARTITIONS; p++) {
        if (!queues.get(p).isEmpty()) {
          ready.add(p);
        }
      }
      final int p = ready.get(random.nextInt(ready.size()));
      final Delivery delivery = queues.get(p).poll();
      assertThat(partition(delivery.bucket())).isEqualTo(p);
      final BudgetLedger.Effects effects =
          ledgers[p].handle(delivery.bucket(), delivery.command(), delivery.at());
      delivered++;
      for (BudgetLedger.Routed handover : effects.handovers()) {
        moves++;
        queues
            .get(partition(handover.bucket()))
            .add(new Delivery(handover.bucket(), handover.command(), delivery.at()));
      }
      for (Decision decision : effects.decisions()) {
        checkDecision(decision);
      }
      for (BucketKey bucket : effects.changedBuckets()) {
        snapshots.add(Totals.newBuilder(books[p].buckets.get(bucket).getTotals()).build());
      }
      checkBooks();
    }

    private void checkDecision(Decision decision) {
      final String id = decision.getApplicationId();
      final Decision previous = current.get(id);
      final long expected = previous == null ? 1 : previous.getSequence() + 1;
      assertThat(decision.getSequence())
          .as("delivery %d: %s continues its sequence", delivered, id)
          .isEqualTo(expected);
      if (previous != null && previous.getStatus() == DecisionStatus.APPROVED) {
        assertThat(decision.getRevision())
            .as("delivery %d: %s loses its approval only by its own revision", delivered, id)
            .isGreaterThan(previous.getRevision());
        final Proposal own = routedByRevision.get(key(id, decision.getRevision()));
        final boolean sameBucket =
            RevisionRouter.bucketOf(own).toString().equals(bucketOf(previous).toString());
        if (own.getAssessment() == Assessment.ELIGIBLE
            && sameBucket
            && own.getEligibleAmount().compareTo(previous.getApprovedAmount()) <= 0) {
          assertThat(decision.getStatus())
              .as("delivery %d: %s does not raise, so stays approved", delivered, id)
              .isEqualTo(DecisionStatus.APPROVED);
        }
      }
      if (previous != null && decision.getRevision() == previous.getRevision()) {
        assertThat(decision.getStatus()).isEqualTo(DecisionStatus.APPROVED);
        assertThat(decision.getReasons().get(0).getCode()).isEqualTo("APPROVED_FROM_WAITLIST");
        releases++;
      }
      current.put(id, decision);
    }

    private static BucketKey bucketOf(Decision d) {
      return new BucketKey(d.getZone(), d.getProgramme(), d.getYear());
    }

    private void checkBooks() {
      final Map<String, Integer> livesIn = new HashMap<>();
      for (int p = 0; p < PARTITIONS; p++) {
        final MapLedgerBook book = books[p];
        final Map<BucketKey, Totals> recount = new HashMap<>();
        final Map<BucketKey, TreeMap<Long, BigDecimal>> waiting = new HashMap<>();
        for (Map.Entry<String, Holding> e : book.holdings.entrySet()) {
          assertThat(livesIn.put(e.getKey(), p))
              .as("delivery %d: %s lives in one partition", delivered, e.getKey())
              .isNull();
          final Holding h = e.getValue();
          final BucketKey bucket = BucketKey.parse(h.getBucket());
          assertThat(partition(bucket)).isEqualTo(p);
          final Totals t = recount.computeIfAbsent(bucket, BudgetLedger::emptyTotals);
          BudgetLedger.count(t, h.getStatus(), +1);
          if (h.getStatus() == DecisionStatus.APPROVED) {
            t.setApprovedAmount(t.getApprovedAmount().add(h.getAmount()));
          }
          if (h.getStatus() == DecisionStatus.WAITLISTED) {
            waiting.computeIfAbsent(bucket, b -> new TreeMap<>()).put(h.getTicket(), h.getAmount());
          }
        }
        for (Map.Entry<BucketKey, BucketState> e : book.buckets.entrySet()) {
          final BucketKey bucket = e.getKey();
          final BucketState state = e.getValue();
          final Totals totals = state.getTotals();
          final Totals expected = recount.getOrDefault(bucket, BudgetLedger.emptyTotals(bucket));
          final String at = "delivery " + delivered + ", bucket " + bucket;
          assertThat(totals.getReceived()).as(at).isEqualTo(expected.getReceived());
          assertThat(totals.getApproved()).as(at).isEqualTo(expected.getApproved());
          assertThat(totals.getRejected()).as(at).isEqualTo(expected.getRejected());
          assertThat(totals.getWaitlisted()).as(at).isEqualTo(expected.getWaitlisted());
          assertThat(totals.getWithdrawn()).as(at).isEqualTo(expected.getWithdrawn());
          assertThat(totals.getApprovedAmount())
              .as(at)
              .isEqualByComparingTo(expected.getApprovedAmount());
          final TreeMap<Long, BigDecimal> line = new TreeMap<>();
          book.lines
              .getOrDefault(bucket, new TreeMap<>())
              .forEach((ticket, entry) -> line.put(ticket, entry.amount()));
          assertThat(line)
              .as(at + ": the line is its waiting holdings")
              .isEqualTo(waiting.getOrDefault(bucket, new TreeMap<>()));
          assertThat(state.getWaitingAmount())
              .as(at)
              .isEqualByComparingTo(line.values().stream().reduce(ZERO, BigDecimal::add));
          if (totals.getBudget() != null) {
            final BigDecimal remaining = totals.getBudget().subtract(totals.getApprovedAmount());
            assertThat(totals.getBudgetRemaining()).as(at).isEqualByComparingTo(remaining);
            line.values()
                .forEach(
                    amount ->
                        assertThat(amount)
                            .as(at + ": no waiting application fits in what remains")
                            .isGreaterThan(remaining));
          } else {
            assertThat(line).as(at + ": an unlimited bucket has no line").isEmpty();
          }
        }
        assertThat(recount.keySet()).isSubsetOf(book.buckets.keySet());
      }
    }

    private void finalChecks() {
      for (MapLedgerBook book : books) {
        assertThat(book.parked).as("nothing stays parked").isEmpty();
      }
      final Map<String, String> claimHolders = new HashMap<>();
      for (String id : ids) {
        final Proposal last = lastSent.get(id);
        final Decision decision = current.get(id);
        assertThat(decision.getRevision())
            .as("%s: its last revision is decided", id)
            .isEqualTo(last.getRevision());
        Holding holding = null;
        for (MapLedgerBook book : books) {
          holding = holding != null ? holding : book.holdings.get(id);
        }
        assertThat(holding.getStatus()).isEqualTo(decision.getStatus());
        assertThat(holding.getSequence()).isEqualTo(decision.getSequence());
        if (decision.getStatus() == DecisionStatus.APPROVED
            || decision.getStatus() == DecisionStatus.WAITLISTED) {
          final Proposal routed = routedByRevision.get(key(id, decision.getRevision()));
          assertThat(claimHolders.put(routed.getClaimKey(), id))
              .as("claim %s is held once", routed.getClaimKey())
              .isNull();
          assertThat(routeBook.claims.get(routed.getClaimKey())).isEqualTo(id);
        }
      }
      // ALL sums fed with every snapshot, in publication order, equal the final zones' sums.
      final Map<String, Totals> lastByZone = new HashMap<>();
      final Map<String, Totals> sums = new HashMap<>();
      for (Totals snapshot : snapshots) {
        final BucketKey zone =
            new BucketKey(snapshot.getZone(), snapshot.getProgramme(), snapshot.getYear());
        final Totals sum =
            sums.computeIfAbsent(zone.all().toString(), k -> BudgetLedger.emptyTotals(zone.all()));
        TotalsSum.move(sum, lastByZone.get(zone.toString()), snapshot);
        lastByZone.put(zone.toString(), snapshot);
      }
      for (int year : YEARS) {
        final BucketKey all = new BucketKey(BucketKey.ALL, Programme.RENT_RELIEF, year);
        final Totals expected = BudgetLedger.emptyTotals(all);
        BigDecimal budget = null;
        for (MapLedgerBook book : books) {
          for (Map.Entry<BucketKey, BucketState> e : book.buckets.entrySet()) {
            if (e.getKey().year() == year) {
              final Totals t = e.getValue().getTotals();
              expected.setReceived(expected.getReceived() + t.getReceived());
              expected.setApproved(expected.getApproved() + t.getApproved());
              expected.setApprovedAmount(expected.getApprovedAmount().add(t.getApprovedAmount()));
              if (t.getBudget() != null) {
                budget = (budget == null ? ZERO : budget).add(t.getBudget());
              }
            }
          }
        }
        final Totals sum = sums.get(all.toString());
        assertThat(sum.getReceived()).isEqualTo(expected.getReceived());
        assertThat(sum.getApproved()).isEqualTo(expected.getApproved());
        assertThat(sum.getApprovedAmount()).isEqualByComparingTo(expected.getApprovedAmount());
        if (budget == null) {
          assertThat(sum.getBudget()).isNull();
        } else {
          assertThat(sum.getBudget()).isEqualByComparingTo(budget);
        }
      }
    }

    private static String key(String id, int revision) {
      return id + "#" + revision;
    }
  }
}
