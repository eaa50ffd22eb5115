package cn.gxq.subsidy.benchmark;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.Callback;

/** The first failed send of a phase; a benchmark that lost records has no result. */
final class Failures {

  private static final AtomicReference<Exception> FIRST = new AtomicReference<>();

  static final Callback CALLBACK =
      (metadata, exception) -> {
        if (exception != null) {
          FIRST.compareAndSet(null, exception);
        }
      };

  private Failures() {}

  static void check() {
    final Exception e = FIRST.get();
    if (e != null) {
      throw new IllegalStateException("a send failed: " + e, e);
    }
  }
}
