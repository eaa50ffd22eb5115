package cn.gxq.subsidy.finance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.MovementMoney;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.internal.MoneyAccount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The finance step no longer meets the decisions {@link MovementBook#movesNothing} names: over
 * random decisions in any order (first ones, later ones, stale redeliveries, recognitions), every
 * one it names moves nothing, whatever the account the finance step keeps for the application.
 */
class MovesNothingPropertyTest {

  private static final String[] ZONES = {"ZGC", "ZJ", "BH"};

  @ParameterizedTest
  @ValueSource(longs = {3L, 11L, 20221201L})
  void whatItNamesNeverMovesMoney(long seed) {
    final Random random = new Random(seed);
    final Map<String, MoneyAccount> accounts = new HashMap<>();
    int named = 0;
    int moved = 0;
    for (int step = 0; step < 5000; step++) {
      final String id = "APP-" + random.nextInt(40);
      final MoneyAccount before = accounts.getOrDefault(id, MovementBook.open());
      final long sequence =
          random.nextInt(3) == 0
              ? 1
              : Math.max(1, before.getLastSequence() + random.nextInt(3) - 1);
      final boolean approved = random.nextBoolean();
      final Decision decision =
          Decision.newBuilder()
              .setApplicationId(id)
              .setRevision(1)
              .setSequence(sequence)
              .setProgramme(Programme.RENT_RELIEF)
              .setCreditCode("91110108MA01" + id)
              .setZone(ZONES[random.nextInt(ZONES.length)])
              .setYear(2022)
              .setStatus(approved ? DecisionStatus.APPROVED : DecisionStatus.REJECTED)
              .setApprovedAmount(
                  approved
                      ? BigDecimal.valueOf(100 + random.nextInt(9_000), 0).setScale(2)
                      : new BigDecimal("0.00"))
              .setReasons(List.of())
              .setDetails(Map.of())
              .setPolicyVersion("2022.1")
              .setSubmittedAt(Instant.EPOCH)
              .setDecidedAt(Instant.EPOCH.plusSeconds(step))
              .build();
      final MovementMoney money = random.nextInt(10) == 0 ? null : MovementMoney.CASH;
      final MovementBook.Booked booked = MovementBook.book(before, decision, money);
      if (MovementBook.movesNothing(decision, money)) {
        named++;
        assertThat(booked.movements()).as("step %d: %s", step, decision).isEmpty();
      } else if (!booked.movements().isEmpty()) {
        // as the finance step keeps an account: only after a decision that moved money
        moved += booked.movements().size();
        accounts.put(id, booked.account());
      }
    }
    assertThat(named).as("decisions it named").isGreaterThan(1000);
    assertThat(moved).as("movements of the others").isGreaterThan(500);
  }
}
