package cn.gxq.subsidy.ledger;

import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.Holding;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import java.util.List;

/**
 * What the ledger of one partition keeps: in production Kafka Streams stores, in tests maps. Reads
 * return null for what is not there. Lines are returned whole (never as an open iterator) because
 * the ledger writes the line while walking it.
 */
public interface LedgerBook {

  Holding holding(String applicationId);

  void putHolding(String applicationId, Holding holding);

  void deleteHolding(String applicationId);

  BucketState bucket(BucketKey bucket);

  void putBucket(BucketKey bucket, BucketState state);

  void putInLine(BucketKey bucket, LineEntry entry);

  void deleteFromLine(BucketKey bucket, long ticket);

  /** The waiting entries of a bucket with a ticket of at least {@code fromTicket}, in order. */
  List<LineEntry> line(BucketKey bucket, long fromTicket);

  /** Keeps a command that arrived before the revision it follows. */
  void park(String applicationId, int afterRevision, LedgerCommand command);

  /** Takes back the command parked to follow {@code revision}, or null. */
  LedgerCommand unpark(String applicationId, int revision);
}
