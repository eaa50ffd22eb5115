package cn.gxq.subsidy.app.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Compares the finance database's figures with the platform's control totals, bucket by bucket. */
public final class Reconciliation {

  /** One bucket: what the platform counted, what the finance database holds, and whether equal. */
  public record Line(String bucket, DayFigures platform, DayFigures finance) {
    public boolean agrees() {
      return platform.agrees(finance);
    }
  }

  private Reconciliation() {}

  /** Every bucket either side knows for the day, in order; a side without it counts nothing. */
  public static List<Line> compare(
      Map<String, DayFigures> platform, Map<String, DayFigures> finance) {
    final TreeSet<String> buckets = new TreeSet<>(platform.keySet());
    buckets.addAll(finance.keySet());
    final List<Line> lines = new ArrayList<>();
    for (String bucket : buckets) {
      lines.add(
          new Line(
              bucket,
              platform.getOrDefault(bucket, DayFigures.NONE),
              finance.getOrDefault(bucket, DayFigures.NONE)));
    }
    return lines;
  }
}
