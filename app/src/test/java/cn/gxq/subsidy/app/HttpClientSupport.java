package cn.gxq.subsidy.app;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.serde.AvroDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** HTTP calls and decision reading shared by the API tests. */
final class HttpClientSupport {

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpClientSupport() {}

  /** An answer: status, headers and body. */
  record Answer(int status, HttpResponse<String> response) {
    String body() {
      return response.body();
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(response.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + response.body(), e);
      }
    }

    String header(String name) {
      return response.headers().firstValue(name).orElse(null);
    }
  }

  /** Any method; {@code body} null sends none. */
  static Answer send(String method, String url, String body) {
    try {
      final HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url))
                  .timeout(Duration.ofSeconds(20))
                  .method(
                      method,
                      body == null
                          ? HttpRequest.BodyPublishers.noBody()
                          : HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new AssertionError(method + " " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A request built by the caller (headers, method); a 20 s timeout is added. */
  static Answer send(HttpRequest.Builder request) {
    return send(HTTP, request);
  }

  /** As {@link #send(HttpRequest.Builder)}, through {@code client} (e.g. one trusting a CA). */
  static Answer send(HttpClient client, HttpRequest.Builder request) {
    try {
      final HttpResponse<String> response =
          client.send(
              request.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new AssertionError(request.build().uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * A request written by hand on a socket, for what {@link HttpClient} refuses to send (bad
   * percent-encoding, huge lines); returns the whole answer as text.
   */
  static String raw(String baseUrl, String method, String path, String extraHeaders)
      throws IOException {
    final URI base = URI.create(baseUrl);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(20_000);
      final OutputStream out = socket.getOutputStream();
      out.write(
          (method
                  + " "
                  + path
                  + " HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + "\r\n"
                  + extraHeaders
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Answer get(String url) {
    try {
      final HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new AssertionError("GET " + url + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The latest decision per application (highest sequence) in the records read. */
  static Map<String, Decision> latestDecisions(
      ClusterFixture cluster, List<ConsumerRecord<String, byte[]>> records) {
    final AvroDeserializer<Decision> decode =
        new AvroDeserializer<>(Decision.class, cluster.client);
    final Map<String, Decision> latest = new LinkedHashMap<>();
    for (ConsumerRecord<String, byte[]> r : records) {
      final Decision d = decode.deserialize(r.topic(), r.value());
      latest.merge(r.key(), d, (a, b) -> b.getSequence() > a.getSequence() ? b : a);
    }
    return latest;
  }
}
