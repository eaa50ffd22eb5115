package cn.gxq.subsidy.app;

import static cn.gxq.subsidy.app.HttpClientSupport.get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.metrics.BudgetGauges;
import cn.gxq.subsidy.app.security.ClientConfig;
import cn.gxq.subsidy.app.start.ContractPublisher;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.demo.Mix;
import cn.gxq.subsidy.json.RecordJson;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import cn.gxq.subsidy.topology.TopicSetup;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP API of a running instance on a real broker and registry: decisions by id, totals with
 * filters, bad input, health, metrics (ours and Kafka Streams'), the dashboard and its event
 * stream. One cluster for the class; the decisions come from the demo generator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HttpApiTest {

  private static final int APPLICATIONS = 60;
  private static final Instant START = Instant.parse("2022-03-01T01:00:00Z");

  private ClusterFixture cluster;
  private ClusterFixture.Instance instance;
  private ContractPublisher publisher;
  private DemoScenario scenario;
  private Map<String, Decision> decided;
  private long pushedEventId;

  @BeforeAll
  void startAndDecide() throws Exception {
    cluster = new ClusterFixture(3);
    publisher =
        new ContractPublisher(
            ClientConfig.load(null, cluster.bootstrap()), cluster.client, cluster.topics);
    scenario = DemoScenario.of(11L, 200, START, Duration.ofMinutes(10), Mix.clean());
    scenario.enterprises().forEach(publisher::publish);
    scenario.budgets().forEach(publisher::publish);
    scenario.applicationGenerator().take(APPLICATIONS).forEach(publisher::publish);
    // One undecodable record: a dead letter, counted by the metrics.
    publisher.raw(
        cluster.topics.applications(Catalogue.of(Programme.RENT_RELIEF)),
        "RR-garbage",
        new byte[] {7, 7, 7},
        START,
        "garbage");
    publisher.flush();
    instance = cluster.startInstance("http-api-it");
    cluster.awaitRunning(Duration.ofSeconds(90));
    decided = awaitDecisions(APPLICATIONS);
  }

  @AfterAll
  void stop() {
    if (publisher != null) {
      publisher.close();
    }
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aDecisionIsFoundByIdAsRecordJsonWritesIt() throws Exception {
    for (ProgrammeDefinition<?> programme : Catalogue.programmes()) {
      final Decision expected =
          decided.values().stream()
              .filter(d -> d.getProgramme() == programme.programme())
              .findFirst()
              .orElseThrow();
      final HttpClientSupport.Answer answer =
          get(instance.url() + "/applications/" + expected.getApplicationId());
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      assertThat(answer.header("Content-Type")).startsWith("application/json");
      // Compared as parsed text: the API writes exactly what RecordJson writes.
      assertThat(answer.json())
          .isEqualTo(HttpClientSupport.MAPPER.readTree(new RecordJson().write(expected)));
    }
  }

  /**
   * A read of a file is answered only once the access log holds it: with the log's topic gone (the
   * cluster cannot take the record), the read is 503 and shows nothing of the file; with the topic
   * back, the same read is answered again. Last: it deletes and recreates the topic.
   */
  @Test
  @Order(Integer.MAX_VALUE - 2)
  void aReadTheAccessLogCannotTakeIsNotAnswered() throws Exception {
    final Decision any = decided.values().iterator().next();
    final String url = instance.url() + "/applications/" + any.getApplicationId();
    assertThat(get(url).status()).isEqualTo(200);
    try (Admin admin = cluster.admin()) {
      admin.deleteTopics(List.of(cluster.topics.accessLog())).all().get();
      final HttpClientSupport.Answer refused = get(url);
      assertThat(refused.status()).as(refused.body()).isEqualTo(503);
      assertThat(refused.header("Retry-After")).isNotNull();
      assertThat(refused.json().get("error").asText()).contains("access log");
      assertThat(refused.body()).doesNotContain(any.getCreditCode());
      TopicSetup.ensure(admin, cluster.topics, 3, (short) 1);
    }
    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    int status = 0;
    while (status != 200 && System.nanoTime() < deadline) {
      status = get(url).status();
    }
    assertThat(status).as("answered again once the log is back").isEqualTo(200);
  }

  @Test
  void anUnknownApplicationIs404WithAJsonError() {
    final HttpClientSupport.Answer answer = get(instance.url() + "/applications/RR-2022-999999");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().get("error").asText()).contains("RR-2022-999999");
  }

  @Test
  void anApplicationsHistoryHoldsEveryDecisionOldestFirstEndingWithTheCurrentOne() {
    for (String id : decided.keySet()) {
      final HttpClientSupport.Answer answer =
          get(instance.url() + "/applications/" + id + "/history");
      assertThat(answer.status()).as(answer.body()).isEqualTo(200);
      final JsonNode current = get(instance.url() + "/applications/" + id).json();
      final List<Long> sequences = new ArrayList<>();
      answer.json().forEach(d -> sequences.add(d.get("sequence").asLong()));
      // One entry per sequence, 1 to the current one, in order.
      assertThat(sequences)
          .as(id)
          .isEqualTo(LongStream.rangeClosed(1, current.get("sequence").asLong()).boxed().toList());
      assertThat(answer.json().get(answer.json().size() - 1)).isEqualTo(current);
    }
    final HttpClientSupport.Answer unknown =
        get(instance.url() + "/applications/RR-2022-999999/history");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().get("error").asText()).contains("RR-2022-999999");
  }

  @Test
  void theProgrammesAreListedWithTheKindOfMoneyEachGives() {
    final HttpClientSupport.Answer answer = get(instance.url() + "/programmes");
    assertThat(answer.status()).isEqualTo(200);
    final List<String> listed = new ArrayList<>();
    answer
        .json()
        .forEach(
            p ->
                listed.add(
                    p.get("code").asText()
                        + " "
                        + p.get("moneyKind").asText()
                        + " "
                        + p.get("nameZh").asText()
                        + " "
                        + p.get("nameEn").asText()));
    assertThat(listed)
        .containsExactly(
            "RENT_RELIEF CASH 房租减免 Rent relief",
            "RD_SUPER_DEDUCTION TAX_DEDUCTION 研发费用加计扣除 R&D super-deduction",
            "INNOVATION_CREDIT_LOAN LOAN 创新积分贷 Innovation-credit loan",
            "TECH_SME_EVALUATION RECOGNITION 科技型中小企业评价 Technology-based SME evaluation");
  }

  @Test
  void totalsAreFilteredByZoneProgrammeAndYear() {
    final JsonNode all = get(instance.url() + "/totals").json();
    assertThat(all.size()).isGreaterThan(3);

    final JsonNode zgc =
        get(instance.url() + "/totals?zone=ZGC&programme=RENT_RELIEF&year=2022").json();
    assertThat(zgc.size()).isEqualTo(1);
    final JsonNode bucket = zgc.get(0);
    assertThat(bucket.get("zone").asText()).isEqualTo("ZGC");
    assertThat(bucket.get("programme").asText()).isEqualTo("RENT_RELIEF");
    assertThat(bucket.get("year").asInt()).isEqualTo(2022);
    assertThat(bucket.get("budget").isTextual()).isTrue(); // the demo budgets ZGC rent relief
    final long zgcRentRelief =
        decided.values().stream()
            .filter(
                d ->
                    "ZGC".equals(d.getZone())
                        && d.getProgramme() == Programme.RENT_RELIEF
                        && d.getYear() == 2022)
            .count();
    assertThat(bucket.get("received").asLong()).isEqualTo(zgcRentRelief);

    final JsonNode sums = get(instance.url() + "/totals?zone=ALL").json();
    assertThat(sums).isNotEmpty().allMatch(t -> t.get("zone").asText().equals("ALL"));
    final long received =
        StreamSupport.stream(sums.spliterator(), false)
            .mapToLong(t -> t.get("received").asLong())
            .sum();
    assertThat(received).isEqualTo(decided.size());

    final JsonNode loans = get(instance.url() + "/totals?programme=INNOVATION_CREDIT_LOAN").json();
    assertThat(loans)
        .isNotEmpty()
        .allMatch(t -> t.get("programme").asText().equals("INNOVATION_CREDIT_LOAN"));
    assertThat(get(instance.url() + "/totals?year=1999").json()).isEmpty();
  }

  @Test
  void reconciliationServesControlTotalsThatAddUpToTheApprovals() throws Exception {
    final BigDecimal approved =
        decided.values().stream()
            .filter(d -> d.getProgramme() == Programme.RENT_RELIEF)
            .map(Decision::getApprovedAmount)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertThat(approved.signum()).as("the scenario approves rent relief").isPositive();
    // Movements follow the decisions a step later: wait until every approval is counted.
    final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    JsonNode days = get(instance.url() + "/reconciliation?programme=RENT_RELIEF").json();
    while (changeOf(days).compareTo(approved) != 0 && System.nanoTime() < deadline) {
      Thread.sleep(500);
      days = get(instance.url() + "/reconciliation?programme=RENT_RELIEF").json();
    }
    assertThat(changeOf(days)).isEqualByComparingTo(approved);
    assertThat(days).allMatch(d -> d.get("programme").asText().equals("RENT_RELIEF"));

    final String day = days.get(0).get("date").asText();
    final JsonNode oneDay = get(instance.url() + "/reconciliation?date=" + day).json();
    assertThat(oneDay).isNotEmpty().allMatch(d -> d.get("date").asText().equals(day));
  }

  private static BigDecimal changeOf(JsonNode days) {
    return StreamSupport.stream(days.spliterator(), false)
        .map(d -> new BigDecimal(d.get("change").asText()))
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/totals?year=abc",
        "/reconciliation?date=2022-13-01",
        "/reconciliation?day=2022-06-01",
        "/totals?year=20222",
        "/totals?programme=FOO",
        "/totals?zone=zgc",
        "/decisions/latest?limit=0",
        "/decisions/latest?limit=x",
        "/totals?yaer=2022",
        "/totals?local=yes",
        "/applications/RR-1?local=1",
        "/decisions/latest?limit=5&zone=ZGC",
        "/health?verbose=true"
      })
  void badInputIs400WithAJsonError(String pathAndQuery) {
    final HttpClientSupport.Answer answer = get(instance.url() + pathAndQuery);
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).isNotBlank();
  }

  @Test
  void healthSaysRunning() {
    final HttpClientSupport.Answer answer = get(instance.url() + "/health");
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("state").asText()).isEqualTo("RUNNING");
  }

  @Test
  void latestDecisionsAreNewestFirst() {
    final JsonNode latest = get(instance.url() + "/decisions/latest?limit=10").json();
    assertThat(latest.size()).isEqualTo(10);
    final List<Instant> times = new ArrayList<>();
    latest.forEach(d -> times.add(Instant.parse(d.get("decidedAt").asText())));
    assertThat(times).isSortedAccordingTo((a, b) -> b.compareTo(a));
    assertThat(decided.keySet()).contains(latest.get(0).get("applicationId").asText());
  }

  @Test
  void metricsCountDecisionsDeadLettersAndBudgetsAndIncludeKafkaStreams() throws Exception {
    // Counters are bumped when the ledger emits; the topic is read after commit: let them meet.
    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String metrics;
    long counted;
    long produced;
    do {
      metrics = get(instance.url() + "/metrics").body();
      counted = Math.round(sum(metrics, "subsidy_decisions_total"));
      produced =
          cluster.readUntil(cluster.topics.decisions(), r -> false, Duration.ofSeconds(2)).size();
    } while (counted != produced && System.nanoTime() < deadline);
    assertThat(counted).isEqualTo(produced).isGreaterThanOrEqualTo(APPLICATIONS);

    assertThat(metrics).contains("kafka_stream_");
    assertThat(sum(metrics, "subsidy_dead_letters_total", "code=\"UNDECODABLE\"")).isEqualTo(1.0);
    assertThat(metrics).contains("subsidy_decision_processing_latency_seconds_bucket{");
    assertThat(metrics).contains("subsidy_decision_event_latency_seconds_count{");

    // Budget gauges are read from the local stores every few seconds: they meet the totals.
    final JsonNode zgc =
        get(instance.url() + "/totals?zone=ZGC&programme=RENT_RELIEF&year=2022").json().get(0);
    final double expectedRemaining = zgc.get("budgetRemaining").asDouble();
    final long gaugeDeadline =
        System.nanoTime() + TimeUnit.SECONDS.toNanos(3 * BudgetGauges.REFRESH_SECONDS);
    double remaining;
    do {
      try {
        remaining =
            sum(
                get(instance.url() + "/metrics").body(),
                "subsidy_budget_remaining_yuan",
                "zone=\"ZGC\"",
                "programme=\"RENT_RELIEF\"",
                "year=\"2022\"");
      } catch (AssertionError notYet) {
        remaining = Double.NaN; // not refreshed since the bucket arrived
      }
    } while (remaining != expectedRemaining && System.nanoTime() < gaugeDeadline);
    assertThat(remaining).isEqualTo(expectedRemaining);
  }

  @Test
  void theDashboardAndItsScriptAreServed() {
    final HttpClientSupport.Answer page = get(instance.url() + "/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("dashboard.js").contains("chart-budget");
    final HttpClientSupport.Answer script = get(instance.url() + "/dashboard.js");
    assertThat(script.status()).isEqualTo(200);
    assertThat(script.body()).contains("EventSource");
    final HttpClientSupport.Answer missing = get(instance.url() + "/no-such-thing");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().get("error").asText()).contains("/no-such-thing");
  }

  @Test
  void unknownQueryParametersAreNamedInThe400() {
    final HttpClientSupport.Answer answer = get(instance.url() + "/totals?yaer=2022");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().get("error").asText()).contains("'yaer'");
    assertThat(get(instance.url() + "/totals?local=false&year=2022").status()).isEqualTo(200);
  }

  @Test
  void aWrongMethodIs405WithAllowAndAJsonError() {
    for (String method : List.of("POST", "DELETE", "PUT")) {
      final HttpClientSupport.Answer answer =
          HttpClientSupport.send(method, instance.url() + "/applications/RR-1", null);
      assertThat(answer.status()).as(method).isEqualTo(405);
      assertThat(answer.header("Allow")).isEqualTo("GET, HEAD");
      assertThat(answer.json().get("error").asText()).contains(method);
    }
    assertThat(HttpClientSupport.send("POST", instance.url() + "/totals", null).status())
        .isEqualTo(405);
  }

  @Test
  void headMirrorsGet() {
    final String known = decided.keySet().iterator().next();
    final HttpClientSupport.Answer found =
        HttpClientSupport.send("HEAD", instance.url() + "/applications/" + known, null);
    assertThat(found.status()).isEqualTo(200);
    assertThat(found.header("Content-Type")).startsWith("application/json");
    assertThat(found.body()).isEmpty();
    assertThat(
            HttpClientSupport.send("HEAD", instance.url() + "/applications/RR-2022-999999", null)
                .status())
        .isEqualTo(404);
    assertThat(HttpClientSupport.send("HEAD", instance.url() + "/totals?year=x", null).status())
        .isEqualTo(400);
  }

  @Test
  void aPolicyVersionSaysWhenItTookEffectAndItsSources() {
    final String version = decided.values().iterator().next().getPolicyVersion();
    final HttpClientSupport.Answer answer = get(instance.url() + "/policy/" + version);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    assertThat(answer.json().get("version").asText()).isEqualTo(version);
    assertThat(answer.json().get("effectiveFrom").asText()).isEqualTo("2022-01-01");
    assertThat(answer.json().get("sources").toString()).contains("发改财金〔2022〕271号");
    assertThat(get(instance.url() + "/policy/1999.1").status()).isEqualTo(404);
  }

  @Test
  void eventsWithoutAcceptingAnEventStreamIs406() {
    final HttpClientSupport.Answer answer = get(instance.url() + "/events");
    assertThat(answer.status()).isEqualTo(406);
    assertThat(answer.json().get("error").asText()).contains("text/event-stream");
  }

  @Test
  void theDashboardRootAndTheEventStreamRefuseOtherMethodsWith405() {
    for (String path : List.of("/", "/events", "/index.html")) {
      final HttpClientSupport.Answer answer =
          HttpClientSupport.send("POST", instance.url() + path, "x");
      assertThat(answer.status()).as("POST " + path + ": " + answer.body()).isEqualTo(405);
      assertThat(answer.header("Allow")).as(path).isEqualTo("GET, HEAD");
      assertThat(answer.json().get("error").asText()).contains("POST");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"*/*", "text/*", "text/html, */*;q=0.8", "text/event-stream"})
  void theEventStreamIsServedToAnyAcceptThatAdmitsIt(String accept) throws Exception {
    final HttpResponse<java.io.InputStream> stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(instance.url() + "/events"))
                    .header("Accept", accept)
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    try (java.io.InputStream body = stream.body()) {
      assertThat(stream.statusCode()).as(accept).isEqualTo(200);
      assertThat(stream.headers().firstValue("Content-Type").orElse(""))
          .startsWith("text/event-stream");
    }
    final HttpClientSupport.Answer refused =
        HttpClientSupport.send(
            HttpRequest.newBuilder(URI.create(instance.url() + "/events"))
                .header("Accept", "application/json, text/event-stream;q=0"));
    assertThat(refused.status()).isEqualTo(406);
  }

  @Test
  void headOfTheEventStreamAnswersAsItsGetWithoutABody() {
    final HttpClientSupport.Answer head =
        HttpClientSupport.send(
            HttpRequest.newBuilder(URI.create(instance.url() + "/events"))
                .header("Accept", "text/event-stream")
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
    assertThat(head.status()).isEqualTo(200);
    assertThat(head.header("Content-Type")).startsWith("text/event-stream");
    assertThat(head.body()).isEmpty();
    final HttpClientSupport.Answer refused =
        HttpClientSupport.send("HEAD", instance.url() + "/events", null);
    assertThat(refused.status()).isEqualTo(406);
    assertThat(refused.header("Content-Type")).startsWith("application/json");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/events?x=1",
        "/totals?year=2022&year=2023",
        "/decisions/latest?limit=5&limit=6",
        "/applications/RR-1?local=true&local=false"
      })
  void unknownOrRepeatedParametersAre400NamingTheParameter(String pathAndQuery) {
    final HttpClientSupport.Answer answer =
        HttpClientSupport.send(
            HttpRequest.newBuilder(URI.create(instance.url() + pathAndQuery))
                .header("Accept", "text/event-stream"));
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    final String name = pathAndQuery.replaceAll(".*[?&]([a-z]+)=[^&]*$", "$1");
    assertThat(answer.json().get("error").asText()).contains("'" + name + "'");
  }

  @Test
  void badPercentEncodingSaysSoInTheSameJsonAsEveryOtherError() throws Exception {
    final String other = get(instance.url() + "/no-such-thing").header("Content-Type");
    for (String path : List.of("/applications/%ZZ", "/applications/RR%2", "/totals?zone=%ZZ")) {
      final String answer = HttpClientSupport.raw(instance.url(), "GET", path, "");
      assertThat(answer).as(answer).startsWith("HTTP/1.1 400");
      assertThat(answer).as(path).containsIgnoringCase("Content-Type: " + other + "\r\n");
      final JsonNode body =
          HttpClientSupport.MAPPER.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(body.get("error").asText()).as(path).contains("percent-encoding");
    }
  }

  @Test
  void aTrailingSlashIsAcceptedOnEveryEndpoint() {
    final Decision any = decided.values().iterator().next();
    for (String path :
        List.of(
            "/applications/" + any.getApplicationId() + "/",
            "/applications/" + any.getApplicationId() + "/history/",
            "/policy/" + any.getPolicyVersion() + "/",
            "/totals/",
            "/programmes/",
            "/decisions/latest/",
            "/health/")) {
      final HttpClientSupport.Answer answer = get(instance.url() + path);
      assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(200);
    }
  }

  @Test
  void aNotFoundQuotesALongIdShortened() {
    final String id = "RR-" + "9".repeat(5_000);
    for (String path : List.of("/applications/" + id, "/policy/" + id, "/x/" + id)) {
      final HttpClientSupport.Answer answer = get(instance.url() + path);
      assertThat(answer.status()).as(path.substring(0, 20)).isEqualTo(404);
      final String error = answer.json().get("error").asText();
      assertThat(error).contains("RR-999").contains("…");
      assertThat(error.length()).as(error).isLessThan(300);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "400 GET /applications/%ZZ",
        "400 GET /totals?zone=%ZZ",
        "414 GET /applications/LONG",
        "431 GET /health HUGE-HEADER"
      })
  void requestsJettyRefusesAreAnsweredInJsonToo(String spec) throws Exception {
    final String[] parts = spec.split(" ");
    final String path = parts[2].replace("LONG", "R".repeat(70_000));
    final String extra = parts.length > 3 ? "X-Filler: " + "f".repeat(70_000) + "\r\n" : "";
    final String answer = HttpClientSupport.raw(instance.url(), parts[1], path, extra);
    assertThat(answer).as(answer).startsWith("HTTP/1.1 " + parts[0]);
    assertThat(answer).containsIgnoringCase("Content-Type: application/json");
    assertThat(answer.substring(answer.indexOf("\r\n\r\n"))).contains("{\"error\":");
  }

  @Test
  @Order(Integer.MAX_VALUE - 1) // adds a decision: the others count the first ones
  void eventsPushNewDecisions() throws Exception {
    final HttpClient http = HttpClient.newHttpClient();
    final HttpResponse<java.io.InputStream> stream =
        http.send(
            HttpRequest.newBuilder(URI.create(instance.url() + "/events"))
                .header("Accept", "text/event-stream")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    assertThat(stream.statusCode()).isEqualTo(200);
    // A new application after the stream is open: its decision must come down the stream.
    final Generated next = scenario.applicationGenerator().take(APPLICATIONS + 1).get(APPLICATIONS);
    publisher.publish(next);
    publisher.flush();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      String event = null;
      String id = null;
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("event:")) {
          event = line.substring(6).trim();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("data:")
            && "decision".equals(event)
            && line.contains("\"" + next.key() + "\"")) {
          final JsonNode decision = HttpClientSupport.MAPPER.readTree(line.substring(5).trim());
          assertThat(decision.get("applicationId").asText()).isEqualTo(next.key());
          assertThat(id).as("every event carries an id").isNotNull();
          pushedEventId = Long.parseLong(id);
          return;
        }
      }
    }
    throw new AssertionError("the event stream ended without a decision for " + next.key());
  }

  @Test
  @Order(Integer.MAX_VALUE) // after eventsPushNewDecisions, whose event it resumes from
  void aReconnectWithLastEventIdResumesAfterIt() throws Exception {
    assertThat(pushedEventId).as("eventsPushNewDecisions ran first").isPositive();
    final HttpResponse<java.io.InputStream> stream =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(instance.url() + "/events"))
                    .header("Accept", "text/event-stream")
                    .header("Last-Event-ID", Long.toString(pushedEventId - 1))
                    .GET()
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream());
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.startsWith("id:")) {
          // The first event replayed is the one right after the given id: the pushed decision.
          assertThat(Long.parseLong(line.substring(3).trim())).isEqualTo(pushedEventId);
          return;
        }
      }
    }
    throw new AssertionError("nothing replayed after Last-Event-ID " + (pushedEventId - 1));
  }

  /** Sum of the samples of a Prometheus metric whose labels contain {@code labelPart}. */
  static double sum(String metrics, String name, String... labelParts) {
    final Matcher m = Pattern.compile("(?m)^" + name + "\\{([^}]*)\\} (\\S+)$").matcher(metrics);
    double total = 0;
    boolean found = false;
    while (m.find()) {
      final String labels = m.group(1);
      if (java.util.Arrays.stream(labelParts).allMatch(labels::contains)) {
        total += Double.parseDouble(m.group(2));
        found = true;
      }
    }
    if (!found) {
      throw new AssertionError(
          "no " + name + java.util.Arrays.toString(labelParts) + " in\n" + metrics);
    }
    return total;
  }

  private Map<String, Decision> awaitDecisions(int applications) {
    final List<ConsumerRecord<String, byte[]>> records =
        cluster.readUntil(
            cluster.topics.decisions(),
            r ->
                r.stream().map(ConsumerRecord::key).collect(Collectors.toSet()).size()
                    >= applications,
            Duration.ofSeconds(90));
    final Map<String, Decision> latest = HttpClientSupport.latestDecisions(cluster, records);
    assertThat(latest).hasSize(applications);
    final Set<String> ids = latest.keySet();
    assertThat(ids).allMatch(id -> !id.isBlank());
    return latest;
  }
}
