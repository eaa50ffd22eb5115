package cn.gxq.subsidy.app.http;

import cn.gxq.subsidy.app.people.HttpSecurity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another instance of the application over HTTP. Only ever sends {@code local=true} requests,
 * which the receiver answers from its own state without forwarding: a hop can never loop. Anything
 * but 200 or 404 means "cannot answer now" (503 to our caller).
 */
final class PeerClient {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;
  private final HttpSecurity security;

  /**
   * @param security over TLS and with this instance's own token when secured
   */
  PeerClient(HttpSecurity security) {
    this.security = security;
    this.http = security.peerClient().connectTimeout(Duration.ofSeconds(2)).build();
  }

  /** The JSON answer, or empty on 404. */
  Optional<JsonNode> getLocal(HostInfo host, String path, String query) {
    final URI uri =
        URI.create(
            security.scheme()
                + "://"
                + host.host()
                + ":"
                + host.port()
                + path
                + "?local=true"
                + (query.isEmpty() ? "" : "&" + query));
    try {
      final HttpRequest.Builder request =
          HttpRequest.newBuilder(uri)
              .timeout(Duration.ofSeconds(5))
              .header("Accept", "application/json")
              .GET();
      security.peerAuthorization().ifPresent(token -> request.header("Authorization", token));
      final HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 404) {
        return Optional.empty();
      }
      if (response.statusCode() != 200) {
        throw new QueryUnavailableException(
            "instance "
                + host
                + " answered "
                + response.statusCode()
                + ": "
                + errorOf(response.body()),
            null);
      }
      return Optional.of(MAPPER.readTree(response.body()));
    } catch (IOException e) {
      throw new QueryUnavailableException(
          "instance " + host + " did not answer: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueryUnavailableException("interrupted while asking " + host, e);
    }
  }

  static String param(String name, Object value) {
    return name + "=" + URLEncoder.encode(String.valueOf(value), StandardCharsets.UTF_8);
  }

  static String pathSegment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String errorOf(String body) {
    try {
      final JsonNode error = MAPPER.readTree(body).get("error");
      return error == null ? body : error.asText();
    } catch (IOException e) {
      return body;
    }
  }
}
