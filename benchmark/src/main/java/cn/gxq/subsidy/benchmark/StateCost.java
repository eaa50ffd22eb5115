package cn.gxq.subsidy.benchmark;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.avro.internal.Holding;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Route;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.ledger.BudgetLedger;
import cn.gxq.subsidy.ledger.LedgerBook;
import cn.gxq.subsidy.ledger.LineEntry;
import cn.gxq.subsidy.ledger.RevisionRouter;
import cn.gxq.subsidy.ledger.RouteBook;
import cn.gxq.subsidy.ledger.Waiting;
import cn.gxq.subsidy.programme.ApplicationHeader;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.serde.InMemorySchemaRegistryClient;
import cn.gxq.subsidy.topology.Proposals;
import cn.gxq.subsidy.topology.SubsidySerdes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serializer;

/**
 * State-store operations and serialised bytes per application, counted exactly: the pipeline's
 * workload goes through the real rules, router and ledger in process, over books that count every
 * read, write, delete and range scan of each store and serialise every value written with the
 * application's own Avro serdes. The registry join's versioned lookup and the decisions table's
 * write are counted as one each. (Kafka Streams' caches then merge repeated writes of a key within
 * a commit: the changelog records the broker saw are in the pipeline's workload.)
 */
final class StateCost {

  /** Counts of one store. */
  static final class Counts {
    long reads;
    long writes;
    long deletes;
    long scans;
    long scanned;
    long bytesWritten;

    long operations() {
      return reads + writes + deletes + scans;
    }
  }

  private final Map<String, Counts> stores = new LinkedHashMap<>();
  private final SubsidySerdes serdes = new SubsidySerdes(new InMemorySchemaRegistryClient());

  static Map<String, Object> measure(DemoScenario scenario, List<Generated> applications) {
    return new StateCost().run(scenario, applications);
  }

  private Map<String, Object> run(DemoScenario scenario, List<Generated> applications) {
    final Rulebook rulebook = Rulebook.fromDefaultPolicy();
    final Map<String, Enterprise> registry = new HashMap<>();
    for (Generated g : scenario.enterprises()) {
      registry.put(g.key(), (Enterprise) g.value());
    }
    final RevisionRouter router = new RevisionRouter(new CountingRouteBook());
    final BudgetLedger ledger = new BudgetLedger(new CountingLedgerBook());
    for (Generated g : scenario.budgets()) {
      final Budget budget = (Budget) g.value();
      ledger.handle(
          new BucketKey(budget.getZone(), budget.getProgramme(), budget.getYear()),
          LedgerCommand.newBuilder().setCommand(budget).build(),
          g.eventTime());
    }
    stores.clear(); // count the applications only
    final Serializer<Decision> decisionBytes = serdes.decision().serializer();
    long decisions = 0;
    for (Generated g : applications) {
      final SpecificRecord application = g.value();
      count("registry (versioned, join)").reads++;
      final var proposal =
          Proposals.of(
              application, registry.get(ApplicationHeader.of(application).creditCode()), rulebook);
      final RevisionRouter.Routing routing = router.route(proposal);
      if (routing == null) {
        continue;
      }
      final List<BudgetLedger.Routed> pending = new ArrayList<>();
      pending.add(new BudgetLedger.Routed(routing.home(), routing.command()));
      while (!pending.isEmpty()) {
        final BudgetLedger.Routed next = pending.remove(0);
        final BudgetLedger.Effects effects =
            ledger.handle(next.bucket(), next.command(), g.eventTime());
        pending.addAll(effects.handovers());
        for (Decision d : effects.decisions()) {
          decisions++;
          final Counts table = count("decisions table");
          table.writes++;
          table.bytesWritten += decisionBytes.serialize("decisions", d).length;
        }
      }
    }
    final int n = applications.size();
    final Map<String, Object> m = new LinkedHashMap<>();
    m.put("applications", n);
    m.put("decisions", decisions);
    long operations = 0;
    long bytes = 0;
    final Map<String, Object> byStore = new LinkedHashMap<>();
    for (Map.Entry<String, Counts> e : stores.entrySet()) {
      final Counts c = e.getValue();
      operations += c.operations();
      bytes += c.bytesWritten;
      final Map<String, Object> s = new LinkedHashMap<>();
      s.put("readsPerApplication", Throughput.round((double) c.reads / n, 3));
      s.put("writesPerApplication", Throughput.round((double) c.writes / n, 3));
      s.put("deletesPerApplication", Throughput.round((double) c.deletes / n, 3));
      s.put("scansPerApplication", Throughput.round((double) c.scans / n, 3));
      s.put("entriesScannedPerApplication", Throughput.round((double) c.scanned / n, 3));
      s.put("bytesWrittenPerApplication", Throughput.round((double) c.bytesWritten / n, 1));
      byStore.put(e.getKey(), s);
    }
    m.put("operationsPerApplication", Throughput.round((double) operations / n, 2));
    m.put("bytesWrittenPerApplication", Throughput.round((double) bytes / n, 1));
    m.put("byStore", byStore);
    return m;
  }

  private Counts count(String store) {
    return stores.computeIfAbsent(store, s -> new Counts());
  }

