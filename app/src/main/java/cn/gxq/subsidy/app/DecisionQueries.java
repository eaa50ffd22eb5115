package cn.gxq.subsidy.app;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.internal.ApplicationState;
import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.topology.LedgerStores;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Answers questions from the decision ledger's state. The ledger is partitioned by programme, so a
 * question about an application goes to the owners of at most three partitions; a partition this
 * instance does not own is asked of its owner over HTTP ({@code application.server}).
 */
final class DecisionQueries {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final StringSerializer KEYS = new StringSerializer();

  private final KafkaStreams streams;
  private final HostInfo self;
  private final RecordJson json = new RecordJson();
  private final HttpClient http = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(2)).build();

  DecisionQueries(KafkaStreams streams, HostInfo self) {
    this.streams = streams;
    this.self = self;
  }

  String state() {
    return streams.state().name();
  }

  /** {@code GET /applications/{id}}: the current decision, from whichever instance owns it. */
  void application(Context ctx, String id) {
    final boolean localOnly = ctx.queryParam("local") != null;
    for (Programme programme : Programme.values()) {
      final KeyQueryMetadata owner = owner(programme);
      final JsonNode found;
      if (owner.activeHost().equals(self)) {
        final ApplicationState state =
            this.<ApplicationState>store(LedgerStores.APPLICATIONS, owner).get(id);
        found = state == null ? null : json.toTree(state.getDecision());
      } else if (localOnly) {
        continue;
      } else {
        found = remote(owner.activeHost(), "/applications/" + encode(id) + "?local=true");
      }
      if (found != null) {
        ctx.contentType("application/json").result(found.toString());
        return;
      }
    }
    ctx.status(404).json(Map.of("error", "no decision for application '" + id + "'"));
  }

  /** {@code GET /totals?zone=&programme=&year=}: matching totals, from every owner. */
  void totals(Context ctx) {
    final String zone = ctx.queryParam("zone");
    final String programmeParam = ctx.queryParam("programme");
    final String year = ctx.queryParam("year");
    final boolean localOnly = ctx.queryParam("local") != null;
    final List<Programme> programmes = new ArrayList<>();
    for (Programme programme : Programme.values()) {
      if (programmeParam == null || programmeParam.isBlank() || programme.name().equals(programmeParam)) {
        programmes.add(programme);
      }
    }
    if (programmes.isEmpty()) {
      throw new IllegalArgumentException("unknown programme '" + programmeParam + "'");
    }
    final ArrayNode result = MAPPER.createArrayNode();
    for (Programme programme : programmes) {
      final KeyQueryMetadata owner = owner(programme);
      if (owner.activeHost().equals(self)) {
        final String prefix = (zone == null || zone.isBlank() ? "" : zone + ":");
        try (KeyValueIterator<String, BucketState> it =
            this.<BucketState>store(LedgerStores.BUCKETS, owner).all()) {
          it.forEachRemaining(kv -> {
            final String[] parts = kv.key.split(":");
            if (parts[1].equals(programme.name()) && kv.key.startsWith(prefix)
                && (year == null || year.isBlank() || parts[2].equals(year))) {
              result.add(json.toTree(kv.value.getTotals()));
            }
          });
        }
      } else if (!localOnly) {
        final JsonNode remote = remote(owner.activeHost(), "/totals?local=true&programme="
            + programme.name() + (zone == null ? "" : "&zone=" + encode(zone))
            + (year == null ? "" : "&year=" + encode(year)));
        if (remote != null) {
          remote.forEach(result::add);
        }
      }
    }
    ctx.contentType("application/json").result(result.toString());
  }

  private KeyQueryMetadata owner(Programme programme) {
    final KeyQueryMetadata owner =
        streams.queryMetadataForKey(LedgerStores.APPLICATIONS, programme.name(), KEYS);
    if (owner == null || owner.equals(KeyQueryMetadata.NOT_AVAILABLE)) {
      throw new QueryUnavailableException("the decision ledger is being rebalanced or restored", null);
    }
    return owner;
  }

  private <V> ReadOnlyKeyValueStore<String, V> store(String name, KeyQueryMetadata owner) {
    try {
      return streams.store(StoreQueryParameters
          .fromNameAndType(name, QueryableStoreTypes.<String, V>keyValueStore())
          .withPartition(owner.partition()));
    } catch (InvalidStateStoreException e) {
      throw new QueryUnavailableException("state store " + name + " is not ready: " + e.getMessage(), e);
    }
  }

  /** Asks another instance; null on 404. */
  private JsonNode remote(HostInfo host, String pathAndQuery) {
    final URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
    try {
      final HttpResponse<String> response = http.send(
          HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return null;
      }
      if (response.statusCode() != 200) {
        throw new QueryUnavailableException("instance " + host + " answered "
            + response.statusCode(), null);
      }
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new QueryUnavailableException("instance " + host + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryUnavailableException("interrupted asking " + host, e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
