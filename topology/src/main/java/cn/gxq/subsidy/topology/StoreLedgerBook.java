package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.Holding;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.ledger.BucketKey;
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
    line.put(
        lineKey(bucket, entry.ticket()),
        entry.amount().toPlainString() + " " + entry.applicationId());
  }

  @Override
  public void deleteFromLine(BucketKey bucket, long ticket) {
    line.delete(lineKey(bucket, ticket));
  }

  @Override
  public List<LineEntry> line(BucketKey bucket, long fromTicket) {
    final List<LineEntry> entries = new ArrayList<>();
    // A range from the lowest ticket that can still be waiting, not the whole prefix: released
    // entries leave RocksDB tombstones that a scan from the start would wade through.
    try (KeyValueIterator<String, String> it =
        line.range(lineKey(bucket, fromTicket), lineKey(bucket, Long.MAX_VALUE))) {
      it.forEachRemaining(
          kv -> {
            final int space = kv.value.indexOf(' ');
            entries.add(
                new LineEntry(
                    Long.parseLong(kv.key.substring(kv.key.lastIndexOf('#') + 1)),
                    kv.value.substring(space + 1),
                    new BigDecimal(kv.value.substring(0, space))));
          });
    }
    return entries;
  }

  @Override
  public void park(String applicationId, int afterRevision, LedgerCommand command) {
    parked.put(parkKey(applicationId, afterRevision), command);
  }

  @Override
  public LedgerCommand unpark(String applicationId, int revision) {
    return parked.delete(parkKey(applicationId, revision));
  }

  /** Zero-padded so that a bucket's line sorts by ticket. */
  static String lineKey(BucketKey bucket, long ticket) {
    return bucket + "#" + String.format("%019d", ticket);
  }

  private static String parkKey(String applicationId, int revision) {
    return applicationId + "#" + revision;
  }
}
