package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.Holding;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.ledger.LedgerBook;
import cn.gxq.subsidy.ledger.LineEntry;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** The bucket ledger's book over the stores of one task. */
final class StoreLedgerBook implements LedgerBook {

  private final KeyValueStore<String, Holding> holdings;
  private final KeyValueStore<String, BucketState> buckets;
  private final KeyValueStore<String, String> line;
  private final KeyValueStore<String, LedgerCommand> parked;

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
  }

  @Override
  public void deleteFromLine(BucketKey bucket, LineEntry entry) {
    line.delete(lineKey(bucket, entry.amount(), entry.ticket()));
  }

  @Override
  public List<LineEntry> needingAtMost(BucketKey bucket, BigDecimal amount) {
    return read(lineKey(bucket, BigDecimal.ZERO, 0), lineKey(bucket, amount, Long.MAX_VALUE));
  }

  @Override
  public List<LineEntry> line(BucketKey bucket) {
    return read(
        lineKey(bucket, BigDecimal.ZERO, 0),
        bucket + "#" + "9".repeat(DIGITS) + "#" + "9".repeat(DIGITS));
  }

  private List<LineEntry> read(String from, String to) {
    final List<LineEntry> entries = new ArrayList<>();
    try (KeyValueIterator<String, String> it = line.range(from, to)) {
      while (it.hasNext()) {
        final var kv = it.next();
        // Fixed width from the end: ...#AMOUNT#TICKET; a walk may read thousands, so no split.
        final String key = kv.key;
        final int ticketAt = key.length() - DIGITS;
        final int amountAt = ticketAt - 1 - DIGITS;
        entries.add(
            new LineEntry(
                Long.parseLong(key, ticketAt, key.length(), 10),
                kv.value,
                BigDecimal.valueOf(Long.parseLong(key, amountAt, ticketAt - 1, 10), 2)));
      }
    }
    return entries;
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
        + String.format("%0" + DIGITS + "d", amount.movePointRight(2).longValueExact())
        + "#"
        + String.format("%0" + DIGITS + "d", ticket);
  }

  private static final int DIGITS = 19;

  private static String parkKey(String applicationId, int revision) {
    return applicationId + "#" + revision;
  }
}
