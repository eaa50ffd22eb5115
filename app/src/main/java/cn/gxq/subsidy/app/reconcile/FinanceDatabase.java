package cn.gxq.subsidy.app.reconcile;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Finance's side: the day's sums over the {@code movement} and {@code settlement} tables the
 * finance sinks keep (connectors/sql/finance/02-movement.sql), by bucket and China Standard Time
 * day, as the control totals count them.
 */
public final class FinanceDatabase {

  private static final String MOVEMENTS =
      "SELECT zone || ':' || programme || ':' || year, count(*), sum(change), sum(to_recover)"
          + " FROM movement WHERE (occurred_at AT TIME ZONE 'Asia/Shanghai')::date = ?"
          + " GROUP BY zone, programme, year";

  private static final String SETTLEMENTS =
      "SELECT m.zone || ':' || m.programme || ':' || m.year,"
          + " coalesce(sum(s.amount) FILTER (WHERE s.amount > 0), 0),"
          + " coalesce(-sum(s.amount) FILTER (WHERE s.amount < 0), 0)"
          + " FROM settlement s JOIN movement m ON m.movement_id = s.movement_id"
          + " WHERE (s.settled_at AT TIME ZONE 'Asia/Shanghai')::date = ?"
          + " GROUP BY m.zone, m.programme, m.year";

  private FinanceDatabase() {}

  /** Bucket → the day's figures in the finance database at {@code url}. */
  public static Map<String, DayFigures> read(String url, Properties credentials, LocalDate day)
      throws SQLException {
    final Map<String, DayFigures> figures = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url, credentials)) {
      try (PreparedStatement s = c.prepareStatement(MOVEMENTS)) {
        s.setObject(1, day);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            figures.put(
                r.getString(1),
                new DayFigures(
                    r.getLong(2), money(r, 3), money(r, 4), DayFigures.ZERO, DayFigures.ZERO));
          }
        }
      }
      try (PreparedStatement s = c.prepareStatement(SETTLEMENTS)) {
        s.setObject(1, day);
        try (ResultSet r = s.executeQuery()) {
          while (r.next()) {
            final DayFigures moved = figures.getOrDefault(r.getString(1), DayFigures.NONE);
            figures.put(
                r.getString(1),
                new DayFigures(
                    moved.movements(),
                    moved.change(),
                    moved.toRecover(),
                    money(r, 2),
                    money(r, 3)));
          }
        }
      }
    }
    return figures;
  }

  private static BigDecimal money(ResultSet r, int column) throws SQLException {
    final BigDecimal value = r.getBigDecimal(column);
    return value == null ? DayFigures.ZERO : value;
  }
}
