package cn.gxq.subsidy.app;

import cn.gxq.subsidy.app.HttpClientSupport.Answer;
import cn.gxq.subsidy.app.people.HttpSecurity;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;

/** An HTTPS client of a secured API, trusting its CA, signing in and reading as a person would. */
final class HttpsClient {

  private final HttpClient http;

  /** Trusting the certificates of a PKCS12 trust store. */
  HttpsClient(Path trustStore, String password) {
    this.http =
        HttpClient.newBuilder().sslContext(HttpSecurity.trusting(trustStore, password)).build();
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
    return HttpClientSupport.send(http, request);
  }
}
