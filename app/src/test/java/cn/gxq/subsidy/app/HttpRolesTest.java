package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.HttpClientSupport.Answer;
import cn.gxq.subsidy.policy.PolicyBook;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The HTTP API as {@code run --secure} serves it, on two instances (so that reads hop between them
 * over TLS with an instance token): every endpoint against every role and nobody, officers kept to
 * their zones, 401 and 403 as JSON with {@code WWW-Authenticate}, sign-in, and the access log
 * holding each read of a file once, with the reader's name and the answer's status.
 */
class HttpRolesTest {

  private static final List<String> PEOPLE =
      List.of(
          SecuredApi.OFFICER,
          SecuredApi.OTHER_OFFICER,
          "finance",
          "analyst",
          "auditor",
          "operator");
  private static final Map<String, String> TOKENS = new LinkedHashMap<>();

  private static SecuredApi api;
  private static ClusterFixture.Instance a;
  private static ClusterFixture.Instance b;
  private static String zone;
  private static String otherZone;

  @BeforeAll
  static void start() throws Exception {
    api = new SecuredApi("roles-it", 2, 30);
    a = api.instances.get(0);
    b = api.instances.get(1);
    zone = api.zone;
    otherZone = api.otherZone;
    for (String user : PEOPLE) {
      TOKENS.put(user, api.signIn(a, user, SecuredApi.PASSWORD).json().get("token").asText());
    }
  }

  @AfterAll
  static void stop() {
    if (api != null) {
      api.close();
    }
  }

  @Test
  void everyEndpointAnswersEachRoleAsTheContractSays() {
    final String mine = applicationOf(zone);
    final String version = PolicyBook.loadDefault().versions().iterator().next();
    // endpoint → expected status for: nobody, officer.one, officer.two, finance, analyst, auditor,
    // operator
    final Map<String, int[]> matrix = new LinkedHashMap<>();
    matrix.put("/health", new int[] {200, 200, 200, 200, 200, 200, 200});
    matrix.put("/", new int[] {200, 200, 200, 200, 200, 200, 200});
    matrix.put("/dashboard.js", new int[] {200, 200, 200, 200, 200, 200, 200});
    matrix.put("/programmes", new int[] {200, 200, 200, 200, 200, 200, 200});
    matrix.put("/policy/" + version, new int[] {200, 200, 200, 200, 200, 200, 200});
    matrix.put("/totals", new int[] {200, 200, 200, 200, 200, 200, 200});
    matrix.put("/session", new int[] {200, 200, 200, 200, 200, 200, 200});
    matrix.put("/applications/" + mine, new int[] {401, 200, 403, 200, 403, 200, 403});
    matrix.put("/applications/" + mine + "/history", new int[] {401, 200, 403, 200, 403, 200, 403});
    matrix.put("/decisions/latest", new int[] {401, 200, 200, 200, 403, 200, 403});
    matrix.put("/reconciliation", new int[] {401, 403, 403, 200, 403, 200, 403});
    matrix.put("/whatif/none_such", new int[] {401, 403, 403, 403, 404, 404, 403});
    matrix.put("/metrics", new int[] {401, 403, 403, 403, 403, 200, 200});
    matrix.put("/access-log", new int[] {401, 403, 403, 403, 403, 200, 403});
    final List<String> who = new ArrayList<>();
    who.add(null);
    who.addAll(TOKENS.keySet());
    final List<String> wrong = new ArrayList<>();
    matrix.forEach(
        (path, expected) -> {
          for (int i = 0; i < who.size(); i++) {
            for (ClusterFixture.Instance instance : List.of(a, b)) {
              final Answer answer = get(instance, path, who.get(i));
              if (answer.status() != expected[i]) {
                wrong.add(
                    path + " as " + who.get(i) + ": " + answer.status() + " " + answer.body());
              }
              if (answer.status() == 401) {
                checkUnauthenticated(answer);
              } else if (answer.status() == 403) {
                assertThat(answer.json().get("error").asText()).contains(who.get(i));
              }
            }
          }
        });
    assertThat(wrong).isEmpty();
    // The event stream: refused before it opens, or opened (its status is all that is read).
    final int[] expected = {401, 200, 200, 200, 403, 200, 403};
    for (int i = 0; i < who.size(); i++) {
      assertThat(eventStreamStatus(who.get(i)))
          .as("/events as %s", who.get(i))
          .isEqualTo(expected[i]);
    }
    final Answer events = get(a, "/events", null);
    checkUnauthenticated(events);
  }

