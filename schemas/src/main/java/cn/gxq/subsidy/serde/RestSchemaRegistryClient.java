package cn.gxq.subsidy.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/**
 * Client of the Confluent Schema Registry REST API over {@link HttpClient}. Uses only {@code POST
 * /subjects/{subject}/versions} and {@code GET /schemas/ids/{id}}, so it also works against
 * Apicurio's ccompat API and Karapace. Answers are cached both ways, so each schema costs at most
 * one request per direction. Connection failures are retried a few times with a short backoff; HTTP
 * error answers are not.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

  private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
  private static final String ACCEPT =
      "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
  private static final int DEFAULT_ATTEMPTS = 4;
  private static final Duration DEFAULT_BACKOFF = Duration.ofMillis(200);

  private final ObjectMapper json = new ObjectMapper();
  private final String baseUrl;
  private final Optional<String> authorization;
  private final HttpClient http;
  private final int attempts;
  private final Duration backoff;
  private final ConcurrentMap<SubjectSchema, Integer> idsBySubjectSchema =
      new ConcurrentHashMap<>();
  private final ConcurrentMap<Integer, Schema> schemasById = new ConcurrentHashMap<>();

  /**
   * @param url base URL such as {@code http://127.0.0.1:8081}; {@code user:password@} userinfo
   *     turns on HTTP Basic authentication and is not sent in the URL
   */
  public RestSchemaRegistryClient(final String url) {
    this(url, null, null);
  }

  /**
   * With explicit Basic credentials, which take precedence over userinfo in the URL; nulls mean
   * none.
   */
  public RestSchemaRegistryClient(final String url, final String username, final String password) {
    this(url, username, password, DEFAULT_ATTEMPTS, DEFAULT_BACKOFF);
  }

  /**
   * For tests: how often to try a connection and how long to wait before the first retry
   * (doubling).
   */
  RestSchemaRegistryClient(
      final String url,
      final String username,
      final String password,
      final int attempts,
      final Duration backoff) {
    final URI uri = URI.create(Objects.requireNonNull(url, "url").trim());
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "schema registry URL must look like http://host:port, got " + url);
    }
    final String userInfo = uri.getRawUserInfo();
    final String plain =
        uri.getScheme()
            + "://"
            + uri.getHost()
            + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
            + Optional.ofNullable(uri.getRawPath()).orElse("");
    this.baseUrl = plain.endsWith("/") ? plain.substring(0, plain.length() - 1) : plain;
    if (username != null) {
      this.authorization = Optional.of(basic(username, password == null ? "" : password));
    } else if (userInfo != null && !userInfo.isEmpty()) {
      final int colon = userInfo.indexOf(':');
      final String user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      final String pass = colon < 0 ? "" : userInfo.substring(colon + 1);
      this.authorization = Optional.of(basic(decode(user), decode(pass)));
    } else {
      this.authorization = Optional.empty();
    }
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1");
    }
    this.attempts = attempts;
    this.backoff = backoff;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  }

  /** The base URL without credentials, as used in messages. */
  public String baseUrl() {
    return baseUrl;
  }

  @Override
  public int register(final String subject, final Schema schema) {
    final SubjectSchema key =
        new SubjectSchema(
            Objects.requireNonNull(subject, "subject"), Objects.requireNonNull(schema, "schema"));
    final Integer cached = idsBySubjectSchema.get(key);
    if (cached != null) {
      return cached;
    }
    final String body;
    try {
      body = json.writeValueAsString(json.createObjectNode().put("schema", schema.toString()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode schema " + schema.getFullName(), e);
    }
    final String path = "/subjects/" + encodePathSegment(subject) + "/versions";
    final JsonNode answer =
        send("POST", path, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    final JsonNode id = answer.get("id");
    if (id == null || !id.canConvertToInt()) {
      throw new SchemaRegistryException(
          200,
          0,
          "schema registry "
              + baseUrl
              + " answered POST "
              + path
              + " without an integer id: "
              + answer);
    }
    idsBySubjectSchema.putIfAbsent(key, id.intValue());
    schemasById.putIfAbsent(id.intValue(), schema);
    return id.intValue();
  }

  @Override
  public Schema schemaById(final int id) {
    final Schema cached = schemasById.get(id);
    if (cached != null) {
      return cached;
    }
    final String path = "/schemas/ids/" + id;
    final JsonNode answer = send("GET", path, HttpRequest.BodyPublishers.noBody());
    final String type = answer.path("schemaType").asText("AVRO");
    if (!"AVRO".equals(type)) {
      throw new SchemaParseException(
          "schema id " + id + " in " + baseUrl + " is a " + type + " schema, not Avro");
    }
    final JsonNode text = answer.get("schema");
    if (text == null || !text.isTextual()) {
      throw new SchemaRegistryException(
          200,
          0,
          "schema registry " + baseUrl + " answered GET " + path + " without a schema: " + answer);
    }
    final Schema schema = new Schema.Parser().parse(text.textValue());
    final Schema previous = schemasById.putIfAbsent(id, schema);
    return previous == null ? schema : previous;
  }

  private JsonNode send(
      final String method, final String path, final HttpRequest.BodyPublisher body) {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(REQUEST_TIMEOUT)
            .header("Accept", ACCEPT)
            .header("Content-Type", CONTENT_TYPE)
            .method(method, body);
    authorization.ifPresent(value -> request.header("Authorization", value));
    final HttpResponse<String> response = sendWithRetries(request.build(), method + " " + path);
    final int status = response.statusCode();
    if (status / 100 != 2) {
      throw error(status, response.body(), method + " " + path);
    }
    try {
      return json.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(
          status,
          0,
          "schema registry "
              + baseUrl
              + " answered "
              + method
              + " "
              + path
              + " with a body that is not JSON: "
              + abbreviate(response.body()),
          e);
    }
  }

  private HttpResponse<String> sendWithRetries(final HttpRequest request, final String what) {
    IOException last = null;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      } catch (IOException e) {
        last = e;
        if (attempt < attempts) {
          sleep(backoff.multipliedBy(1L << (attempt - 1)), what);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SchemaRegistryException(
            0, 0, "interrupted while calling schema registry " + baseUrl + " (" + what + ")", e);
      }
    }
    throw new SchemaRegistryException(
        0,
        0,
        "schema registry "
            + baseUrl
            + " unreachable after "
            + attempts
            + " attempt(s) ("
            + what
            + "): "
            + last
            + "; is it running and is the URL right?",
        last);
  }

  private void sleep(final Duration pause, final String what) {
    try {
      Thread.sleep(pause.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SchemaRegistryException(
          0, 0, "interrupted while retrying schema registry " + baseUrl + " (" + what + ")", e);
    }
  }

  private SchemaRegistryException error(final int status, final String body, final String what) {
    int errorCode = 0;
    String message = abbreviate(body);
    try {
      final JsonNode node = json.readTree(body);
      if (node != null && node.isObject()) {
        errorCode = node.path("error_code").asInt(0);
        message = node.path("message").asText(message);
      }
    } catch (JsonProcessingException e) {
      // Not a Confluent error body (a proxy's HTML page, say): keep the raw text.
    }
    return new SchemaRegistryException(
        status,
        errorCode,
        "schema registry "
            + baseUrl
            + " answered "
            + status
            + (errorCode == 0 ? "" : " (error " + errorCode + ")")
            + " to "
            + what
            + ": "
            + message);
  }

  private static String abbreviate(final String text) {
    final String oneLine = text == null ? "" : text.strip();
    return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "…";
  }

  private static String basic(final String user, final String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  // Userinfo is percent-encoded, but unlike a form a '+' in it is a literal plus.
  private static String decode(final String text) {
    return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  // URLEncoder is for forms: a space becomes '+', which in a path is a literal plus.
  private static String encodePathSegment(final String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private record SubjectSchema(String subject, Schema schema) {}
}
