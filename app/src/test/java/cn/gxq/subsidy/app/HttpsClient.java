package cn.gxq.subsidy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** An HTTPS client of a secured API, trusting its CA, signing in and reading as a person would. */
final class HttpsClient {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;

  /** Trusting the certificates of a PKCS12 trust store. */
  HttpsClient(Path trustStore, String password) throws Exception {
    final KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(trustStore)) {
      store.load(in, password.toCharArray());
    }
    final TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    final SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    this.http = HttpClient.newBuilder().sslContext(context).build();
  }

  /** An answer: status, headers, body. */
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

  HttpClient http() {
    return http;
  }

  /** GET with a bearer token, or none when {@code token} is null. */
  Answer get(String url, String token) {
    final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  /** {@code POST /session} with a user name and password. */
  Answer signIn(String baseUrl, String user, String password) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + "/session"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}")));
  }

  /** The token a successful sign-in gives. */
  String token(String baseUrl, String user, String password) {
    final Answer answer = signIn(baseUrl, user, password);
    if (answer.status() != 200) {
      throw new AssertionError("sign-in of " + user + ": " + answer.status() + " " + answer.body());
    }
    return answer.json().get("token").asText();
  }

  Answer send(HttpRequest.Builder request) {
    try {
      final HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(20)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
