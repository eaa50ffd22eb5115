package cn.gxq.subsidy.app.http;

import cn.gxq.subsidy.app.people.AccessGate;
import cn.gxq.subsidy.app.people.HttpSecurity;
import cn.gxq.subsidy.app.people.Person;
import cn.gxq.subsidy.app.streams.LocalStores;
import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.topology.DecisionHistoryStore;
import cn.gxq.subsidy.topology.LedgerStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers questions from the pipeline's state. The current decision of an application lives in the
 * decisions table, partitioned by application id like the decisions topic; bucket totals live with
 * the bucket ledger (partitioned by bucket) and ALL sums with their aggregation. A partition this
 * instance does not own is asked of its owner over HTTP ({@code application.server}) with {@code
 * local=true}, which the owner answers from its own state or refuses with 503 if it no longer owns
 * it. Answers come only while Streams is RUNNING: during a rebalance or restore the caller gets 503
 * and {@code Retry-After}, never a stale or partial answer.
 */
public final class DecisionQueries {

  static final int DEFAULT_LATEST = 20;
  public static final int MAX_LATEST = 200;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Comparator<JsonNode> TOTALS_ORDER =
      Comparator.<JsonNode, String>comparing(t -> t.path("year").asText())
          .thenComparing(t -> t.path("programme").asText())
          .thenComparing(t -> "ALL".equals(t.path("zone").asText()) ? "" : t.path("zone").asText());

  private final KafkaStreams streams;
  private final HostInfo self;
  private final RecentDecisions recent;
  private final PeerClient peers;
  private final RecordJson json = new RecordJson();

  private final Function<byte[], Decision> decode;

  /**
   * @param decode reads a decision as the decisions topic holds it (the table keeps its bytes)
   */
  public DecisionQueries(
      KafkaStreams streams,
      HostInfo self,
      RecentDecisions recent,
      Function<byte[], Decision> decode,
      HttpSecurity security) {
    this.peers = new PeerClient(security);
    this.streams = streams;
    this.self = self;
    this.recent = recent;
    this.decode = decode;
  }

  String state() {
    return streams.state().name();
  }

  /** {@code GET /applications/{id}}: the current decision, from whichever instance owns it. */
  void application(Context ctx, String id) {
    final Optional<JsonNode> found =
        fromOwner(
            ctx,
            id,
            "",
            partition ->
                Optional.ofNullable(this.<byte[]>store(LedgerStores.DECISIONS, partition).get(id))
                    .map(decode)
                    .map(json::toTree));
    if (found.isPresent()) {
      AccessGate.application(ctx, id, zoneOf(found.get()));
      ctx.json(found.get());
      return;
    }
    ApiServer.error(ctx, 404, "no decision for application '" + Shown.shortened(id) + "'");
  }

  /** The zone a decision (or the newest of a history) names; null if none is registered. */
  private static String zoneOf(JsonNode decisionOrHistory) {
    final JsonNode decision =
        decisionOrHistory.isArray()
            ? decisionOrHistory.get(decisionOrHistory.size() - 1)
            : decisionOrHistory;
    final JsonNode zone = decision == null ? null : decision.get("zone");
    return zone == null || !zone.isTextual() ? null : zone.asText();
  }

  /**
   * {@code GET /applications/{id}/history}: the application's decisions, oldest first, from
   * whichever instance owns it. An application decided before the history store existed has only
   * its current decision to show.
   */
  void history(Context ctx, String id) {
    final Optional<JsonNode> found =
        fromOwner(ctx, id, "/history", partition -> localHistory(id, partition));
    if (found.isPresent()) {
      AccessGate.application(ctx, id, zoneOf(found.get()));
      ctx.json(found.get());
      return;
    }
    ApiServer.error(ctx, 404, "no decision for application '" + Shown.shortened(id) + "'");
  }

