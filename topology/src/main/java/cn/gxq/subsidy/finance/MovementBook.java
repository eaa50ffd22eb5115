package cn.gxq.subsidy.finance;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Movement;
import cn.gxq.subsidy.avro.MovementMoney;
import cn.gxq.subsidy.avro.internal.Booking;
import cn.gxq.subsidy.avro.internal.MoneyAccount;
import cn.gxq.subsidy.avro.internal.OpenMovement;
import cn.gxq.subsidy.contract.BucketKey;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an application's decisions into the movements finance books. A decision that changes the
 * approved amount is one movement of the difference, in the bucket where it happens; a move to
 * another bucket is a decrease of everything in the old bucket ({@code #OUT}) and an increase in
 * the new one. So an application's movements always sum to its approved amount.
 *
 * <p>A decrease first cancels what finance has not settled yet; what remains was settled and is
 * asked back ({@code toRecover}).
 */
public final class MovementBook {

  static final BigDecimal ZERO = new BigDecimal("0.00");

  /** The account after a decision, and the movements the decision caused (oldest first). */
  public record Booked(MoneyAccount account, List<Movement> movements) {}

  private MovementBook() {}

  /** An application that has met no decision yet. */
  public static MoneyAccount open() {
    return new MoneyAccount(null, ZERO, ZERO, ZERO, 0L, new ArrayList<>());
  }

  /**
   * Whether {@code decision} moves no money whatever the account it meets: a recognition, or an
   * application's first decision approving nothing (no account holds money before it, and a later
   * decision met first makes it stale). Most decisions are such rejections and waitlistings, so the
   * finance step is spared meeting them.
   */
  public static boolean movesNothing(Decision decision, MovementMoney money) {
    return money == null
        || (decision.getSequence() <= 1 && decision.getApprovedAmount().signum() == 0);
  }

  /** What of {@code decision} a booking needs: the finance step meets this, not the decision. */
  public static Booking booking(Decision decision) {
    return new Booking(
        decision.getApplicationId(),
        decision.getSequence(),
        decision.getCreditCode(),
        bucketOf(decision),
        decision.getApprovedAmount(),
        reason(decision),
        decision.getDecidedAt());
  }

  /** Books one decision, as {@link #book(MoneyAccount, Booking, MovementMoney)} its booking. */
  public static Booked book(MoneyAccount before, Decision decision, MovementMoney money) {
    return book(before, booking(decision), money);
  }

  /**
   * Books one decision of the application {@code account} belongs to. {@code money} null (a
   * recognition) or a decision not after the last one booked moves nothing.
   */
  public static Booked book(MoneyAccount before, Booking decision, MovementMoney money) {
    if (money == null || decision.getSequence() <= before.getLastSequence()) {
      return new Booked(before, List.of());
    }
    final MoneyAccount account = MoneyAccount.newBuilder(before).build();
    account.setMovements(new ArrayList<>(before.getMovements()));
    account.setLastSequence(decision.getSequence());
    final BigDecimal approved = decision.getApprovedAmount().setScale(2);
    final String bucket = approved.signum() > 0 ? decision.getBucket() : account.getBucket();
    final List<Movement> moved = new ArrayList<>();
    final boolean moves =
        account.getBucket() != null
            && !account.getBucket().equals(bucket)
            && account.getApproved().signum() > 0;
    if (moves) {
      moved.add(move(account, decision, money, account.getBucket(), ZERO, "#OUT"));
    }
    if (bucket != null && approved.compareTo(account.getApproved()) != 0) {
      moved.add(move(account, decision, money, bucket, approved, ""));
    }
    return new Booked(account, moved);
  }

  /** One movement to {@code approvedAfter} in {@code bucket}, recorded in the account. */
  private static Movement move(
      MoneyAccount account,
      Booking decision,
      MovementMoney money,
      String bucket,
      BigDecimal approvedAfter,
      String suffix) {
    final BigDecimal change = approvedAfter.subtract(account.getApproved());
    // What is settled beyond the new amount, less what is asked back already, is asked back now.
    final BigDecimal toRecover =
        change.signum() < 0
            ? account
                .getSettled()
                .subtract(account.getRecoveryOpen())
                .subtract(approvedAfter)
                .max(ZERO)
            : ZERO;
    final String id = decision.getApplicationId() + "#" + decision.getSequence() + suffix;
    account.setApproved(approvedAfter);
    account.setBucket(bucket);
    account.setRecoveryOpen(account.getRecoveryOpen().add(toRecover));
    account.getMovements().add(new OpenMovement(id, bucket, change.max(ZERO), toRecover, false));
    final BucketKey key = BucketKey.parse(bucket);
    return Movement.newBuilder()
        .setMovementId(id)
        .setApplicationId(decision.getApplicationId())
        .setSequence(decision.getSequence())
        .setCreditCode(decision.getCreditCode())
        .setZone(key.zone())
        .setProgramme(key.programme())
        .setYear(key.year())
        .setMoneyKind(money)
        .setChange(change)
        .setApprovedAmount(approvedAfter)
        .setToRecover(toRecover)
        .setReason(decision.getReason())
        .setOccurredAt(decision.getDecidedAt())
        .build();
  }

  private static String bucketOf(Decision decision) {
    final String zone = decision.getZone() != null ? decision.getZone() : BucketKey.UNKNOWN_ZONE;
    return new BucketKey(zone, decision.getProgramme(), decision.getYear()).toString();
  }

  private static String reason(Decision decision) {
    return decision.getReasons().isEmpty()
        ? decision.getStatus().name()
        : decision.getReasons().get(0).getCode();
  }

  /** The application a movement id belongs to: the id up to its sequence. */
  public static String applicationOf(String movementId) {
    final String id =
        movementId.endsWith("#OUT") ? movementId.substring(0, movementId.length() - 4) : movementId;
    final int hash = id.lastIndexOf('#');
    return hash > 0 ? id.substring(0, hash) : null;
  }
}
