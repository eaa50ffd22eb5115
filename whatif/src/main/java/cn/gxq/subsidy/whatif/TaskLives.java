package cn.gxq.subsidy.whatif;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.processor.TaskId;

/**
 * Stops a what-if replay that would go on without its state. A replay's stores keep no changelog
 * (it starts clean and runs to the end or not at all), so a task that Kafka Streams re-creates
 * after it has processed records (a dirty close after an error, the group losing the member) would
 * restore nothing and decide the rest from empty stores. Its processors being initialised again is
 * the sign: the replay fails there, saying why, instead of reporting a wrong comparison. One
 * instance per topology: its {@link SnapshotFilter} wraps every processor of every task.
 */
final class TaskLives {

  private final Set<TaskId> processing = ConcurrentHashMap.newKeySet();

  /** A processor of {@code task} is initialised; throws if the task had processed records. */
  void initialised(TaskId task) {
    if (processing.contains(task)) {
      throw new IllegalStateException(
          "task "
              + task
              + " was re-created after it had processed records; a replay's stores keep no"
              + " changelog, so its state is gone: run the what-if again");
    }
  }

  /** A processor of {@code task} processes its first record. */
  void processes(TaskId task) {
    processing.add(task);
  }
}
