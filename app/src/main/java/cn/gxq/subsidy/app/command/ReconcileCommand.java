package cn.gxq.subsidy.app.command;

import cn.gxq.subsidy.app.reconcile.ControlTotalsTopic;
import cn.gxq.subsidy.app.reconcile.DayFigures;
import cn.gxq.subsidy.app.reconcile.FinanceDatabase;
import cn.gxq.subsidy.app.reconcile.Reconciliation;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code reconcile --jdbc-url URL --date D}: compares a finance database's movements and
 * settlements of one day with the platform's control totals, bucket by bucket.
 */
@Command(
    name = "reconcile",
    mixinStandardHelpOptions = true,
    description =
        "Compare a finance database (the movement and settlement tables of the finance sinks)"
            + " with the platform's control totals of one day (China Standard Time), per bucket.",
    exitCodeListHeading = "Exit status:%n",
    exitCodeList = {
      "0:every bucket agrees",
      "1:some bucket differs (listed)",
      "2:usage error",
      "3:the database or the cluster could not be read"
    })
public final class ReconcileCommand implements Callable<Integer> {

  @Mixin public ClusterOptions cluster;

  @Option(
      names = "--jdbc-url",
      required = true,
      paramLabel = "URL",
      description = "The finance database, e.g. jdbc:postgresql://host:5432/finance.")
  String jdbcUrl;

  @Option(names = "--jdbc-user", paramLabel = "USER", description = "Database user.")
  String jdbcUser;

  @Option(
      names = "--jdbc-password",
      paramLabel = "PASSWORD",
      description = "Database password (default: the environment's FINANCE_DB_PASSWORD).")
  String jdbcPassword;

  @Option(
      names = "--date",
      required = true,
      paramLabel = "YYYY-MM-DD",
      description = "The day to reconcile, China Standard Time.")
  LocalDate date;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    final PrintWriter out = spec.commandLine().getOut();
    final PrintWriter err = spec.commandLine().getErr();
    final Map<String, DayFigures> platform;
    final Map<String, DayFigures> finance;
    try (SchemaRegistryClient registry = new RestSchemaRegistryClient(cluster.schemaRegistryUrl)) {
      platform =
          ControlTotalsTopic.read(
              cluster.clientProperties(), registry, cluster.topics().controlTotals(), date);
      finance = FinanceDatabase.read(jdbcUrl, credentials(), date);
    } catch (SQLException e) {
      err.println("reconcile: the finance database: " + e.getMessage());
      return 3;
    } catch (RuntimeException e) {
      err.println("reconcile: the control totals: " + e.getMessage());
      return 3;
    }
    final List<Reconciliation.Line> lines = Reconciliation.compare(platform, finance);
    long differing = 0;
    for (Reconciliation.Line line : lines) {
      if (line.agrees()) {
        out.printf("agrees   %s  %s%n", line.bucket(), line.platform());
      } else {
        differing++;
        out.printf(
            "DIFFERS  %s%n         platform: %s%n         finance:  %s%n",
            line.bucket(), line.platform(), line.finance());
      }
    }
    out.printf(
        "reconcile %s: %d bucket(s), %d agree, %d differ%n",
        date, lines.size(), lines.size() - differing, differing);
    out.flush();
    return differing == 0 ? 0 : 1;
  }

  private Properties credentials() {
    final Properties credentials = new Properties();
    if (jdbcUser != null) {
      credentials.put("user", jdbcUser);
    }
    final String password =
        jdbcPassword != null ? jdbcPassword : System.getenv("FINANCE_DB_PASSWORD");
    if (password != null) {
      credentials.put("password", password);
    }
    return credentials;
  }
}
