package cn.gxq.subsidy.topology;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * The time the decisions table goes by: the topic's order, not the decisions' event times. A table
 * takes a key's later record as its new value and warns when that record's timestamp is older than
 * the one it replaces. Decisions are stamped with the event time that caused them, so a release
 * from the waitlist, decided at the earlier time that freed the money, is older than the wait it
 * ends, and every such release warned. Never going below the partition's time so far keeps the
 * table's time in the topic's order; the records themselves keep their event time, and nothing of
 * the table is windowed or joined by time.
 */
final class TopicOrderTime implements TimestampExtractor {

  @Override
  public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
    return Math.max(record.timestamp(), partitionTime);
  }
}
