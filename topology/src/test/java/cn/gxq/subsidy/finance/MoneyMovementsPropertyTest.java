package cn.gxq.subsidy.finance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Movement;
import cn.gxq.subsidy.avro.MovementMoney;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Reason;
import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.avro.internal.MoneyAccount;
import cn.gxq.subsidy.avro.internal.OpenMovement;
import cn.gxq.subsidy.contract.DeadLetterCode;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Thousands of random steps of decisions and finance's confirmations, in any order: approvals,
 * amendments up and down, withdrawals, moves to another zone or year, stale redeliveries, payments
 * (exact, partial, too large, unknown, repeated) and recoveries (exact, too large, of the wrong
 * movement). After every step: each application's movements sum to its approved amount; what is
 * settled, less what is asked back, never passes what is approved; a refused confirmation changes
 * nothing; and the control totals kept step by step equal a recount of everything booked.
 */
class MoneyMovementsPropertyTest {

  private static final String[] ZONES = {"ZGC", "ZJ", "XA", "BH"};
  private static final int APPLICATIONS = 30;
  private static final int STEPS = 3000;
  private static final BigDecimal ZERO = new BigDecimal("0.00");

  @ParameterizedTest
  @ValueSource(longs = {1L, 7L, 42L, 20221001L})
  void theBooksHoldAfterEveryStep(long seed) {
    new Run(seed).go();
  }

  private static final class Run {
    private final Random random;
    private final Map<String, MoneyAccount> accounts = new HashMap<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<String, Programme> programmes = new HashMap<>();
    private final List<Movement> movements = new ArrayList<>();
    private final Map<String, String> bucketOfMovement = new HashMap<>();
    private final List<Settlement> accepted = new ArrayList<>();
    private final Set<String> settledIds = new HashSet<>();
    private final Map<String, ControlTotals> controlTotals = new TreeMap<>();
    private Instant now = Instant.parse("2022-03-01T00:00:00Z");

    Run(long seed) {
      random = new Random(seed);
      for (int i = 0; i < APPLICATIONS; i++) {
        final String id = "APP-" + i;
        accounts.put(id, MovementBook.open());
        sequences.put(id, 0L);
        programmes.put(id, i % 10 == 9 ? Programme.TECH_SME_EVALUATION : Programme.RENT_RELIEF);
      }
    }

    void go() {
      for (int step = 0; step < STEPS; step++) {
        now = now.plus(Duration.ofMinutes(1 + random.nextInt(240)));
        final int kind = random.nextInt(10);
        if (kind < 5) {
          decide();
        } else if (kind < 8) {
          pay();
        } else {
          recover();
        }
        check(step);
      }
      assertThat(movements).as("the run moved money").hasSizeGreaterThan(STEPS / 10);
      assertThat(accepted).as("the run settled money").hasSizeGreaterThan(STEPS / 40);
    }

    private void decide() {
      final String id = "APP-" + random.nextInt(APPLICATIONS);
      final long sequence =
          random.nextInt(20) == 0 ? Math.max(1, sequences.get(id)) : sequences.get(id) + 1;
      sequences.put(id, Math.max(sequence, sequences.get(id)));
      final DecisionStatus status = DecisionStatus.values()[random.nextInt(4)];
      final BigDecimal amount =
          status == DecisionStatus.APPROVED && programmes.get(id) != Programme.TECH_SME_EVALUATION
              ? BigDecimal.valueOf(100 + random.nextInt(50_000), 0).setScale(2)
              : ZERO;
      final Decision decision =
          Decision.newBuilder()
              .setApplicationId(id)
              .setRevision(1)
              .setSequence(sequence)
              .setProgramme(programmes.get(id))
              .setCreditCode("91110108MA01" + id)
              .setZone(ZONES[random.nextInt(random.nextBoolean() ? 1 : ZONES.length)])
              .setYear(2022 + random.nextInt(random.nextInt(4) == 0 ? 2 : 1))
              .setStatus(status)
              .setApprovedAmount(amount)
              .setReasons(
                  status == DecisionStatus.APPROVED
                      ? List.of()
                      : List.of(new Reason("WITHDRAWN_BY_APPLICANT", "withdrawn")))
              .setDetails(Map.of())
              .setPolicyVersion("2022.1")
              .setSubmittedAt(now)
              .setDecidedAt(now)
              .build();
      final MovementMoney money =
          programmes.get(id) == Programme.TECH_SME_EVALUATION ? null : MovementMoney.CASH;
      final MoneyAccount before = accounts.get(id);
      final MovementBook.Booked booked = MovementBook.book(before, decision, money);
      if (sequence <= before.getLastSequence() || money == null) {
        assertThat(booked.movements()).as("stale or moneyless " + decision).isEmpty();
      }
      accounts.put(id, booked.account());
      for (Movement m : booked.movements()) {
        assertThat(bucketOfMovement)
            .as("movement ids are unique")
            .doesNotContainKey(m.getMovementId());
        assertThat(m.getToRecover()).isGreaterThanOrEqualTo(ZERO);
        assertThat(m.getChange().signum()).isNotZero();
        movements.add(m);
        final String bucket = m.getZone() + ":" + m.getProgramme() + ":" + m.getYear();
        bucketOfMovement.put(m.getMovementId(), bucket);
        controlTotals.merge(
            ControlTotalsBook.key(bucket, m.getOccurredAt()),
            ControlTotalsBook.add(null, m),
            (old, fresh) -> ControlTotalsBook.add(old, m));
      }
    }

