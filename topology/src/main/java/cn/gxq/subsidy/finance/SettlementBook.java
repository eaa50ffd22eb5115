package cn.gxq.subsidy.finance;

import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.avro.internal.MoneyAccount;
import cn.gxq.subsidy.avro.internal.OpenMovement;
import cn.gxq.subsidy.contract.DeadLetterCode;
import java.math.BigDecimal;
import java.util.ArrayList;

/**
 * Takes finance's confirmations against an application's movements. One confirmation per movement:
 * a payment up to what an increase asked and to what is approved and not asked back, or a recovery
 * (negative) up to what a decrease asked back. Anything else is refused with its reason, and
 * changes nothing.
 */
public final class SettlementBook {

  /** What a confirmation did: the account after it and the movement it settled, or a refusal. */
  public sealed interface Outcome permits Accepted, Refused {}

  /** Counted: {@code movement} is the settled movement (its bucket is the settlement's). */
  public record Accepted(MoneyAccount account, OpenMovement movement) implements Outcome {}

  /** Not counted: goes to the dead-letter topic with this code and message. */
  public record Refused(DeadLetterCode code, String message) implements Outcome {}

  private SettlementBook() {}

  public static Outcome settle(MoneyAccount before, Settlement settlement) {
    final String id = settlement.getMovementId();
    final int index = indexOf(before, id);
    if (index < 0) {
      return new Refused(DeadLetterCode.UNKNOWN_MOVEMENT, "no movement " + id + " was made");
    }
    final OpenMovement movement = before.getMovements().get(index);
    if (movement.getSettled()) {
      return new Refused(
          DeadLetterCode.DUPLICATE_SETTLEMENT, "movement " + id + " was settled already");
    }
    final BigDecimal amount = settlement.getAmount().setScale(2);
    final String refusal =
        amount.signum() >= 0 ? payable(before, movement, amount) : recoverable(movement, amount);
    if (refusal != null) {
      return new Refused(DeadLetterCode.SETTLEMENT_EXCEEDS, refusal);
    }
    final MoneyAccount account = MoneyAccount.newBuilder(before).build();
    account.setMovements(new ArrayList<>(before.getMovements()));
    final OpenMovement settled = OpenMovement.newBuilder(movement).setSettled(true).build();
    account.getMovements().set(index, settled);
    account.setSettled(account.getSettled().add(amount));
    if (amount.signum() < 0) {
      account.setRecoveryOpen(account.getRecoveryOpen().add(amount));
    }
    return new Accepted(account, settled);
  }

  /** Why a payment of {@code amount} against {@code movement} is refused, or null. */
  private static String payable(MoneyAccount account, OpenMovement movement, BigDecimal amount) {
    if (amount.signum() == 0) {
      return "a settlement of 0.00 settles nothing";
    }
    if (amount.compareTo(movement.getPayable()) > 0) {
      return "pays "
          + amount
          + " where movement "
          + movement.getMovementId()
          + " asked "
          + movement.getPayable();
    }
    // Settled, less what is asked back, may never pass what is approved.
    final BigDecimal room =
        account.getApproved().subtract(account.getSettled().subtract(account.getRecoveryOpen()));
    if (amount.compareTo(room) > 0) {
      return "pays "
          + amount
          + " where "
          + room.max(MovementBook.ZERO)
          + " is approved and not settled";
    }
    return null;
  }

  private static String recoverable(OpenMovement movement, BigDecimal amount) {
    if (amount.negate().compareTo(movement.getRecoverable()) > 0) {
      return "recovers "
          + amount.negate()
          + " where movement "
          + movement.getMovementId()
          + " asked back "
          + movement.getRecoverable();
    }
    return null;
  }

  private static int indexOf(MoneyAccount account, String movementId) {
    for (int i = 0; i < account.getMovements().size(); i++) {
      if (account.getMovements().get(i).getMovementId().equals(movementId)) {
        return i;
      }
    }
    return -1;
  }
}
