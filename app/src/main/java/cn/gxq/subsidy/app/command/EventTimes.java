package cn.gxq.subsidy.app.command;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.contract.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * The check the broker makes of a record's timestamp, made before sending: the contract's topics
 * refuse event times more than {@link Topics.TopicSpec#MAX_FUTURE_MS} ahead of the broker's clock.
 */
final class EventTimes {

  private static final Duration MAX_AHEAD = Duration.ofMillis(Topics.TopicSpec.MAX_FUTURE_MS);

  private EventTimes() {}

  /**
   * Why the broker would refuse the record's event time, naming the field; empty if it would not.
   */
  static Optional<String> tooFarAhead(RecordKind kind, SpecificRecord record, Instant now) {
    final Instant eventTime = kind.eventTime(record);
    if (!eventTime.isAfter(now.plus(MAX_AHEAD))) {
      return Optional.empty();
    }
    return Optional.of(
        "field '"
            + field(record, eventTime)
            + "': "
            + eventTime
            + " is in the future; the topics take event times at most "
            + MAX_AHEAD.toMinutes()
            + " minutes ahead of the broker's clock");
  }

  /** The field that holds the event time (the record kind knows its value, not its name). */
  private static String field(SpecificRecord record, Instant eventTime) {
    for (Schema.Field f : record.getSchema().getFields()) {
      if (eventTime.equals(record.get(f.pos()))) {
        return f.name();
      }
    }
    return "event time";
  }
}
