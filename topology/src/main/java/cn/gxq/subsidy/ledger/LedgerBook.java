package cn.gxq.subsidy.ledger;

import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.Holding;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.contract.BucketKey;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the ledger of one partition keeps: in production Kafka Streams stores, in tests maps. Reads
 * return null for what is not there. Line entries are returned whole (never as an open iterator)
 * because the ledger writes the line while walking it.
 */
public interface LedgerBook {

  Holding holding(String applicationId);

  void putHolding(String applicationId, Holding holding);

  void deleteHolding(String applicationId);

  BucketState bucket(BucketKey bucket);

  void putBucket(BucketKey bucket, BucketState state);

  void putInLine(BucketKey bucket, LineEntry entry);

  void deleteFromLine(BucketKey bucket, LineEntry entry);

  /**
   * The waiting entries of a bucket that need at most {@code amount}, in any order: the only ones a
   * walk with that much left could approve, found without reading the rest of the line.
   */
  List<LineEntry> needingAtMost(BucketKey bucket, BigDecimal amount);

  /** Every waiting entry of a bucket, in any order. */
  List<LineEntry> line(BucketKey bucket);

  /** Keeps a command that arrived before the revision it follows. */
  void park(String applicationId, int afterRevision, LedgerCommand command);

  /** Takes back the command parked to follow {@code revision}, or null. */
  LedgerCommand unpark(String applicationId, int revision);
}
