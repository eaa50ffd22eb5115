package cn.gxq.subsidy.whatif;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.processor.TaskId;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

/** A replay's task re-created after it processed records stops the replay, saying why. */
class TaskLivesTest {

  private final SnapshotFilter filter = new SnapshotFilter();
  private final List<String> seen = new ArrayList<>();

  TaskLivesTest() {
    filter.configure(Map.of());
  }

  private Processor<String, String, String, String> processor() {
    return filter
        .<String, String, String, String>wrapProcessorSupplier(
            "p",
            () ->
                new Processor<>() {
                  @Override
                  public void init(ProcessorContext<String, String> context) {}

                  @Override
                  public void process(Record<String, String> record) {
                    seen.add(record.value());
                  }
                })
        .get();
  }

  private static MockProcessorContext<String, String> context(TaskId task) {
    final MockProcessorContext<String, String> context =
        new MockProcessorContext<>(new Properties(), task, null);
    context.setRecordMetadata("whatif.x-ledger-by-bucket-repartition", 0, 7);
    return context;
  }

  @Test
  void aTaskStartedAgainBeforeItProcessedAnythingGoesOn() {
    final MockProcessorContext<String, String> context = context(new TaskId(1, 0));
    processor().init(context);
    processor().init(context); // e.g. the first assignment settling: nothing was lost
    final Processor<String, String, String, String> started = processor();
    started.init(context);
    started.process(new Record<>("k", "a", 0L));

    assertThat(seen).containsExactly("a");
  }

  @Test
  void aTaskReCreatedAfterItProcessedStopsTheReplay() {
    final TaskId task = new TaskId(1, 0);
    final Processor<String, String, String, String> first = processor();
    first.init(context(task));
    first.process(new Record<>("k", "a", 0L));
    processor().init(context(new TaskId(2, 0))); // another task starting is no loss

    assertThatThrownBy(() -> processor().init(context(task)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("task 1_0 was re-created")
        .hasMessageContaining("run the what-if again");
    assertThat(seen).containsExactly("a");
  }
}
