package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.people.HttpSecurity;
import cn.gxq.subsidy.app.people.PersonRole;
import cn.gxq.subsidy.app.people.Users;
import cn.gxq.subsidy.app.security.ClientConfig;
import cn.gxq.subsidy.app.security.EmbeddedSecurity;
import cn.gxq.subsidy.app.start.ContractPublisher;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Mix;
import cn.gxq.subsidy.policy.PolicyBook;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.KafkaStreams;
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

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PASSWORD = "a long test password";
  private static final int APPLICATIONS = 30;

  private static ClusterFixture cluster;
  private static ClusterFixture.Instance a;
  private static ClusterFixture.Instance b;
  private static HttpClient http;
  private static Map<String, Decision> decided;
  private static String zone;
  private static String otherZone;
  private static final Map<String, String> TOKENS = new LinkedHashMap<>();

  @BeforeAll
  static void start() throws Exception {
    cluster = new ClusterFixture(3);
    final DemoScenario scenario =
        DemoScenario.of(
            7L, 300, Instant.parse("2022-04-01T01:00:00Z"), Duration.ofMinutes(10), Mix.clean());
    try (ContractPublisher publisher =
        new ContractPublisher(
            ClientConfig.load(null, cluster.bootstrap()), cluster.client, cluster.topics)) {
      scenario.enterprises().forEach(publisher::publish);
      scenario.budgets().forEach(publisher::publish);
      scenario.applicationGenerator().take(APPLICATIONS).forEach(publisher::publish);
      publisher.flush();
    }
    // The TLS material and session key run --secure makes, and a users file.
    final EmbeddedSecurity embedded = EmbeddedSecurity.prepare(cluster.workDir.resolve("security"));
    final Path usersFile = cluster.workDir.resolve("security").resolve("users.json");
    final HttpSecurity.Settings secured =
        new HttpSecurity.Settings(
            embedded.tls().keyStore(),
            embedded.tls().trustStore(),
            embedded.tls().password(),
            usersFile,
            embedded.sessionKey(),
            Optional.empty());
    http = HttpClient.newBuilder().sslContext(trusting(embedded)).build();
    a = cluster.startSecuredInstance("roles-it", secured);
    b = cluster.startSecuredInstance("roles-it", secured);
    cluster.awaitRunning(Duration.ofMinutes(2));

    final List<ConsumerRecord<String, byte[]>> records =
        cluster.readUntil(
            cluster.topics.decisions(),
            r -> r.stream().map(ConsumerRecord::key).distinct().count() >= APPLICATIONS,
            Duration.ofMinutes(2));
    decided = HttpClientSupport.latestDecisions(cluster, records);
    final List<String> zones =
        decided.values().stream().map(Decision::getZone).filter(z -> z != null).distinct().toList();
    assertThat(zones).as("the demo's applications span zones").hasSizeGreaterThan(1);
    zone = zones.get(0);
    otherZone = zones.get(1);

    Users users = Users.load(usersFile);
    users =
        users.with(
            "officer.one", PASSWORD.toCharArray(), List.of(PersonRole.OFFICER), List.of(zone));
    users =
        users.with(
            "officer.two", PASSWORD.toCharArray(), List.of(PersonRole.OFFICER), List.of(otherZone));
    for (PersonRole role :
        List.of(PersonRole.FINANCE, PersonRole.ANALYST, PersonRole.AUDITOR, PersonRole.OPERATOR)) {
      users = users.with(role.label(), PASSWORD.toCharArray(), List.of(role), List.of());
    }
    users.save(usersFile);
    for (String user :
        List.of("officer.one", "officer.two", "finance", "analyst", "auditor", "operator")) {
      TOKENS.put(user, signIn(a, user, PASSWORD).json().get("token").asText());
    }
    awaitQueryable();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
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
    // The event stream refuses nobody before it opens.
    final Answer events = get(a, "/events", null);
    assertThat(events.status()).isEqualTo(401);
    checkUnauthenticated(events);
  }

  @Test
  void anOfficerSeesOnlyTheirZones() {
    final JsonNode latest = get(a, "/decisions/latest?limit=200", "officer.one").json();
    assertThat(latest.size()).isPositive();
    latest.forEach(d -> assertThat(d.get("zone").asText()).isEqualTo(zone));
    final long all = get(a, "/decisions/latest?limit=200", "finance").json().size();
    assertThat(latest.size()).isLessThan((int) all);
    final String theirs = applicationOf(otherZone);
    final Answer refused = get(b, "/applications/" + theirs, "officer.one");
    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.json().get("error").asText()).contains("zone " + otherZone);
    assertThat(refused.body()).doesNotContain(decided.get(theirs).getCreditCode());
  }

  @Test
  void signingInNeedsTheRightPasswordAndSetsAStrictCookie() {
    final Answer wrong = signIn(a, "officer.one", "not the password at all");
    assertThat(wrong.status()).isEqualTo(401);
    checkUnauthenticated(wrong);
    assertThat(signIn(a, "nobody.here", PASSWORD).status()).isEqualTo(401);
    final Answer right = signIn(b, "officer.one", PASSWORD);
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
    return decided.values().stream()
        .filter(d -> zone.equals(d.getZone()))
        .map(Decision::getApplicationId)
        .findFirst()
        .orElseThrow();
  }

  /** Until both instances answer every application (the assignment has settled). */
  private static void awaitQueryable() throws InterruptedException {
    final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    int rounds = 0;
    while (rounds < 3) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the instances did not settle");
      }
      final boolean running =
          a.streams().state() == KafkaStreams.State.RUNNING
              && b.streams().state() == KafkaStreams.State.RUNNING;
      boolean all = running;
      for (String id : decided.keySet()) {
        all &= running && get(a, "/applications/" + id, "finance").status() == 200;
        all &= running && get(b, "/applications/" + id, "finance").status() == 200;
      }
      rounds = all ? rounds + 1 : 0;
      Thread.sleep(200);
    }
  }

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

  private static Answer get(ClusterFixture.Instance instance, String path, String user) {
    final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instance.url() + path));
    if (user != null) {
      request.header("Authorization", "Bearer " + TOKENS.getOrDefault(user, user));
    }
    return send(request);
  }

  private static Answer signIn(ClusterFixture.Instance instance, String user, String password) {
    return send(
        HttpRequest.newBuilder(URI.create(instance.url() + "/session"))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"user\":\"" + user + "\",\"password\":\"" + password + "\"}")));
  }

  private static Answer send(HttpRequest.Builder request) {
    try {
      final HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static SSLContext trusting(EmbeddedSecurity embedded) throws Exception {
    final KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(embedded.tls().trustStore())) {
      store.load(in, embedded.tls().password().toCharArray());
    }
    final TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(store);
    final SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
