package cn.gxq.subsidy.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** A tiny JSON client for the registry tests, speaking real HTTP. */
final class RegistryHttp {

  static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /** A status and a parsed JSON body. */
  record Answer(int status, JsonNode body, HttpHeaders headers) {
    int errorCode() {
      return body.path("error_code").asInt(-1);
    }
  }

  private final String baseUrl;
  private final String authorization;

  RegistryHttp(final String baseUrl) {
    this(baseUrl, null);
  }

  private RegistryHttp(final String baseUrl, final String authorization) {
    this.baseUrl = baseUrl;
    this.authorization = authorization;
  }

  RegistryHttp withBasicAuth(final String user, final String password) {
    return new RegistryHttp(
        baseUrl,
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
  }

  Answer get(final String path) {
    return send(request(path).GET());
  }

  Answer post(final String path, final Object body) {
    return send(request(path).POST(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** Any method, without a body. */
  Answer call(final String method, final String path) {
    return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  Answer put(final String path, final Object body) {
    return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(write(body))));
  }

  /** Registers a schema and returns its id, failing on anything but 200. */
  int register(final String subject, final String schema) {
    final Answer a = post("/subjects/" + subject + "/versions", Map.of("schema", schema));
    if (a.status() != 200) {
      throw new AssertionError("register " + subject + " answered " + a);
    }
    return a.body().get("id").asInt();
  }

  private HttpRequest.Builder request(final String path) {
    final HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/vnd.schemaregistry.v1+json")
            .header("Accept", "application/vnd.schemaregistry.v1+json, application/json");
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return b;
  }

  private static Answer send(final HttpRequest.Builder request) {
    try {
      final HttpResponse<String> r =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(), JSON.readTree(r.body().isEmpty() ? "null" : r.body()), r.headers());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String write(final Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
