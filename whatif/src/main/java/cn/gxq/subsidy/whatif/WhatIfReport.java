package cn.gxq.subsidy.whatif;

import cn.gxq.subsidy.whatif.WhatIfComparison.Bucket;
import cn.gxq.subsidy.whatif.WhatIfComparison.Change;
import cn.gxq.subsidy.whatif.WhatIfComparison.Figures;
import cn.gxq.subsidy.whatif.WhatIfComparison.Result;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A comparison as a table for people and as JSON for programs (money as strings, like every other
 * JSON of the platform, so no amount passes through a double).
 */
public final class WhatIfReport {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String ROW = "%-32s %7s %7s %7s  %16s %16s %16s  %7s %7s %7s  %7s %7s %7s%n";

  private WhatIfReport() {}

  public static String table(Result result) {
    final StringBuilder out = new StringBuilder(summary(result));
    out.append(
        row(
            "",
            "approved",
            "",
            "",
            "approved yuan",
            "",
            "",
            "waitlisted",
            "",
            "",
            "rejected",
            "",
            ""));
    out.append(
        row(
            "bucket", "live", "whatif", "diff", "live", "whatif", "diff", "live", "whatif", "diff",
            "live", "whatif", "diff"));
    for (Bucket b : result.buckets()) {
      out.append(bucketRow(b));
    }
    return out.toString();
  }

  private static String summary(Result result) {
    String summary =
        String.format(
            Locale.ROOT,
            "%,d revisions replayed; %,d applications changed (status or approved amount): %,d by"
                + " the rules, %,d by competition for budgets and claims%n%n",
            result.applications(),
            result.changed(),
            result.changedBy(WhatIfComparison.Cause.RULES),
            result.changedBy(WhatIfComparison.Cause.COMPETITION));
    if (result.notDecidedLive() > 0) {
      summary +=
          String.format(
              Locale.ROOT,
              "%,d applications left out: live had not decided their last revision yet when the"
                  + " replay began%n%n",
              result.notDecidedLive());
    }
    return summary;
  }

  private static String bucketRow(Bucket b) {
    final Figures l = b.live();
    final Figures c = b.candidate();
    return row(
        b.zone() + ":" + b.programme() + ":" + b.year(),
        count(l.approved()),
        count(c.approved()),
        diff(c.approved() - l.approved()),
        money(l.approvedAmount()),
        money(c.approvedAmount()),
        moneyDiff(c.approvedAmount().subtract(l.approvedAmount())),
        count(l.waitlisted()),
        count(c.waitlisted()),
        diff(c.waitlisted() - l.waitlisted()),
        count(l.rejected()),
        count(c.rejected()),
        diff(c.rejected() - l.rejected()));
  }

  private static String row(String... cells) {
    return String.format(Locale.ROOT, ROW, (Object[]) cells);
  }

  static ObjectNode json(Result result) {
    final ObjectNode root = MAPPER.createObjectNode();
    root.put("applications", result.applications());
    root.put("changed", result.changed());
    root.put("changedByRules", result.changedBy(WhatIfComparison.Cause.RULES));
    root.put("changedByCompetition", result.changedBy(WhatIfComparison.Cause.COMPETITION));
    root.put("notDecidedLive", result.notDecidedLive());
    final ArrayNode buckets = root.putArray("buckets");
    for (Bucket b : result.buckets()) {
      final ObjectNode bucket = buckets.addObject();
      bucket.put("zone", b.zone());
      bucket.put("programme", b.programme());
      bucket.put("year", b.year());
      figures(bucket.putObject("live"), b.live());
      figures(bucket.putObject("candidate"), b.candidate());
    }
    final ArrayNode changes = root.putArray("changes");
    for (Change change : result.changes()) {
      final ObjectNode c = changes.addObject();
      c.put("applicationId", change.applicationId());
      c.put("programme", programme(change));
      c.put("cause", change.cause().name());
      decision(c, "live", change.live());
      decision(c, "candidate", change.candidate());
    }
    return root;
  }

  public static void writeJson(Result result, Path file) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), json(result));
  }

  private static void figures(ObjectNode node, Figures f) {
    node.put("approved", f.approved());
    node.put("approvedAmount", f.approvedAmount().toPlainString());
    node.put("waitlisted", f.waitlisted());
    node.put("rejected", f.rejected());
  }

  /**
   * {@code live}/{@code candidate}: status, requested and approved amount, reason codes; null when
   * not decided.
   */
  private static void decision(ObjectNode change, String side, DecidedApplication d) {
    if (d == null) {
      change.putNull(side);
      return;
    }
    final ObjectNode node = change.putObject(side);
    node.put("status", d.status().name());
    if (d.requestedAmount() != null) {
      node.put("requestedAmount", d.requestedAmount().toPlainString());
    }
    node.put("approvedAmount", d.approvedAmount().toPlainString());
    final ArrayNode reasons = node.putArray("reasons");
    d.reasons().forEach(reasons::add);
  }

  /** The programme of a changed application, from its bucket (ZONE:PROGRAMME:YEAR). */
  private static String programme(Change change) {
    final DecidedApplication side = change.live() != null ? change.live() : change.candidate();
    return side == null ? null : side.bucket().split(":")[1];
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String diff(long n) {
    return n == 0 ? "0" : String.format(Locale.ROOT, "%+,d", n);
  }

  private static String money(BigDecimal amount) {
    return String.format(Locale.ROOT, "%,.2f", amount);
  }

  private static String moneyDiff(BigDecimal amount) {
    return amount.signum() == 0 ? "0.00" : String.format(Locale.ROOT, "%+,.2f", amount);
  }
}
