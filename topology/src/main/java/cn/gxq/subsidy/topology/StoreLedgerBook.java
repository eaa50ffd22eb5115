package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.Holding;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.ledger.LedgerBook;
import cn.gxq.subsidy.ledger.LineEntry;
import cn.gxq.subsidy.ledger.LineIndex;
import cn.gxq.subsidy.ledger.Waiting;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The bucket ledger's book over the stores of one task. The line store keeps each bucket's line
 * durably; an index per bucket in memory answers the questions that would otherwise read it.
 */
final class StoreLedgerBook implements LedgerBook {

  private final KeyValueStore<String, Holding> holdings;
  private final KeyValueStore<String, BucketState> buckets;
  private final KeyValueStore<String, String> line;
  private final KeyValueStore<String, LedgerCommand> parked;
  private final Map<BucketKey, LineIndex> indexes = new HashMap<>();

  StoreLedgerBook(
      KeyValueStore<String, Holding> holdings,
      KeyValueStore<String, BucketState> buckets,
      KeyValueStore<String, String> line,
      KeyValueStore<String, LedgerCommand> parked) {
    this.holdings = holdings;
    this.buckets = buckets;
    this.line = line;
    this.parked = parked;
  }

  @Override
  public Holding holding(String applicationId) {
    return holdings.get(applicationId);
  }

  @Override
  public void putHolding(String applicationId, Holding holding) {
    holdings.put(applicationId, holding);
  }

  @Override
  public void deleteHolding(String applicationId) {
    holdings.delete(applicationId);
  }

  @Override
  public BucketState bucket(BucketKey bucket) {
    return buckets.get(bucket.toString());
  }

  @Override
  public void putBucket(BucketKey bucket, BucketState state) {
    buckets.put(bucket.toString(), state);
  }

  @Override
  public void putInLine(BucketKey bucket, LineEntry entry) {
    line.put(lineKey(bucket, entry.amount(), entry.ticket()), entry.applicationId());
    index(bucket).put(entry.ticket(), fen(entry.amount()));
  }

  @Override
  public void deleteFromLine(BucketKey bucket, LineEntry entry) {
    line.delete(lineKey(bucket, entry.amount(), entry.ticket()));
    index(bucket).remove(entry.ticket());
  }

  @Override
  public Waiting waitingAhead(BucketKey bucket, long ticket) {
    return index(bucket).ahead(ticket);
  }

  @Override
  public LineEntry firstNeedingAtMost(BucketKey bucket, BigDecimal amount) {
    final LineIndex index = index(bucket);
    final long ticket = index.firstNeedingAtMost(fen(amount));
    if (ticket < 0) {
      return null;
    }
    final BigDecimal needs = BigDecimal.valueOf(index.amountOf(ticket), 2);
    return new LineEntry(ticket, line.get(lineKey(bucket, needs, ticket)), needs);
  }

  /**
   * The bucket's line in memory, read from the store the first time this task asks for it: the
   * store stays the truth (changelogged, restored after a crash), and a task that starts anew
   * builds its indexes anew.
   */
  private LineIndex index(BucketKey bucket) {
    return indexes.computeIfAbsent(bucket, this::readLine);
  }

  private LineIndex readLine(BucketKey bucket) {
    final LineIndex index = new LineIndex();
    try (KeyValueIterator<String, String> it =
        line.range(
            lineKey(bucket, BigDecimal.ZERO, 0),
            bucket + "#" + "9".repeat(DIGITS) + "#" + "9".repeat(DIGITS))) {
      while (it.hasNext()) {
        // Fixed width from the end: ...#AMOUNT#TICKET.
        final String key = it.next().key;
        final int ticketAt = key.length() - DIGITS;
        final int amountAt = ticketAt - 1 - DIGITS;
        index.put(
            Long.parseLong(key, ticketAt, key.length(), 10),
            Long.parseLong(key, amountAt, ticketAt - 1, 10));
      }
    }
    return index;
  }

  private static long fen(BigDecimal amount) {
    return amount.movePointRight(2).longValueExact();
  }

  @Override
  public void park(String applicationId, int afterRevision, LedgerCommand command) {
    parked.put(parkKey(applicationId, afterRevision), command);
  }

  @Override
  public LedgerCommand unpark(String applicationId, int revision) {
    // Almost never anything there: a read, not a delete, which would log a tombstone each time.
    final String key = parkKey(applicationId, revision);
    final LedgerCommand command = parked.get(key);
    if (command != null) {
      parked.delete(key);
    }
    return command;
  }

  /**
   * {@code BUCKET#AMOUNT#TICKET}, amount in fen and both zero-padded: a bucket's line sorts by
   * amount, so the entries that fit in what remains are one range.
   */
  static String lineKey(BucketKey bucket, BigDecimal amount, long ticket) {
    return bucket
        + "#"
        + String.format("%0" + DIGITS + "d", fen(amount))
        + "#"
        + String.format("%0" + DIGITS + "d", ticket);
  }

  private static final int DIGITS = 19;

  private static String parkKey(String applicationId, int revision) {
    return applicationId + "#" + revision;
  }
}
