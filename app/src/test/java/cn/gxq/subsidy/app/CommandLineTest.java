package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.programme.Catalogue;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

  @Test
  void usersAreAddedListedAndRemovedWithoutTheirPasswordsShowing(@TempDir Path dir)
      throws Exception {
    final Path file = dir.resolve("users.json");
    final java.io.InputStream stdin = System.in;
    try {
      System.setIn(
          new java.io.ByteArrayInputStream(
              "a long enough password\n".getBytes(StandardCharsets.UTF_8)));
      final Run added =
          run(
              "users",
              "add",
              "li.wei",
              "--role",
              "officer",
              "--zone",
              "ZGC",
              "--password-stdin",
              "--file",
              file.toString());
      assertThat(added.status()).as(added.err()).isZero();
      System.setIn(new java.io.ByteArrayInputStream("short\n".getBytes(StandardCharsets.UTF_8)));
      final Run tooShort =
          run(
              "users",
              "add",
              "x",
              "--role",
              "auditor",
              "--password-stdin",
              "--file",
              file.toString());
      assertThat(tooShort.status()).isEqualTo(1);
      assertThat(tooShort.err()).contains("12 characters");
      System.setIn(
          new java.io.ByteArrayInputStream(
              "a long enough password\n".getBytes(StandardCharsets.UTF_8)));
      final Run officerWithoutZone =
          run(
              "users",
              "add",
              "x",
              "--role",
              "officer",
              "--password-stdin",
              "--file",
              file.toString());
      assertThat(officerWithoutZone.status()).isEqualTo(1);
      assertThat(officerWithoutZone.err()).contains("zones");
    } finally {
      System.setIn(stdin);
    }
    final Run listed = runCapturingStdout("users", "list", "--file", file.toString());
    assertThat(listed.out()).contains("li.wei", "[officer]", "[ZGC]").doesNotContain("$2b$");
    assertThat(java.nio.file.Files.readString(file)).doesNotContain("a long enough password");
    assertThat(run("users", "remove", "nobody", "--file", file.toString()).status()).isEqualTo(1);
    assertThat(run("users", "remove", "li.wei", "--file", file.toString()).status()).isZero();
    assertThat(runCapturingStdout("users", "list", "--file", file.toString()).out())
        .doesNotContain("li.wei");
    assertThat(run("users").status()).isEqualTo(2);
  }

  /** As {@link #run}, with what the command prints to System.out too. */
  private static Run runCapturingStdout(String... args) {
    final ByteArrayOutputStream systemOut = new ByteArrayOutputStream();
    final PrintStream before = System.out;
    System.setOut(new PrintStream(systemOut, true, StandardCharsets.UTF_8));
    try {
      final Run run = run(args);
      return new Run(
          run.status(), run.out() + systemOut.toString(StandardCharsets.UTF_8), run.err());
    } finally {
      System.setOut(before);
    }
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
