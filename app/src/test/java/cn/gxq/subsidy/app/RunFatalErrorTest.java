package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.command.RunCommand;
import cn.gxq.subsidy.app.security.ClientConfig;
import cn.gxq.subsidy.app.start.ContractPublisher;
import cn.gxq.subsidy.app.streams.SubsidyApplication;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Mix;
import cn.gxq.subsidy.topology.TopologySettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

/**
 * A fatal pipeline error ends {@code run} with a message and exit status 1 instead of leaving a
 * zombie that answers 503 forever. The error is injected through {@code --streams-config-file}: a
 * producer limit no record fits makes every send fail, which no dead letter can absorb.
 */
class RunFatalErrorTest {

  @Test
  @Timeout(180)
  void aFatalStreamsErrorEndsRunWithAMessageAndExitOne() throws Exception {
    try (ClusterFixture cluster = new ClusterFixture(1)) {
      final Path dir = Files.createTempDirectory("run-fatal");
      final Path overrides = dir.resolve("streams.properties");
      Files.writeString(overrides, "max.request.size=120\n", StandardCharsets.UTF_8);
      final String[] args = {
        "--bootstrap-servers", cluster.bootstrap(),
        "--schema-registry-url", cluster.registry.url(),
        "--http-port", Integer.toString(freePort()),
        "--data-dir", dir.resolve("data").toString(),
        "--application-id", "run-fatal-it",
        "--partitions", "1",
        "--streams-config-file", overrides.toString(),
        "--streams-config", "session.timeout.ms=10000"
      };
      final ByteArrayOutputStream err = new ByteArrayOutputStream();
      final PrintStream originalErr = System.err;
      final ExecutorService runner = Executors.newSingleThreadExecutor();
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      try {
        final Future<Integer> exit =
            runner.submit(() -> new CommandLine(new RunCommand()).execute(args));
        // Applications arrive once run is up; deciding them needs a send, and every send fails.
        final DemoScenario scenario =
            DemoScenario.of(
                3L, 50, Instant.parse("2022-03-01T01:00:00Z"), Duration.ofMinutes(5), Mix.clean());
        try (ContractPublisher publisher =
            new ContractPublisher(
                ClientConfig.load(null, cluster.bootstrap()), cluster.client, cluster.topics)) {
          scenario.enterprises().forEach(publisher::publish);
          scenario.applicationGenerator().take(5).forEach(publisher::publish);
          publisher.flush();
        }
        assertThat(exit.get(150, TimeUnit.SECONDS)).isEqualTo(1);
      } finally {
        System.setErr(originalErr);
        runner.shutdownNow();
      }
      final String said = err.toString(StandardCharsets.UTF_8);
      assertThat(said).contains("run: fatal: ").contains("Kafka Streams");
    }
  }

  @Test
  void streamsConfigIsAppliedLastOverTheDefaults() {
    final SubsidyApplication.Settings settings =
        new SubsidyApplication.Settings(
            "app",
            "127.0.0.1:1",
            Path.of("state"),
            1,
            (short) 1,
            "127.0.0.1:1",
            TopologySettings.defaults(),
            Map.of(),
            Map.of(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "1000", "session.timeout.ms", "10000"));
    final Properties config = SubsidyApplication.config(settings, Topics.defaults());
    assertThat(config.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("1000");
    assertThat(config.get("session.timeout.ms")).isEqualTo("10000");
  }

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
