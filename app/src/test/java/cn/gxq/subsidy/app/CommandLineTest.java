package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.programme.Catalogue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * What {@code bin/subsidy} says and exits with before it touches a cluster: help texts that name
 * every record kind of the programme catalogue, and usage errors exiting 2.
 */
class CommandLineTest {

  @Test
  void produceHelpNamesEveryRecordKindOfTheCatalogue() {
    final String help = run("produce", "--help").out();
    for (RecordKind kind : Catalogue.publishedKinds()) {
      assertThat(help).as(help).contains(kind.name());
    }
  }

  @Test
  void consumeHelpAndItsUnknownTopicErrorNameEveryTopicOfTheCatalogue() {
    final String help = run("consume", "--help").out();
    final Run unknown =
        run(
            "consume",
            "--topic",
            "nope",
            "--bootstrap-servers",
            "127.0.0.1:1",
            "--schema-registry-url",
            "http://127.0.0.1:1");
    assertThat(unknown.status()).isEqualTo(2);
    for (String text : new String[] {help, unknown.err()}) {
      assertThat(text).contains("decisions", "totals", "deadletter");
      for (RecordKind kind : Catalogue.publishedKinds()) {
        assertThat(text).as(text).contains(kind.name());
      }
    }
  }

  @Test
  void noCommandIsAUsageErrorExitingTwo() {
    final Run none = run();
    assertThat(none.status()).isEqualTo(2);
    assertThat(none.err()).contains("Usage: subsidy").contains("produce").contains("whatif");
    assertThat(run("--help").status()).isZero();
  }

  private record Run(int status, String out, String err) {}

  /** The CLI as {@code bin/subsidy} runs it, with stdout and stderr caught. */
  private static Run run(String... args) {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final ByteArrayOutputStream systemErr = new ByteArrayOutputStream();
    final PrintStream before = System.err;
    final int status;
    System.setErr(new PrintStream(systemErr, true, StandardCharsets.UTF_8));
    try {
      status =
          new CommandLine(new SubsidyCli())
              .setOut(new PrintWriter(out, true))
              .setErr(new PrintWriter(err, true))
              .execute(args);
    } finally {
      System.setErr(before);
    }
    return new Run(status, out.toString(), err + systemErr.toString(StandardCharsets.UTF_8));
  }
}
