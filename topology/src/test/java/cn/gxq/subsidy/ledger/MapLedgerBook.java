package cn.gxq.subsidy.ledger;

import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.Holding;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.contract.BucketKey;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** A ledger book in maps, for tests. Values are copied in and out, as a serialising store does. */
final class MapLedgerBook implements LedgerBook {

  final Map<String, Holding> holdings = new HashMap<>();
  final Map<BucketKey, BucketState> buckets = new HashMap<>();
  final Map<BucketKey, TreeMap<Long, LineEntry>> lines = new HashMap<>();
  final Map<String, LedgerCommand> parked = new HashMap<>();

  @Override
  public Holding holding(String applicationId) {
    final Holding h = holdings.get(applicationId);
    return h == null ? null : Holding.newBuilder(h).build();
  }

  @Override
  public void putHolding(String applicationId, Holding holding) {
    holdings.put(applicationId, Holding.newBuilder(holding).build());
  }

  @Override
  public void deleteHolding(String applicationId) {
    holdings.remove(applicationId);
  }

  @Override
  public BucketState bucket(BucketKey bucket) {
    final BucketState s = buckets.get(bucket);
    return s == null ? null : BucketState.newBuilder(s).build();
  }

  @Override
  public void putBucket(BucketKey bucket, BucketState state) {
    buckets.put(bucket, BucketState.newBuilder(state).build());
  }

  @Override
  public void putInLine(BucketKey bucket, LineEntry entry) {
    lines.computeIfAbsent(bucket, b -> new TreeMap<>()).put(entry.ticket(), entry);
  }

  @Override
  public void deleteFromLine(BucketKey bucket, LineEntry entry) {
    final LineEntry removed = lines.getOrDefault(bucket, new TreeMap<>()).remove(entry.ticket());
    if (removed == null || removed.amount().compareTo(entry.amount()) != 0) {
      throw new AssertionError("no entry " + entry + " in line " + bucket);
    }
  }

  /** Plainly, by reading the whole line: the model the stores' index is checked against. */
  @Override
  public Waiting waitingAhead(BucketKey bucket, long ticket) {
    long count = 0;
    java.math.BigDecimal amount = java.math.BigDecimal.ZERO;
    for (LineEntry e : lines.getOrDefault(bucket, new TreeMap<>()).headMap(ticket).values()) {
      count++;
      amount = amount.add(e.amount());
    }
    return new Waiting(count, amount);
  }

  @Override
  public LineEntry firstNeedingAtMost(BucketKey bucket, java.math.BigDecimal amount) {
    for (LineEntry e : lines.getOrDefault(bucket, new TreeMap<>()).values()) {
      if (e.amount().compareTo(amount) <= 0) {
        return e;
      }
    }
    return null;
  }

  @Override
  public void park(String applicationId, int afterRevision, LedgerCommand command) {
    parked.put(applicationId + "#" + afterRevision, command);
  }

  @Override
  public LedgerCommand unpark(String applicationId, int revision) {
    return parked.remove(applicationId + "#" + revision);
  }
}
