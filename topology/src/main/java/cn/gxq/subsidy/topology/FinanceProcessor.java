package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.avro.Movement;
import cn.gxq.subsidy.avro.MovementMoney;
import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.avro.internal.Booking;
import cn.gxq.subsidy.avro.internal.FinanceEvent;
import cn.gxq.subsidy.avro.internal.MoneyAccount;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.finance.ControlTotalsBook;
import cn.gxq.subsidy.finance.MovementBook;
import cn.gxq.subsidy.finance.SettlementBook;
import java.nio.ByteBuffer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The finance step, keyed by application id: books each decision's movements and takes finance's
 * settlements against them ({@link MovementBook}, {@link SettlementBook}), over one account per
 * application. Control totals go on as deltas keyed by bucket and day, to be summed there.
 */
final class FinanceProcessor implements Processor<String, FinanceEvent, String, FinanceOutput> {

  /** Application id → {@link MoneyAccount}. */
  static final String ACCOUNTS = "finance-accounts";

  private final Deserializer<Settlement> settlements;
  private ProcessorContext<String, FinanceOutput> context;
  private KeyValueStore<String, MoneyAccount> accounts;

  FinanceProcessor(Deserializer<Settlement> settlements) {
    this.settlements = settlements;
  }

  @Override
  public void init(ProcessorContext<String, FinanceOutput> context) {
    this.context = context;
    this.accounts = context.getStateStore(ACCOUNTS);
  }

  @Override
  public void process(Record<String, FinanceEvent> record) {
    final MoneyAccount before = accounts.get(record.key());
    final MoneyAccount account = before != null ? before : MovementBook.open();
    final FinanceEvent event = record.value();
    if (event.getBooking() != null) {
      book(record, account, event.getBooking());
    } else if (event.getDecision() != null) {
      // A whole decision, left on the topic by a version before the booking.
      book(record, account, MovementBook.booking(event.getDecision()));
    } else {
      settle(record, account, record.value().getSettlement());
    }
  }

  private void book(Record<String, FinanceEvent> record, MoneyAccount account, Booking decision) {
    final MovementMoney money =
        FinanceFlow.moneyOf(BucketKey.parse(decision.getBucket()).programme());
    final MovementBook.Booked booked = MovementBook.book(account, decision, money);
    if (booked.movements().isEmpty()) {
      return; // nothing moved: a recognition, a rejection before any approval, a redelivery
    }
    accounts.put(record.key(), booked.account());
    for (Movement movement : booked.movements()) {
      final long at = movement.getOccurredAt().toEpochMilli();
      context.forward(new Record<>(movement.getMovementId(), FinanceOutput.of(movement), at));
      final ControlTotals delta = ControlTotalsBook.add(null, movement);
      context.forward(new Record<>(ControlTotalsBook.key(delta), FinanceOutput.of(delta), at));
    }
  }

  private void settle(Record<String, FinanceEvent> record, MoneyAccount account, ByteBuffer bytes) {
    final byte[] value = new byte[bytes.remaining()];
    bytes.duplicate().get(value);
    final DeadLetter.Source source = DeadLetter.Source.of(record.headers());
    final Settlement settlement = settlements.deserialize(source.topic(), value);
    final SettlementBook.Outcome outcome = SettlementBook.settle(account, settlement);
    if (outcome instanceof SettlementBook.Accepted accepted) {
      accounts.put(record.key(), accepted.account());
      final ControlTotals delta =
          ControlTotalsBook.add(null, accepted.movement().getBucket(), settlement);
      context.forward(
          new Record<>(ControlTotalsBook.key(delta), FinanceOutput.of(delta), record.timestamp()));
    } else if (outcome instanceof SettlementBook.Refused refused) {
      context.forward(
          new Record<>(
              (String) null,
              FinanceOutput.of(source.deadLetter(value, refused.code(), refused.message())),
              record.timestamp()));
    }
  }
}
