package cn.gxq.subsidy.app.command;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The topics {@code consume --topic} reads: what the pipeline writes (decisions, totals, dead
 * letters, finance's movements, settlements and control totals, and the access log), then every
 * record kind of the catalogue (what publishers sent).
 */
public final class ConsumableTopics implements Iterable<String> {

  static final List<String> OUTPUTS =
      List.of(
          "decisions",
          "totals",
          "deadletter",
          "movements",
          "settlements",
          "control-totals",
          "access-log");

  @Override
  public Iterator<String> iterator() {
    return Stream.concat(
            OUTPUTS.stream(), StreamSupport.stream(new RecordKindNames().spliterator(), false))
        .iterator();
  }

  /** All of them, as an error message lists them. */
  static String listed() {
    return String.join(", ", new ConsumableTopics());
  }
}
