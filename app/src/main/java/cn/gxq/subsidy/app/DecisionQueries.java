package cn.gxq.subsidy.app;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.internal.ApplicationState;
import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.topology.LedgerStores;
import cn.gxq.subsidy.topology.ProgrammePartitioner;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers questions from the decision ledger's state. The ledger is partitioned by programme, so a
 * question about an application goes to the owners of at most three partitions; a partition this
 * instance does not own is asked of its owner over HTTP ({@code application.server}) with {@code
 * local=true&programme=P}, which the owner answers from that one partition or refuses with 503 if
 * it no longer owns it. Answers come only while Streams is RUNNING: during a rebalance or restore
 * the caller gets 503 and {@code Retry-After}, never a stale or partial answer.
 */
final class DecisionQueries {

  static final int DEFAULT_LATEST = 20;
  static final int MAX_LATEST = 200;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ProgrammePartitioner<Object> PARTITIONER = new ProgrammePartitioner<>();
  private static final Comparator<JsonNode> TOTALS_ORDER =
      Comparator.<JsonNode, String>comparing(t -> t.path("year").asText())
          .thenComparing(t -> t.path("programme").asText())
          .thenComparing(t -> "ALL".equals(t.path("zone").asText()) ? "" : t.path("zone").asText());

  private final KafkaStreams streams;
  private final HostInfo self;
  private final RecentDecisions recent;
  private final PeerClient peers = new PeerClient();
  private final RecordJson json = new RecordJson();

  DecisionQueries(KafkaStreams streams, HostInfo self, RecentDecisions recent) {
    this.streams = streams;
    this.self = self;
    this.recent = recent;
  }

  DecisionQueries(KafkaStreams streams, HostInfo self) {
    this(streams, self, new RecentDecisions(MAX_LATEST));
  }

  String state() {
    return streams.state().name();
  }

  /** {@code GET /applications/{id}}: the current decision, from whichever instance owns it. */
  void application(Context ctx, String id) {
    final boolean hop = isHop(ctx);
    final List<Programme> programmes =
        hop ? List.of(hopProgramme(ctx)) : List.of(Programme.values());
    requireRunning();
    for (Programme programme : programmes) {
      final KeyQueryMetadata owner = owner(programme);
      final Optional<JsonNode> found;
      if (owner.activeHost().equals(self)) {
        final ApplicationState state =
            this.<ApplicationState>store(LedgerStores.APPLICATIONS, owner).get(id);
        found = Optional.ofNullable(state).map(s -> json.toTree(s.getDecision()));
      } else if (hop) {
        throw notOwner(programme, owner);
      } else {
        found =
            peers.getLocal(
                owner.activeHost(),
                "/applications/" + PeerClient.pathSegment(id),
                PeerClient.param("programme", programme.name()));
      }
      if (found.isPresent()) {
        ctx.json(found.get());
        return;
      }
    }
    ApiServer.error(ctx, 404, "no decision for application '" + id + "'");
  }

  /** {@code GET /totals?zone=&programme=&year=}: matching totals, from every owner. */
  void totals(Context ctx) {
    final Optional<String> zone = QueryParams.zone(ctx.queryParam("zone"));
    final Optional<Integer> year = QueryParams.year(ctx.queryParam("year"));
    final boolean hop = isHop(ctx);
    final List<Programme> programmes =
        hop
            ? List.of(hopProgramme(ctx))
            : QueryParams.programme(ctx.queryParam("programme"))
                .map(List::of)
                .orElse(List.of(Programme.values()));
    requireRunning();
    final List<JsonNode> result = new ArrayList<>();
    for (Programme programme : programmes) {
      final KeyQueryMetadata owner = owner(programme);
      if (owner.activeHost().equals(self)) {
        try (KeyValueIterator<String, BucketState> it =
            this.<BucketState>store(LedgerStores.BUCKETS, owner).all()) {
          it.forEachRemaining(
              kv -> {
                final var t = kv.value.getTotals();
                if (t.getProgramme() == programme
                    && zone.map(z -> z.equals(t.getZone())).orElse(true)
                    && year.map(y -> y == t.getYear()).orElse(true)) {
                  result.add(json.toTree(t));
                }
              });
        }
      } else if (hop) {
        throw notOwner(programme, owner);
      } else {
        final StringBuilder query = new StringBuilder(PeerClient.param("programme", programme));
        zone.ifPresent(z -> query.append('&').append(PeerClient.param("zone", z)));
        year.ifPresent(y -> query.append('&').append(PeerClient.param("year", y)));
        peers
            .getLocal(owner.activeHost(), "/totals", query.toString())
            .ifPresent(remote -> remote.forEach(result::add));
      }
    }
    result.sort(TOTALS_ORDER);
    final ArrayNode body = MAPPER.createArrayNode();
    result.forEach(body::add);
    ctx.json(body);
  }

  /**
   * {@code GET /decisions/latest?limit=}: the newest decisions emitted by every instance since it
   * started, newest (by decidedAt) first. An addition to the contract, for the dashboard.
   */
  void latestDecisions(Context ctx) {
    final int limit = QueryParams.limit(ctx.queryParam("limit"), DEFAULT_LATEST, MAX_LATEST);
    final List<JsonNode> merged = new ArrayList<>();
    for (Decision d : recent.latest(limit)) {
      merged.add(json.toTree(d));
    }
    if (!isHop(ctx)) {
      for (StreamsMetadata instance : streams.metadataForAllStreamsClients()) {
        if (!instance.hostInfo().equals(self)) {
          peers
              .getLocal(instance.hostInfo(), "/decisions/latest", PeerClient.param("limit", limit))
              .ifPresent(remote -> remote.forEach(merged::add));
        }
      }
    }
    merged.sort(
        Comparator.comparing((JsonNode d) -> Instant.parse(d.path("decidedAt").asText()))
            .reversed());
    final ArrayNode body = MAPPER.createArrayNode();
    merged.stream().limit(limit).forEach(body::add);
    ctx.json(body);
  }

  /** An internal hop from another instance: answer from local state only, never forward. */
  private static boolean isHop(Context ctx) {
    return QueryParams.local(ctx.queryParam("local"));
  }

  private static Programme hopProgramme(Context ctx) {
    return QueryParams.programme(ctx.queryParam("programme"))
        .orElseThrow(
            () -> new BadRequestException("local=true needs programme=…: it names the partition"));
  }

  private void requireRunning() {
    final KafkaStreams.State state = streams.state();
    if (state != KafkaStreams.State.RUNNING) {
      throw new QueryUnavailableException(
          "the decision ledger is not queryable while " + state.name(), null);
    }
  }

  private KeyQueryMetadata owner(Programme programme) {
    final KeyQueryMetadata owner =
        streams.queryMetadataForKey(LedgerStores.APPLICATIONS, programme.name(), PARTITIONER);
    if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw new QueryUnavailableException(
          "the decision ledger is being rebalanced or restored", null);
    }
    return owner;
  }

  private QueryUnavailableException notOwner(Programme programme, KeyQueryMetadata owner) {
    return new QueryUnavailableException(
        "this instance no longer owns the "
            + programme
            + " partition (now "
            + owner.activeHost()
            + ")",
        null);
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name, KeyQueryMetadata owner) {
    try {
      return streams.store(
          StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
              .withPartition(owner.partition()));
    } catch (InvalidStateStoreException e) {
      throw new QueryUnavailableException(
          "state store " + name + " is not ready: " + e.getMessage(), e);
    }
  }
}
