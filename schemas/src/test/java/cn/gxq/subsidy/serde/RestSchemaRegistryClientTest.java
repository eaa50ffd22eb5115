package cn.gxq.subsidy.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.avro.Totals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RestSchemaRegistryClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private HttpServer server;
  private String url;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<Integer, String> schemas = new ConcurrentHashMap<>();

  /** What the fake registry answers; by default a tiny working registry. */
  private volatile Function<Request, Response> responder = this::workingRegistry;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    url = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
  }

  @Test
  void registersWithAConfluentRequestAndCachesTheAnswer() throws IOException {
    final RestSchemaRegistryClient client = new RestSchemaRegistryClient(url);

    final int id = client.register("subsidy.budgets.v1-value", Budget.getClassSchema());
    final int again = client.register("subsidy.budgets.v1-value", Budget.getClassSchema());
    final Schema byId = client.schemaById(id);

    assertThat(id).isEqualTo(1).isEqualTo(again);
    assertThat(byId).isEqualTo(Budget.getClassSchema());
    assertThat(requests).hasSize(1);
    final Request request = requests.get(0);
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.rawPath()).isEqualTo("/subjects/subsidy.budgets.v1-value/versions");
    assertThat(request.contentType()).isEqualTo("application/vnd.schemaregistry.v1+json");
    assertThat(request.accept()).startsWith("application/vnd.schemaregistry.v1+json");
    assertThat(request.authorization()).isNull();
    final JsonNode body = JSON.readTree(request.body());
    assertThat(body.size()).isEqualTo(1);
    assertThat(new Schema.Parser().parse(body.get("schema").textValue()))
        .isEqualTo(Budget.getClassSchema());
  }

  @Test
  void looksSchemasUpByIdOnce() {
    schemas.put(42, Totals.getClassSchema().toString());
    final RestSchemaRegistryClient client = new RestSchemaRegistryClient(url + "/");

    final Schema first = client.schemaById(42);
    final Schema second = client.schemaById(42);

    assertThat(first).isEqualTo(Totals.getClassSchema()).isSameAs(second);
    assertThat(requests)
        .extracting(Request::method, Request::rawPath)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("GET", "/schemas/ids/42"));
  }

  @Test
  void urlEncodesTheSubject() {
    new RestSchemaRegistryClient(url).register("odd subject/ä+", Budget.getClassSchema());

    assertThat(requests.get(0).rawPath()).isEqualTo("/subjects/odd%20subject%2F%C3%A4%2B/versions");
  }

  @Test
  void parsesSchemaNotFound() {
    responder =
        request -> new Response(404, "{\"error_code\":40403,\"message\":\"Schema 5 not found\"}");

    assertThatThrownBy(() -> new RestSchemaRegistryClient(url).schemaById(5))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.isSchemaNotFound()).isTrue();
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo(40403);
            })
        .hasMessageContaining("Schema 5 not found")
        .hasMessageContaining("GET /schemas/ids/5")
        .hasMessageContaining(url);
  }

  @Test
  void parsesAnIncompatibleSchemaConflict() {
    responder =
        request ->
            new Response(
                409,
                "{\"error_code\":409,\"message\":\"Schema being registered is incompatible with an earlier schema\"}");

    assertThatThrownBy(
            () -> new RestSchemaRegistryClient(url).register("s-value", Budget.getClassSchema()))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.isSchemaNotFound()).isFalse();
              assertThat(e.status()).isEqualTo(409);
              assertThat(e.errorCode()).isEqualTo(409);
            })
        .hasMessageContaining("incompatible with an earlier schema");
  }

  @Test
  void keepsANonJsonServerErrorBodyAndDoesNotCacheFailures() {
    responder = request -> new Response(500, "<html>boom</html>");
    final RestSchemaRegistryClient client = new RestSchemaRegistryClient(url);

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.status()).isEqualTo(500);
              assertThat(e.errorCode()).isZero();
              assertThat(e.isSchemaNotFound()).isFalse();
            })
        .hasMessageContaining("boom");
    assertThatThrownBy(() -> client.schemaById(1)).isInstanceOf(SchemaRegistryException.class);
    assertThat(requests).hasSize(2);
  }

  @Test
  void sendsBasicAuthFromTheUrlUserinfoButNotTheUserinfoItself() {
    final String withCredentials = url.replace("http://", "http://alice:s3cr%40t+x@");
    final RestSchemaRegistryClient client = new RestSchemaRegistryClient(withCredentials);

    client.register("s-value", Budget.getClassSchema());

    assertThat(requests.get(0).authorization())
        .isEqualTo(
            "Basic "
                + Base64.getEncoder()
                    .encodeToString("alice:s3cr@t+x".getBytes(StandardCharsets.UTF_8)));
    assertThat(client.baseUrl()).isEqualTo(url);
  }

  @Test
  void sendsExplicitCredentials() {
    new RestSchemaRegistryClient(url, "bob", "pw").register("s-value", Budget.getClassSchema());

    assertThat(requests.get(0).authorization())
        .isEqualTo(
            "Basic "
                + Base64.getEncoder().encodeToString("bob:pw".getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void refusesANonAvroSchema() {
    responder =
        request ->
            new Response(
                200, "{\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax = \\\"proto3\\\";\"}");

    assertThatThrownBy(() -> new RestSchemaRegistryClient(url).schemaById(3))
        .isInstanceOf(org.apache.avro.SchemaParseException.class)
        .hasMessageContaining("PROTOBUF");
  }

  @Test
  void givesUpOnAnUnreachableRegistryNamingTheUrl() {
    server.stop(0);
    final RestSchemaRegistryClient client =
        new RestSchemaRegistryClient(url, null, null, 3, Duration.ofMillis(10));

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.isUnreachable()).isTrue();
              assertThat(e.isSchemaNotFound()).isFalse();
            })
        .hasMessageContaining(url)
        .hasMessageContaining("after 3 attempt(s)");
  }

  @Test
  void servesTheSerdeEndToEnd() {
    final String topic = "subsidy.applications.rent-relief.v1";
    final byte[] bytes =
        new AvroSerde<>(RentReliefApplication.class, new RestSchemaRegistryClient(url))
            .serializer()
            .serialize(topic, Samples.rentRelief());

    // A fresh client, as in another process, must fetch the writer schema by id.
    final RentReliefApplication read =
        new AvroSerde<>(RentReliefApplication.class, new RestSchemaRegistryClient(url))
            .deserializer()
            .deserialize(topic, bytes);

    assertThat(read).isEqualTo(Samples.rentRelief());
    assertThat(requests)
        .extracting(Request::rawPath)
        .containsExactly("/subjects/" + topic + "-value/versions", "/schemas/ids/1");
  }

  private Response workingRegistry(final Request request) {
    try {
      if (request.method().equals("POST") && request.rawPath().startsWith("/subjects/")) {
        final String schema = JSON.readTree(request.body()).get("schema").textValue();
        final int id =
            schemas.entrySet().stream()
                .filter(e -> e.getValue().equals(schema))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(
                    () -> {
                      final int next = schemas.size() + 1;
                      schemas.put(next, schema);
                      return next;
                    });
        return new Response(200, "{\"id\":" + id + "}");
      }
      if (request.method().equals("GET") && request.rawPath().startsWith("/schemas/ids/")) {
        final String schema = schemas.get(Integer.parseInt(request.rawPath().substring(13)));
        return schema == null
            ? new Response(404, "{\"error_code\":40403,\"message\":\"Schema not found\"}")
            : new Response(200, JSON.createObjectNode().put("schema", schema).toString());
      }
      return new Response(404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
    } catch (IOException e) {
      return new Response(500, e.toString());
    }
  }

  private void handle(final HttpExchange exchange) throws IOException {
    final Request request =
        new Request(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getRawPath(),
            exchange.getRequestHeaders().getFirst("Content-Type"),
            exchange.getRequestHeaders().getFirst("Accept"),
            exchange.getRequestHeaders().getFirst("Authorization"),
            new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
    requests.add(request);
    final Response response = responder.apply(request);
    final byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/vnd.schemaregistry.v1+json");
    exchange.sendResponseHeaders(response.status(), body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  private record Request(
      String method,
      String rawPath,
      String contentType,
      String accept,
      String authorization,
      String body) {}

  private record Response(int status, String body) {}
}