  private <T extends SpecificRecord> long bytes(Class<T> type, T value) {
    return serdes.of(type).serializer().serialize("state-cost", value).length;
  }

  private final class CountingRouteBook implements RouteBook {
    private final Map<String, Route> routes = new HashMap<>();
    private final Map<String, String> claims = new HashMap<>();
    private final Map<String, Integer> serials = new HashMap<>();

    @Override
    public Route route(String applicationId) {
      count("ledger-routes").reads++;
      return routes.get(applicationId);
    }

    @Override
    public void putRoute(String applicationId, Route route) {
      final Counts c = count("ledger-routes");
      c.writes++;
      c.bytesWritten += bytes(Route.class, route);
      routes.put(applicationId, route);
    }

    @Override
    public String claimHolder(String claimKey) {
      count("ledger-claims").reads++;
      return claims.get(claimKey);
    }

    @Override
    public void putClaim(String claimKey, String applicationId) {
      final Counts c = count("ledger-claims");
      c.writes++;
      c.bytesWritten += applicationId.getBytes(StandardCharsets.UTF_8).length;
      claims.put(claimKey, applicationId);
    }

    @Override
    public int nextSerial(String series) {
      final Counts c = count("ledger-registrations");
      c.reads++;
      c.writes++;
      c.bytesWritten += Integer.BYTES;
      return serials.merge(series, 1, Integer::sum);
    }

    @Override
    public void deleteClaim(String claimKey) {
      count("ledger-claims").deletes++;
      claims.remove(claimKey);
    }
  }

  private final class CountingLedgerBook implements LedgerBook {
    private final Map<String, Holding> holdings = new HashMap<>();
    private final Map<BucketKey, BucketState> buckets = new HashMap<>();
    private final Map<BucketKey, TreeMap<Long, LineEntry>> lines = new HashMap<>();
    private final Map<String, LedgerCommand> parked = new HashMap<>();

    @Override
    public Holding holding(String applicationId) {
      count("ledger-holdings").reads++;
      final Holding h = holdings.get(applicationId);
      return h == null ? null : Holding.newBuilder(h).build();
    }

    @Override
    public void putHolding(String applicationId, Holding holding) {
      final Counts c = count("ledger-holdings");
      c.writes++;
      c.bytesWritten += bytes(Holding.class, holding);
      holdings.put(applicationId, Holding.newBuilder(holding).build());
    }

    @Override
    public void deleteHolding(String applicationId) {
      count("ledger-holdings").deletes++;
      holdings.remove(applicationId);
    }

    @Override
    public BucketState bucket(BucketKey bucket) {
      count("ledger-buckets").reads++;
      final BucketState s = buckets.get(bucket);
      return s == null ? null : BucketState.newBuilder(s).build();
    }

    @Override
    public void putBucket(BucketKey bucket, BucketState state) {
      final Counts c = count("ledger-buckets");
      c.writes++;
      c.bytesWritten += bytes(BucketState.class, state);
      buckets.put(bucket, BucketState.newBuilder(state).build());
    }

    @Override
    public void putInLine(BucketKey bucket, LineEntry entry) {
      final Counts c = count("ledger-line");
      c.writes++;
      c.bytesWritten += (entry.amount().toPlainString() + " " + entry.applicationId()).length();
      lines.computeIfAbsent(bucket, b -> new TreeMap<>()).put(entry.ticket(), entry);
    }

    @Override
    public void deleteFromLine(BucketKey bucket, LineEntry entry) {
      count("ledger-line").deletes++;
      lines.getOrDefault(bucket, new TreeMap<>()).remove(entry.ticket());
    }

    @Override
    public Waiting waitingAhead(BucketKey bucket, long ticket) {
      count("ledger-line").scans++; // the stores answer from an index kept in memory
      long n = 0;
      java.math.BigDecimal amount = java.math.BigDecimal.ZERO;
      for (LineEntry e : lines.getOrDefault(bucket, new TreeMap<>()).headMap(ticket).values()) {
        n++;
        amount = amount.add(e.amount());
      }
      return new Waiting(n, amount);
    }

    @Override
    public LineEntry firstNeedingAtMost(BucketKey bucket, java.math.BigDecimal amount) {
      final Counts c = count("ledger-line");
      c.scans++;
      for (LineEntry e : lines.getOrDefault(bucket, new TreeMap<>()).values()) {
        if (e.amount().compareTo(amount) <= 0) {
          c.scanned++; // the stores read just this one, found in the index kept in memory
          return e;
        }
      }
      return null;
    }

    @Override
    public void park(String applicationId, int afterRevision, LedgerCommand command) {
      final Counts c = count("ledger-parked");
      c.writes++;
      c.bytesWritten += bytes(LedgerCommand.class, command);
      parked.put(applicationId + "#" + afterRevision, command);
    }

    @Override
    public LedgerCommand unpark(String applicationId, int revision) {
      final Counts c = count("ledger-parked");
      c.reads++;
      final LedgerCommand command = parked.remove(applicationId + "#" + revision);
      if (command != null) {
        c.deletes++;
      }
      return command;
    }
  }
}
