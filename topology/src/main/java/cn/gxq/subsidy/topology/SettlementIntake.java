package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.avro.internal.FinanceEvent;
import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.contract.DeadLetterCode;
import cn.gxq.subsidy.finance.MovementBook;
import cn.gxq.subsidy.rules.Money;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Decodes finance's settlements and keys them by the application their movement belongs to, the key
 * of the finance step. The value goes on as the bytes it came as, its source stamped on its
 * headers, so that a settlement the finance step refuses is dead-lettered exactly as it came.
 */
final class SettlementIntake implements Processor<byte[], byte[], String, Routed<FinanceEvent>> {

  private final InputDecoder<Settlement> input;
  private ProcessorContext<String, Routed<FinanceEvent>> context;

  SettlementIntake(Deserializer<Settlement> decoder) {
    this.input =
        new InputDecoder<>(
            decoder, "a settlement cannot be taken back; publish a recovery instead", "movementId");
  }

  @Override
  public void init(ProcessorContext<String, Routed<FinanceEvent>> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    final DeadLetter.Source source = Sources.of(context, record.key());
    final Routed<Settlement> decoded = input.decode(record, source);
    if (decoded.isDead()) {
      context.forward(record.withKey((String) null).withValue(Routed.dead(decoded.deadLetter())));
      return;
    }
    final Settlement settlement = decoded.value();
    final String refusal = refusal(settlement, record.key());
    if (refusal != null) {
      context.forward(
          record
              .withKey((String) null)
              .withValue(
                  Routed.dead(
                      source.deadLetter(record.value(), DeadLetterCode.INVALID_RECORD, refusal))));
      return;
    }
    context.forward(
        record
            .withKey(MovementBook.applicationOf(settlement.getMovementId()))
            .withValue(
                Routed.ok(
                    FinanceEvent.newBuilder()
                        .setSettlement(ByteBuffer.wrap(record.value()))
                        .build()))
            .withTimestamp(settlement.getSettledAt().toEpochMilli())
            .withHeaders(source.stamp(record.headers())));
  }

  /** Why a settlement cannot be addressed or counted, or null. */
  private static String refusal(Settlement settlement, byte[] key) {
    final String id = settlement.getMovementId();
    if (!Arrays.equals(id.getBytes(StandardCharsets.UTF_8), key)) {
      return "key '" + Sources.printable(key) + "' is not the record's movementId (" + id + ")";
    }
    if (MovementBook.applicationOf(id) == null) {
      return "movementId '" + id + "' is not <applicationId>#<sequence>[#OUT]";
    }
    if (settlement.getAmount().scale() > 2
        || settlement.getAmount().abs().compareTo(Money.MAX_AMOUNT) > 0) {
      return "amount "
          + settlement.getAmount().toPlainString()
          + " is not a sum of yuan and fen within "
          + Money.MAX_AMOUNT.toPlainString();
    }
    return null;
  }
}
