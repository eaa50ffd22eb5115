package cn.gxq.subsidy.ledger;

import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.Holding;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.contract.BucketKey;
import java.math.BigDecimal;

/**
 * What the ledger of one partition keeps: in production Kafka Streams stores, in tests maps. Reads
 * return null for what is not there.
 */
public interface LedgerBook {

  Holding holding(String applicationId);

  void putHolding(String applicationId, Holding holding);

  void deleteHolding(String applicationId);

  BucketState bucket(BucketKey bucket);

  void putBucket(BucketKey bucket, BucketState state);

  void putInLine(BucketKey bucket, LineEntry entry);

  void deleteFromLine(BucketKey bucket, LineEntry entry);

  /** How many wait in a bucket's line ahead of {@code ticket}, and how much they need. */
  Waiting waitingAhead(BucketKey bucket, long ticket);

  /**
   * The first entry in a bucket's line, in ticket order, that needs at most {@code amount}, or
   * null: the next a walk with that much left approves.
   */
  LineEntry firstNeedingAtMost(BucketKey bucket, BigDecimal amount);

  /** Keeps a command that arrived before the revision it follows. */
  void park(String applicationId, int afterRevision, LedgerCommand command);

  /** Takes back the command parked to follow {@code revision}, or null. */
  LedgerCommand unpark(String applicationId, int revision);
}
