package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Filter;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.Test;

/**
 * The launcher's log configuration ({@code log4j2.xml}, not the tests' own): Kafka clients' "not
 * known yet" warnings about topics just created are quiet, its warnings about an unreachable broker
 * are not, nor are Kafka Streams' warnings about its tables.
 */
class LogConfigTest {

  private static final String NETWORK_CLIENT = "org.apache.kafka.clients.NetworkClient";

  @Test
  void metadataNotYetKnownIsQuietButAnUnreachableBrokerIsNot() throws Exception {
    final LoggerConfig logger = config().getLoggerConfig(NETWORK_CLIENT);

    assertThat(
            shown(
                logger,
                "[Consumer clientId=whatif.x-StreamThread-1-consumer, groupId=whatif.x] The metadata"
                    + " response from the cluster reported a recoverable issue with correlation id"
                    + " {} : {}",
                8,
                "{whatif.x-ledger-by-bucket-repartition=UNKNOWN_TOPIC_OR_PARTITION}"))
        .isFalse();
    assertThat(
            shown(
                logger,
                "[Producer clientId=producer-1] Connection to node {} ({}) could not be established."
                    + " Node may not be available.",
                -1,
                "localhost/127.0.0.1:9092"))
        .isTrue();
  }

  /**
   * The decisions table no longer warns about releases from the waitlist (the topology reads it in
   * the topic's order: DecisionTableOrderTest), so its warnings are no longer silenced: one now
   * would be news.
   */
  @Test
  void kTableWarningsAreShown() throws Exception {
    final String source = "org.apache.kafka.streams.kstream.internals.KTableSource";
    assertThat(
            shown(
                config().getLoggerConfig(source),
                source,
                "Detected out-of-order KTable update for {}, old timestamp=[{}] new timestamp=[{}].",
                "decisions-by-application",
                2L,
                1L))
        .isTrue();
  }

  private static XmlConfiguration config() throws Exception {
    final XmlConfiguration config =
        new XmlConfiguration(
            null,
            ConfigurationSource.fromResource("log4j2.xml", LogConfigTest.class.getClassLoader()));
    config.initialize();
    return config;
  }

  private static boolean shown(LoggerConfig logger, String format, Object... args) {
    return shown(logger, NETWORK_CLIENT, format, args);
  }

  private static boolean shown(LoggerConfig logger, String name, String format, Object... args) {
    final LogEvent event =
        Log4jLogEvent.newBuilder()
            .setLoggerName(name)
            .setLevel(Level.WARN)
            .setMessage(new ParameterizedMessage(format, args))
            .build();
    if (!logger.getLevel().isLessSpecificThan(Level.WARN)) {
      return false;
    }
    final Filter filter = logger.getFilter();
    return filter == null || filter.filter(event) != Filter.Result.DENY;
  }
}