  @Test
  void anOfficerSeesOnlyTheirZones() {
    final JsonNode latest = get(a, "/decisions/latest?limit=200", "officer.one").json();
    assertThat(latest.size()).isPositive();
    latest.forEach(d -> assertThat(d.get("zone").asText()).isEqualTo(zone));
    // Up to the limit of their own zones' newest, not the newest of all filtered down.
    assertThat(get(b, "/decisions/latest?limit=2", SecuredApi.OFFICER).json().size())
        .isEqualTo((int) Math.min(2, latest.size()));
    final long all = get(a, "/decisions/latest?limit=200", "finance").json().size();
    assertThat(latest.size()).isLessThan((int) all);
    final String theirs = applicationOf(otherZone);
    final Answer refused = get(b, "/applications/" + theirs, "officer.one");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("error").asText()).contains("zone " + otherZone);
    assertThat(refused.body()).doesNotContain(api.decided.get(theirs).getCreditCode());
  }

  @Test
  void signingInNeedsTheRightPasswordAndSetsAStrictCookie() {
    final Answer wrong = signIn(a, "officer.one", "not the password at all");
    assertThat(wrong.status()).isEqualTo(401);
    checkUnauthenticated(wrong);
    assertThat(signIn(a, "nobody.here", SecuredApi.PASSWORD).status()).isEqualTo(401);
    final Answer right = signIn(b, "officer.one", SecuredApi.PASSWORD);
    assertThat(right.status()).isEqualTo(200);
    assertThat(right.json().get("roles").toString()).isEqualTo("[\"officer\"]");
    assertThat(right.header("Set-Cookie"))
        .contains("subsidy_session=", "HttpOnly", "Secure", "SameSite=Strict");
    // The cookie alone signs the dashboard in, on any instance.
    final String cookie = right.header("Set-Cookie").split(";")[0];
    final Answer who =
        send(HttpRequest.newBuilder(URI.create(a.url() + "/session")).header("Cookie", cookie));
    assertThat(who.json().get("user").asText()).isEqualTo("officer.one");
    assertThat(who.json().get("mayRead").toString())
        .contains("application")
        .doesNotContain("metrics");
    // A tampered token is refused as invalid, not taken as nobody.
    final String token = TOKENS.get("auditor");
    final Answer tampered = get(a, "/metrics", token.substring(0, token.length() - 3) + "abc");
    assertThat(tampered.status()).isEqualTo(401);
    assertThat(tampered.header("WWW-Authenticate")).contains("invalid_token");
  }

  @Test
  void theAccessLogHoldsEachReadOnceWithItsReaderAndStatus() throws Exception {
    final String mine = applicationOf(zone);
    final String theirs = applicationOf(otherZone);
    // Read through both instances: one of them owns it, the other hops (which must not log twice).
    for (ClusterFixture.Instance instance : List.of(a, b)) {
      assertThat(get(instance, "/applications/" + mine, "officer.one").status()).isEqualTo(200);
      assertThat(get(instance, "/applications/" + theirs, "officer.one").status()).isEqualTo(403);
    }
    final JsonNode log = get(a, "/access-log?limit=1000&principal=officer.one", "auditor").json();
    final List<JsonNode> mineRead = reads(log, mine, 200);
    final List<JsonNode> theirsRefused = reads(log, theirs, 403);
    assertThat(mineRead).hasSizeGreaterThanOrEqualTo(2);
    assertThat(theirsRefused).hasSizeGreaterThanOrEqualTo(2);
    final JsonNode one = mineRead.get(0);
    assertThat(one.get("principal").asText()).isEqualTo("officer.one");
    assertThat(one.get("roles").toString()).isEqualTo("[\"officer\"]");
    assertThat(one.get("zones").toString()).isEqualTo("[\"" + zone + "\"]");
    assertThat(one.get("via").asText()).isEqualTo("local");
    assertThat(one.get("zone").asText()).isEqualTo(zone);
    assertThat(one.get("remoteAddress").asText()).isEqualTo("127.0.0.1");
    assertThat(one.get("instance").asText()).matches("127\\.0\\.0\\.1:\\d+");
    assertThat(theirsRefused.get(0).get("zone").asText()).isEqualTo(otherZone);
    // Exactly as many records as reads: the instance a read hopped to did not log it again.
    final long before = historyReads(mine);
    for (ClusterFixture.Instance instance : List.of(a, b)) {
      assertThat(get(instance, "/applications/" + mine + "/history", "finance").status())
          .isEqualTo(200);
    }
    assertThat(historyReads(mine) - before).isEqualTo(2);
    // Nobody's refused read names no one and is not logged; an operator's metrics are no file.
    assertThat(get(a, "/access-log?principal=anonymous", "auditor").json().size()).isZero();
  }

  /**
   * The status {@code GET /events} answers {@code user} with; a stream opened is closed at once.
   */
  private static int eventStreamStatus(String user) {
    final HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(a.url() + "/events"))
            .header("Accept", "text/event-stream");
    if (user != null) {
      request.header("Authorization", "Bearer " + TOKENS.get(user));
    }
    try {
      final java.net.http.HttpResponse<java.io.InputStream> response =
          api.http().send(request.build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
      response.body().close();
      return response.statusCode();
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static long historyReads(String application) {
    final JsonNode log =
        get(a, "/access-log?limit=1000&application=" + application, "auditor").json();
    return StreamSupport.stream(log.spliterator(), false)
        .filter(r -> r.get("principal").asText().equals("finance"))
        .filter(r -> r.get("resource").asText().endsWith("/history"))
        .count();
  }

  private static List<JsonNode> reads(JsonNode log, String application, int status) {
    return StreamSupport.stream(log.spliterator(), false)
        .filter(r -> application.equals(r.path("applicationId").asText()))
        .filter(r -> r.get("status").asInt() == status)
        .toList();
  }

  private static void checkUnauthenticated(Answer answer) {
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer realm=\"subsidy\"");
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.json().get("error").asText()).isNotBlank();
  }

  private static String applicationOf(String zone) {
    return api.applicationOf(zone);
  }

  private static Answer get(ClusterFixture.Instance instance, String path, String user) {
    return api.get(instance, path, user == null ? null : TOKENS.getOrDefault(user, user));
  }

  private static Answer signIn(ClusterFixture.Instance instance, String user, String password) {
    return api.signIn(instance, user, password);
  }

  private static Answer send(HttpRequest.Builder request) {
    return api.send(request);
  }
}
