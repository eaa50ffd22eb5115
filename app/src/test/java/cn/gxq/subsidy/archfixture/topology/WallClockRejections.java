package cn.gxq.subsidy.archfixture.topology;

import java.time.Duration;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Deliberately wrong, for ArchitectureTest: a processor that rejects what waited too long by the
 * wall clock, so the same records decide differently on a slow day.
 */
public final class WallClockRejections implements Processor<String, String, String, String> {

  private ProcessorContext<String, String> context;

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    context.schedule(Duration.ofMinutes(1), PunctuationType.WALL_CLOCK_TIME, now -> rejectLate());
  }

  @Override
  public void process(Record<String, String> record) {
    context.forward(record);
  }

  private void rejectLate() {
    context.forward(new Record<>("late", "REJECTED", 0L));
  }
}