    private void pay() {
      final OpenMovement target = pick(true);
      final BigDecimal amount =
          target == null
              ? BigDecimal.valueOf(1 + random.nextInt(1000), 0).setScale(2)
              : switch (random.nextInt(4)) {
                case 0 -> target.getPayable().add(new BigDecimal("0.01"));
                case 1 ->
                    target.getPayable().divide(new BigDecimal("2"), 2, java.math.RoundingMode.DOWN);
                default -> target.getPayable();
              };
      settle(target, amount);
    }

    private void recover() {
      final OpenMovement target = pick(false);
      final BigDecimal amount =
          target == null
              ? new BigDecimal("-5.00")
              : random.nextInt(4) == 0
                  ? target.getRecoverable().negate().subtract(new BigDecimal("0.01"))
                  : target.getRecoverable().negate();
      settle(target, amount);
    }

    /** A movement to settle: mostly one that asked something, sometimes any, sometimes none. */
    private OpenMovement pick(boolean payment) {
      if (random.nextInt(15) == 0) {
        return null; // an id the platform never gave
      }
      final List<OpenMovement> candidates = new ArrayList<>();
      for (MoneyAccount account : accounts.values()) {
        for (OpenMovement m : account.getMovements()) {
          final BigDecimal asked = payment ? m.getPayable() : m.getRecoverable();
          if (asked.signum() > 0 || random.nextInt(8) == 0) {
            candidates.add(m);
          }
        }
      }
      return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private void settle(OpenMovement target, BigDecimal amount) {
      final String movementId =
          target == null ? "APP-X#" + random.nextInt(9) : target.getMovementId();
      final Settlement settlement =
          new Settlement(movementId, amount, now, "REF-" + now.toEpochMilli());
      final String application = MovementBook.applicationOf(movementId);
      final MoneyAccount before = accounts.getOrDefault(application, MovementBook.open());
      final SettlementBook.Outcome outcome = SettlementBook.settle(before, settlement);
      if (target == null) {
        assertThat(outcome).isInstanceOf(SettlementBook.Refused.class);
        assertThat(((SettlementBook.Refused) outcome).code())
            .isEqualTo(DeadLetterCode.UNKNOWN_MOVEMENT);
        return;
      }
      if (settledIds.contains(movementId)) {
        assertThat(outcome).as("a second confirmation").isInstanceOf(SettlementBook.Refused.class);
        assertThat(((SettlementBook.Refused) outcome).code())
            .isEqualTo(DeadLetterCode.DUPLICATE_SETTLEMENT);
        return;
      }
      if (outcome instanceof SettlementBook.Accepted a) {
        assertThat(
                amount.signum() > 0
                    ? amount.compareTo(target.getPayable()) <= 0
                    : amount.negate().compareTo(target.getRecoverable()) <= 0)
            .as("accepted within what " + movementId + " asked: " + amount)
            .isTrue();
        settledIds.add(movementId);
        accepted.add(settlement);
        accounts.put(application, a.account());
        final String bucket = bucketOfMovement.get(movementId);
        assertThat(a.movement().getBucket()).isEqualTo(bucket);
        controlTotals.merge(
            ControlTotalsBook.key(bucket, settlement.getSettledAt()),
            ControlTotalsBook.add(null, bucket, settlement),
            (old, fresh) -> ControlTotalsBook.add(old, bucket, settlement));
      } else {
        assertThat(accounts.get(application)).as("a refusal changes nothing").isEqualTo(before);
      }
    }

    private void check(int step) {
      final Map<String, BigDecimal> sums = new HashMap<>();
      for (Movement m : movements) {
        sums.merge(m.getApplicationId(), m.getChange(), BigDecimal::add);
      }
      accounts.forEach(
          (id, account) -> {
            assertThat(sums.getOrDefault(id, ZERO))
                .as("step %d, %s", step, id)
                .isEqualByComparingTo(account.getApproved());
            assertThat(account.getRecoveryOpen())
                .as("step %d, %s", step, id)
                .isGreaterThanOrEqualTo(ZERO);
            assertThat(account.getSettled())
                .as("step %d, %s", step, id)
                .isGreaterThanOrEqualTo(ZERO);
            assertThat(account.getSettled().subtract(account.getRecoveryOpen()))
                .as("step %d, %s: settled and not asked back, within what is approved", step, id)
                .isLessThanOrEqualTo(account.getApproved());
          });
      assertThat(controlTotals).as("step " + step).isEqualTo(recount());
    }

    private Map<String, ControlTotals> recount() {
      final Map<String, ControlTotals> recount = new TreeMap<>();
      for (Movement m : movements) {
        final String bucket = bucketOfMovement.get(m.getMovementId());
        recount.compute(
            ControlTotalsBook.key(bucket, m.getOccurredAt()),
            (k, t) -> ControlTotalsBook.add(t, m));
      }
      for (Settlement s : accepted) {
        final String bucket = bucketOfMovement.get(s.getMovementId());
        recount.compute(
            ControlTotalsBook.key(bucket, s.getSettledAt()),
            (k, t) -> ControlTotalsBook.add(t, bucket, s));
      }
      return recount;
    }
  }
}
