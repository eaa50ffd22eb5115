package cn.gxq.subsidy.topology;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * Every warning or worse logged by anyone while open: the real logging (log4j behind slf4j, as in
 * {@code run}), not a mock, so a warning Kafka itself prints is caught too.
 */
final class CapturedWarnings implements AutoCloseable {

  private static final String NAME = "captured-warnings";

  private final List<String> messages = new CopyOnWriteArrayList<>();
  private final LoggerContext context = (LoggerContext) LogManager.getContext(false);
  private final Collector collector = new Collector();

  CapturedWarnings() {
    collector.start();
    final Configuration config = context.getConfiguration();
    config.getRootLogger().addAppender(collector, Level.WARN, null);
    context.updateLoggers();
  }

  /** The messages caught so far, each as "LOGGER - text". */
  List<String> messages() {
    return List.copyOf(messages);
  }

  @Override
  public void close() {
    context.getConfiguration().getRootLogger().removeAppender(NAME);
    context.updateLoggers();
    collector.stop();
  }

  private final class Collector extends AbstractAppender {

    Collector() {
      super(NAME, null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
      messages.add(event.getLoggerName() + " - " + event.getMessage().getFormattedMessage());
    }
  }
}
