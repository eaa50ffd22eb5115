package cn.gxq.subsidy.app.command;

import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.policy.PolicyBook;
import cn.gxq.subsidy.policy.PolicyException;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import cn.gxq.subsidy.whatif.WhatIf;
import cn.gxq.subsidy.whatif.WhatIfComparison;
import cn.gxq.subsidy.whatif.WhatIfReplay;
import cn.gxq.subsidy.whatif.WhatIfReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code whatif --policy FILE}: replays every recorded application revision and budget under the
 * policy book with a candidate in place of one of its versions, apart from the live decisions, and
 * compares the outcome with them.
 */
@Command(
    name = "whatif",
    mixinStandardHelpOptions = true,
    description =
        "Replay the recorded applications under the policy book with a candidate in place of"
            + " one version (its own Kafka Streams application and whatif.NAME. topics; no live"
            + " topic is written) and compare with the live decisions.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {"0:replayed and compared", "1:the replay failed", "2:usage error"})
public final class WhatIfCommand implements Callable<Integer> {

  @Mixin public ClusterOptions cluster;

  @Option(
      names = "--policy",
      required = true,
      paramLabel = "FILE",
      description =
          "Candidate policy file (any version name). It takes the place of the bundled version"
              + " that takes effect on its effectiveFrom date (or of --replaces); the other"
              + " versions stay, each in force over its own dates. A date of its own adds it.")
  public Path policy;

  @Option(
      names = "--replaces",
      paramLabel = "VERSION",
      description = "The bundled version the candidate replaces, whatever its date.")
  String replaces;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description =
          "Name of the run: application id whatif.NAME, topics whatif.NAME.…; letters, digits"
              + " and _ (default: the policy version with _ for dots). The same name again"
              + " starts clean.")
  public String name;

  @Option(
      names = "--budgets",
      paramLabel = "FILE",
      description =
          "Budgets replacing the live ones for this run: JSON lines as for produce --type budget.")
  public Path budgets;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the comparison as JSON.")
  public Path json;

  @Option(
      names = "--data-dir",
      defaultValue = "data",
      paramLabel = "DIR",
      description =
          "The replay's Streams state goes to DIR/whatif/NAME, its result to"
              + " DIR/whatif/NAME.json (default: ${DEFAULT-VALUE}).")
  public Path dataDir;

  @Option(
      names = "--streams-config",
      paramLabel = "KEY=VALUE",
      description = "A Kafka Streams or client property for the replay, over its defaults.")
  Map<String, String> streamsConfig = new LinkedHashMap<>();

  /** Where progress and errors go (a test listens). */
  public PrintStream err = System.err;

  @Override
  public Integer call() {
    final Policy candidate;
    final Rulebook rulebook;
    try {
      candidate = PolicyBook.loadFile(policy);
      final PolicyBook.Candidacy book = PolicyBook.loadDefault().withCandidate(candidate, replaces);
      // Each programme binds and checks its own section here, before anything touches the cluster.
      rulebook = new Rulebook(book.book());
      err.println(
          "whatif: candidate "
              + candidate.version()
              + (book.replaced() == null ? " added" : " in place of " + book.replaced().version())
              + "; the book: "
              + book.book().describe());
    } catch (PolicyException e) {
      err.println("whatif: " + e.getMessage());
      return 2;
    }
    final String run = name != null ? name : candidate.version().replaceAll("[^A-Za-z0-9_]", "_");
    if (!WhatIf.NAMES.matcher(run).matches()) {
      err.println("whatif: --name: letters, digits and _ only, up to 100: '" + run + "'");
      return 2;
    }
    try (SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl)) {
      final WhatIfComparison.Result result =
          replayAndCompare(run, rulebook, candidate.version(), registry, err);
      System.out.print(WhatIfReport.table(result));
      final Path saved = WhatIf.resultFile(dataDir, run);
      WhatIfReport.writeJson(result, saved);
      if (json != null) {
        WhatIfReport.writeJson(result, json);
      }
      err.println("whatif: result in " + (json != null ? json + " and " : "") + saved);
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("whatif: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      err.println("whatif: failed: " + e);
      return 1;
    }
  }

  /**
   * Replays under {@code rulebook} (the book with the candidate named {@code candidate} in it) and
   * compares with live.
   */
  public WhatIfComparison.Result replayAndCompare(
      String run,
      Rulebook rulebook,
      String candidate,
      SchemaRegistryClient registry,
      PrintStream progress)
      throws Exception {
    final WhatIfReplay.Settings settings =
        new WhatIfReplay.Settings(
            run,
            cluster.topics(),
            cluster.clientProperties(),
            WhatIf.stateDir(dataDir, run),
            budgets,
            streamsConfig);
    return WhatIf.replayAndCompare(settings, rulebook, candidate, registry, progress);
  }
}