  private Optional<JsonNode> localHistory(String id, int partition) {
    final ArrayNode body = MAPPER.createArrayNode();
    final List<byte[]> kept =
        DecisionHistoryStore.read(this.<byte[]>store(DecisionHistoryStore.STORE, partition), id);
    if (!kept.isEmpty()) {
      kept.forEach(d -> body.add(json.toTree(decode.apply(d))));
    } else {
      final byte[] current = this.<byte[]>store(LedgerStores.DECISIONS, partition).get(id);
      if (current == null) {
        return Optional.empty();
      }
      body.add(json.toTree(decode.apply(current)));
    }
    return Optional.of(body);
  }

  /**
   * The answer about application {@code id} from the instance that owns its partition: read here by
   * {@code local} if this is the owner, else asked of the owner at {@code /applications/{id}} +
   * {@code suffix}. Both stores of an application are partitioned alike, so one owner holds both.
   */
  private Optional<JsonNode> fromOwner(
      Context ctx, String id, String suffix, IntFunction<Optional<JsonNode>> local) {
    final boolean hop = isHop(ctx);
    requireRunning();
    final KeyQueryMetadata owner =
        streams.queryMetadataForKey(LedgerStores.DECISIONS, id, Serdes.String().serializer());
    if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw new QueryUnavailableException("the decisions are being rebalanced or restored", null);
    }
    if (owner.activeHost().equals(self)) {
      return local.apply(owner.partition());
    }
    if (hop) {
      throw new QueryUnavailableException(
          "this instance no longer owns application '"
              + Shown.shortened(id)
              + "' (now "
              + owner.activeHost()
              + ")",
          null);
    }
    return peers.getLocal(
        owner.activeHost(), "/applications/" + PeerClient.pathSegment(id) + suffix, "");
  }

  /** {@code GET /totals?zone=&programme=&year=}: matching totals, from every instance. */
  void totals(Context ctx) {
    final Optional<String> zone = QueryParams.zone(ctx.queryParam("zone"));
    final Optional<Integer> year = QueryParams.year(ctx.queryParam("year"));
    final Optional<Programme> programme = QueryParams.programme(ctx.queryParam("programme"));
    requireRunning();
    final List<JsonNode> result = new ArrayList<>();
    final Predicate<Totals> wanted =
        t ->
            programme.map(p -> p == t.getProgramme()).orElse(true)
                && zone.map(z -> z.equals(t.getZone())).orElse(true)
                && year.map(y -> y == t.getYear()).orElse(true);
    this.<BucketState>localStore(LedgerStores.BUCKETS)
        .forEach(state -> addIf(result, state.getTotals(), wanted));
    this.<Totals>localStore(LedgerStores.ALL_TOTALS).forEach(t -> addIf(result, t, wanted));
    if (!isHop(ctx)) {
      final StringBuilder query = new StringBuilder();
      programme.ifPresent(p -> query.append('&').append(PeerClient.param("programme", p)));
      zone.ifPresent(z -> query.append('&').append(PeerClient.param("zone", z)));
      year.ifPresent(y -> query.append('&').append(PeerClient.param("year", y)));
      fromPeers("/totals", query.length() == 0 ? "" : query.substring(1), result);
    }
    result.sort(TOTALS_ORDER);
    final ArrayNode body = MAPPER.createArrayNode();
    result.forEach(body::add);
    ctx.json(body);
  }

  /**
   * {@code GET /reconciliation?zone=&programme=&date=}: the control totals of each bucket and day
   * (China Standard Time) that match, from every instance, for finance to check its books.
   */
  void reconciliation(Context ctx) {
    final Optional<String> zone = QueryParams.zone(ctx.queryParam("zone"));
    final Optional<Programme> programme = QueryParams.programme(ctx.queryParam("programme"));
    final Optional<LocalDate> date = QueryParams.date(ctx.queryParam("date"));
    requireRunning();
    final List<JsonNode> result = new ArrayList<>();
    for (ControlTotals t : this.<ControlTotals>localStore(LedgerStores.CONTROL_TOTALS)) {
      if (programme.map(p -> p == t.getProgramme()).orElse(true)
          && zone.map(z -> z.equals(t.getZone())).orElse(true)
          && date.map(d -> d.equals(t.getDate())).orElse(true)) {
        result.add(json.toTree(t));
      }
    }
    if (!isHop(ctx)) {
      final StringBuilder query = new StringBuilder();
      programme.ifPresent(p -> query.append('&').append(PeerClient.param("programme", p)));
      zone.ifPresent(z -> query.append('&').append(PeerClient.param("zone", z)));
      date.ifPresent(d -> query.append('&').append(PeerClient.param("date", d)));
      fromPeers("/reconciliation", query.length() == 0 ? "" : query.substring(1), result);
    }
    result.sort(
        Comparator.<JsonNode, String>comparing(n -> n.path("date").asText())
            .thenComparing(n -> n.path("zone").asText())
            .thenComparing(n -> n.path("programme").asText())
            .thenComparingInt(n -> n.path("year").asInt()));
    final ArrayNode body = MAPPER.createArrayNode();
    result.forEach(body::add);
    ctx.json(body);
  }

  /** Adds what every other instance holds locally for {@code path?query}. */
  private void fromPeers(String path, String query, List<JsonNode> result) {
    for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
      if (!instance.hostInfo().equals(self)) {
        peers
            .getLocal(instance.hostInfo(), path, query)
            .ifPresent(remote -> remote.forEach(result::add));
      }
    }
  }

  private void addIf(List<JsonNode> result, Totals totals, Predicate<Totals> wanted) {
    if (wanted.test(totals)) {
      result.add(json.toTree(totals));
    }
  }

  /**
   * {@code GET /decisions/latest?limit=}: the newest decisions emitted by every instance since it
   * started, newest (by decidedAt) first; an officer's of their zones only. An addition to the
   * contract, for the dashboard.
   */
  void latestDecisions(Context ctx) {
    final int limit = QueryParams.limit(ctx.queryParam("limit"), DEFAULT_LATEST, MAX_LATEST);
    final Person person = AccessGate.person(ctx);
    // An officer's newest are found among everyone's newest that this instance keeps.
    final int asked = person.seesEveryZone() ? limit : MAX_LATEST;
    final List<JsonNode> merged = new ArrayList<>();
    for (Decision d : recent.latest(asked)) {
      merged.add(json.toTree(d));
    }
    if (!isHop(ctx)) {
      for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
        if (!instance.hostInfo().equals(self)) {
          peers
              .getLocal(instance.hostInfo(), "/decisions/latest", PeerClient.param("limit", asked))
              .ifPresent(remote -> remote.forEach(merged::add));
        }
      }
    }
    merged.sort(
        Comparator.comparing((JsonNode d) -> Instant.parse(d.path("decidedAt").asText()))
            .reversed());
    final ArrayNode body = MAPPER.createArrayNode();
    merged.stream().filter(d -> person.seesZone(zoneOf(d))).limit(limit).forEach(body::add);
    ctx.json(body);
  }

  /** An internal hop from another instance: answer from local state only, never forward. */
  private static boolean isHop(Context ctx) {
    return QueryParams.local(ctx.queryParam("local"));
  }

  private void requireRunning() {
    final KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      throw new QueryUnavailableException(
          "the decision ledger is not queryable while " + state.name(), null);
    }
  }

  /** The values of every partition of a store this instance holds as active. */
  private <V> List<V> localStore(String name) {
    try {
      return LocalStores.values(streams, name);
    } catch (InvalidStateStoreException e) {
      throw new QueryUnavailableException(
          "state store " + name + " is not ready: " + e.getMessage(), e);
    }
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name, int partition) {
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
              .withPartition(partition));
    } catch (InvalidStateStoreException e) {
      throw new QueryUnavailableException(
          "state store " + name + " is not ready: " + e.getMessage(), e);
    }
  }
}
