package cn.gxq.subsidy.whatif;

import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The what-if as one call: replay the recorded stream under a rulebook ({@link WhatIfReplay}), read
 * both sides' decisions ({@link DecisionLog}) and compare them ({@link WhatIfComparison}). The
 * command line and the HTTP API use this and nothing else of the module.
 */
public final class WhatIf {

  /** A run's name: its application id is {@code whatif.NAME}, its topics {@code whatif.NAME.…}. */
  public static final Pattern NAMES = Pattern.compile("[A-Za-z0-9_]{1,100}");

  private WhatIf() {}

  /**
   * Replays under {@code rulebook} (the book with the candidate named {@code candidate} in it) and
   * compares with live as it stood when the replay began.
   */
  public static WhatIfComparison.Result replayAndCompare(
      WhatIfReplay.Settings settings,
      Rulebook rulebook,
      String candidate,
      SchemaRegistryClient registry,
      PrintStream progress)
      throws Exception {
    final WhatIfReplay.Outcome outcome =
        new WhatIfReplay(settings).run(registry, rulebook, progress);
    progress.printf(
        Locale.ROOT,
        "whatif: %,d records replayed under policy %s in %.1f s; comparing%n",
        outcome.records(),
        candidate,
        outcome.took().toMillis() / 1000.0);
    final DecisionLog replayed =
        DecisionLog.read(settings.client(), registry, outcome.topics().decisions(), d -> true);
    final Map<String, DecidedApplication> decided = replayed.latest();
    // Live as it stood when the replay began, each application as of the revision the replay
    // ended with: a later amendment is beyond the snapshot.
    final DecisionLog live =
        DecisionLog.read(
            settings.client(),
            registry,
            settings.live().decisions(),
            outcome.liveDecisions(),
            d -> {
              final DecidedApplication c = decided.get(d.getApplicationId());
              return c != null && d.getRevision() <= c.revision();
            });
    return WhatIfComparison.compare(live.latest(), decided, replayed.revisions());
  }

  /** Where a finished run's result is kept for the HTTP API: {@code DIR/whatif/NAME.json}. */
  public static Path resultFile(Path dataDir, String run) {
    return dataDir.resolve("whatif").resolve(run + ".json");
  }

  /** Where a run's Streams state goes: {@code DIR/whatif/NAME}. */
  public static Path stateDir(Path dataDir, String run) {
    return dataDir.resolve("whatif").resolve(run);
  }
}
