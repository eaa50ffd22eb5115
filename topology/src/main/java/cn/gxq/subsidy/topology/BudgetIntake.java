package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.contract.DeadLetterCode;
import cn.gxq.subsidy.rules.Money;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Decodes budget allotments and keys them by programme, the key of the decision ledger. A budget
 * that cannot be decoded or does not add up (negative, key and fields disagree) is dead-lettered:
 * the ledger must never draw on a figure nobody meant.
 */
final class BudgetIntake implements Processor<byte[], byte[], String, Routed<LedgerCommand>> {

  private final InputDecoder<Budget> input;
  private ProcessorContext<String, Routed<LedgerCommand>> context;

  BudgetIntake(Deserializer<Budget> decoder) {
    this.input =
        new InputDecoder<>(
            decoder,
            "to stop a programme's spending publish a budget equal to what is already approved",
            "ZONE:PROGRAMME:YEAR");
  }

  @Override
  public void init(ProcessorContext<String, Routed<LedgerCommand>> context) {
    this.context = context;
  }

  @Override
  public void process(Record<byte[], byte[]> record) {
    // The key stays bytes: a dead letter must carry it exactly, even when it is not UTF-8.
    final DeadLetter.Source source = Sources.of(context, record.key());
    final Routed<Budget> decoded = input.decode(record, source);
    if (decoded.isDead()) {
      context.forward(record.withKey((String) null).withValue(Routed.dead(decoded.deadLetter())));
      return;
    }
    final Budget budget = decoded.value();
    final String expectedKey =
        new BucketKey(budget.getZone(), budget.getProgramme(), budget.getYear()).toString();
    if (!Arrays.equals(expectedKey.getBytes(StandardCharsets.UTF_8), record.key())) {
      deadLetter(
          record,
          source,
          DeadLetterCode.INVALID_RECORD,
          "key '"
              + Sources.printable(record.key())
              + "' does not match the record's fields ("
              + expectedKey
              + ")");
      return;
    }
    if (budget.getAmount().signum() < 0 || budget.getAmount().compareTo(Money.MAX_AMOUNT) > 0) {
      deadLetter(
          record,
          source,
          DeadLetterCode.INVALID_RECORD,
          "amount "
              + budget.getAmount().toPlainString()
              + " is outside 0.."
              + Money.MAX_AMOUNT.toPlainString());
      return;
    }
    context.forward(
        record
            .withKey(expectedKey)
            .withValue(Routed.ok(LedgerCommand.newBuilder().setCommand(budget).build()))
            .withTimestamp(budget.getUpdatedAt().toEpochMilli()));
  }

  private void deadLetter(
      Record<byte[], byte[]> record,
      DeadLetter.Source source,
      DeadLetterCode code,
      String message) {
    context.forward(
        record
            .withKey((String) null)
            .withValue(Routed.dead(source.deadLetter(record.value(), code, message))));
  }
}
