package cn.gxq.subsidy.finance;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Movement;
import cn.gxq.subsidy.avro.MovementMoney;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Reason;
import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.avro.internal.MoneyAccount;
import cn.gxq.subsidy.contract.DeadLetterCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One application's money through approval, payment, an amendment down, a move and withdrawal. */
class MovementBookTest {

  private static final Instant DAY = Instant.parse("2022-05-01T02:00:00Z");

  private MoneyAccount account = MovementBook.open();

  @Test
  void aDecreaseCancelsWhatIsUnsettledFirstAndAsksBackTheRest() {
    assertThat(book(1, "ZGC", DecisionStatus.APPROVED, "100000.00"))
        .singleElement()
        .satisfies(m -> assertMovement(m, "A-1#1", "ZGC", "100000.00", "100000.00", "0.00"));
    assertThat(settle("A-1#1", "60000.00")).isInstanceOf(SettlementBook.Accepted.class);

    // Down to 50,000: 40,000 of the decrease was not paid yet; 10,000 was, and is asked back.
    assertThat(book(2, "ZGC", DecisionStatus.APPROVED, "50000.00"))
        .singleElement()
        .satisfies(m -> assertMovement(m, "A-1#2", "ZGC", "-50000.00", "50000.00", "10000.00"));
    assertThat(settle("A-1#1", "1.00"))
        .isEqualTo(
            new SettlementBook.Refused(
                DeadLetterCode.DUPLICATE_SETTLEMENT, "movement A-1#1 was settled already"));
    assertThat(settle("A-1#2", "-10000.01")).isInstanceOf(SettlementBook.Refused.class);
    assertThat(settle("A-1#2", "-10000.00")).isInstanceOf(SettlementBook.Accepted.class);

    // Moved to another zone at 80,000: all of it leaves ZGC (the 50,000 paid is asked back there).
    assertThat(book(3, "BH", DecisionStatus.APPROVED, "80000.00"))
        .satisfiesExactly(
            out -> assertMovement(out, "A-1#3#OUT", "ZGC", "-50000.00", "0.00", "50000.00"),
            in -> assertMovement(in, "A-1#3", "BH", "80000.00", "80000.00", "0.00"));

    // Withdrawn before anything is paid in BH: nothing more to recover.
    assertThat(book(4, "BH", DecisionStatus.WITHDRAWN, "0.00"))
        .singleElement()
        .satisfies(m -> assertMovement(m, "A-1#4", "BH", "-80000.00", "0.00", "0.00"));
    assertThat(settle("A-1#4", "-1.00")).isInstanceOf(SettlementBook.Refused.class);
    assertThat(settle("B-1#1", "5.00"))
        .extracting(o -> ((SettlementBook.Refused) o).code())
        .isEqualTo(DeadLetterCode.UNKNOWN_MOVEMENT);
  }

  @Test
  void aRecognitionAndARedeliveryMoveNothing() {
    assertThat(book(1, "ZGC", DecisionStatus.APPROVED, "100.00")).hasSize(1);
    assertThat(book(1, "ZGC", DecisionStatus.APPROVED, "100.00")).isEmpty();
    assertThat(
            MovementBook.book(account, decision(2, "ZGC", DecisionStatus.APPROVED, "0.00"), null)
                .movements())
        .isEmpty();
    assertThat(MovementBook.applicationOf("A-1#3#OUT")).isEqualTo("A-1");
    assertThat(MovementBook.applicationOf("APP#7#12")).isEqualTo("APP#7");
  }

  private List<Movement> book(long sequence, String zone, DecisionStatus status, String amount) {
    final MovementBook.Booked booked =
        MovementBook.book(account, decision(sequence, zone, status, amount), MovementMoney.CASH);
    account = booked.account();
    return booked.movements();
  }

  private SettlementBook.Outcome settle(String movementId, String amount) {
    final SettlementBook.Outcome outcome =
        SettlementBook.settle(
            account, new Settlement(movementId, new BigDecimal(amount), DAY, "R"));
    if (outcome instanceof SettlementBook.Accepted a) {
      account = a.account();
    }
    return outcome;
  }

  private static Decision decision(
      long sequence, String zone, DecisionStatus status, String amount) {
    return Decision.newBuilder()
        .setApplicationId("A-1")
        .setRevision((int) sequence)
        .setSequence(sequence)
        .setProgramme(Programme.RENT_RELIEF)
        .setCreditCode("91110108MA01ABCD1X")
        .setZone(zone)
        .setYear(2022)
        .setStatus(status)
        .setApprovedAmount(new BigDecimal(amount))
        .setReasons(
            status == DecisionStatus.WITHDRAWN
                ? List.of(new Reason("WITHDRAWN_BY_APPLICANT", "withdrawn"))
                : List.of())
        .setDetails(Map.of())
        .setPolicyVersion("2022.1")
        .setSubmittedAt(DAY)
        .setDecidedAt(DAY)
        .build();
  }

  private static void assertMovement(
      Movement m, String id, String zone, String change, String approved, String toRecover) {
    assertThat(m.getMovementId()).isEqualTo(id);
    assertThat(m.getZone()).isEqualTo(zone);
    assertThat(m.getChange()).isEqualByComparingTo(change);
    assertThat(m.getApprovedAmount()).isEqualByComparingTo(approved);
    assertThat(m.getToRecover()).isEqualByComparingTo(toRecover);
  }
}
