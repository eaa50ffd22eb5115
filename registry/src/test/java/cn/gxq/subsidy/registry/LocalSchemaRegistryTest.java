package cn.gxq.subsidy.registry;

import static cn.gxq.subsidy.registry.TestSchemas.AMOUNT_DEFAULTED;
import static cn.gxq.subsidy.registry.TestSchemas.AMOUNT_REQUIRED;
import static cn.gxq.subsidy.registry.TestSchemas.ID;
import static cn.gxq.subsidy.registry.TestSchemas.NOTE_OPTIONAL;
import static cn.gxq.subsidy.registry.TestSchemas.grant;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.broker.EmbeddedKafkaBroker;
import cn.gxq.subsidy.registry.RegistryHttp.Answer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalSchemaRegistryTest {

  private static EmbeddedKafkaBroker broker;

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKafkaBroker.builder().port(0).build().start();
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  /** Each test keeps its log in a topic of its own. */
  private static LocalSchemaRegistry.Builder registryOn(final String topic) {
    return LocalSchemaRegistry.builder()
        .bootstrapServers(broker.bootstrapServers())
        .port(0)
        .topic(topic);
  }

  private static String freshTopic() {
    return "_schemas-" + UUID.randomUUID();
  }

  @Test
  void sameContractSchemaTwiceGivesOneIdAndOneVersion() throws Exception {
    try (LocalSchemaRegistry registry = registryOn(freshTopic()).start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      final String schema = Enterprise.getClassSchema().toString();
      final String subject = "subsidy.enterprises.v1-value";

      final int first = http.register(subject, schema);
      // Same schema, other white space: still the same schema.
      final int second =
          http.register(subject, RegistryHttp.JSON.readTree(schema).toPrettyString());

      assertThat(second).isEqualTo(first);
      assertThat(http.get("/subjects/" + subject + "/versions").body()).hasSize(1);
      final Answer byId = http.get("/schemas/ids/" + first);
      assertThat(new Schema.Parser().parse(byId.body().get("schema").asText()))
          .isEqualTo(Enterprise.getClassSchema());
      assertThat(http.get("/subjects").body().toString()).isEqualTo("[\"" + subject + "\"]");
    }
  }

  @Test
  void backwardRefusesAnIncompatibleChangeAndAcceptsACompatibleOne() {
    try (LocalSchemaRegistry registry = registryOn(freshTopic()).start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      final int v1 = http.register("grants-value", grant(ID));

      // A new field without default cannot read old data.
      final Answer refused =
          http.post(
              "/subjects/grants-value/versions", Map.of("schema", grant(ID, AMOUNT_REQUIRED)));
      assertThat(refused.status()).isEqualTo(409);
      assertThat(refused.errorCode()).isEqualTo(409);
      assertThat(refused.body().get("message").asText())
          .contains("READER_FIELD_MISSING_DEFAULT_VALUE");

      final int v2 = http.register("grants-value", grant(ID, AMOUNT_DEFAULTED));
      assertThat(v2).isNotEqualTo(v1);
      assertThat(http.get("/subjects/grants-value/versions").body().toString()).isEqualTo("[1,2]");
      final Answer latest = http.get("/subjects/grants-value/versions/latest");
      assertThat(latest.body().get("version").asInt()).isEqualTo(2);
      assertThat(latest.body().get("id").asInt()).isEqualTo(v2);
      assertThat(latest.body().get("subject").asText()).isEqualTo("grants-value");
      assertThat(http.get("/subjects/grants-value/versions/1").body().get("id").asInt())
          .isEqualTo(v1);
    }
  }

  @Test
  void idsAreGlobalAcrossSubjects() {
    try (LocalSchemaRegistry registry = registryOn(freshTopic()).start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      final int a = http.register("a-value", grant(ID));
      http.register("a-value", grant(ID, NOTE_OPTIONAL));
      final int b = http.register("b-value", grant(ID, NOTE_OPTIONAL));
      final int bAgain = http.register("b-value", grant(ID));

      assertThat(bAgain).as("same schema, another subject: same id").isEqualTo(a);
      assertThat(http.get("/subjects/b-value/versions").body().toString()).isEqualTo("[1,2]");
      final Answer lookup = http.post("/subjects/b-value", Map.of("schema", grant(ID)));
      assertThat(lookup.status()).isEqualTo(200);
      assertThat(lookup.body().get("version").asInt()).isEqualTo(2);
      assertThat(lookup.body().get("id").asInt()).isEqualTo(a);
      assertThat(lookup.body().get("subject").asText()).isEqualTo("b-value");
      assertThat(b).isNotEqualTo(a);
    }
  }

  @Test
  void noneAllowsAnythingAndLevelsAreReadBackLikeConfluent() {
    try (LocalSchemaRegistry registry = registryOn(freshTopic()).start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      http.register("free-value", grant(ID));
      assertThat(http.get("/config").body().get("compatibilityLevel").asText())
          .isEqualTo("BACKWARD");

      final Answer set = http.put("/config/free-value", Map.of("compatibility", "NONE"));
      assertThat(set.status()).isEqualTo(200);
      assertThat(set.body().get("compatibility").asText()).isEqualTo("NONE");
      assertThat(http.get("/config/free-value").body().get("compatibilityLevel").asText())
          .isEqualTo("NONE");

      // Renaming the only field breaks every direction; NONE does not care.
      http.register("free-value", grant("{\"name\":\"other\",\"type\":\"int\"}"));
      assertThat(http.get("/subjects/free-value/versions").body()).hasSize(2);

      assertThat(http.get("/config/other-value").errorCode()).isEqualTo(40408);
      assertThat(
              http.get("/config/other-value?defaultToGlobal=true")
                  .body()
                  .get("compatibilityLevel")
                  .asText())
          .isEqualTo("BACKWARD");

      assertThat(http.put("/config", Map.of("compatibility", "FULL_TRANSITIVE")).status())
          .isEqualTo(200);
      assertThat(http.get("/config").body().get("compatibilityLevel").asText())
          .isEqualTo("FULL_TRANSITIVE");
    }
  }

  @Test
  void compatibilityEndpointAnswersWithoutRegistering() {
    try (LocalSchemaRegistry registry = registryOn(freshTopic()).start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      http.register("check-value", grant(ID));

      final Answer ok =
          http.post(
              "/compatibility/subjects/check-value/versions/latest",
              Map.of("schema", grant(ID, NOTE_OPTIONAL)));
      assertThat(ok.body().get("is_compatible").asBoolean()).isTrue();
      assertThat(ok.body().has("messages")).isFalse();

      final Answer bad =
          http.post(
              "/compatibility/subjects/check-value/versions/1",
              Map.of("schema", grant(ID, AMOUNT_REQUIRED)));
      assertThat(bad.body().get("is_compatible").asBoolean()).isFalse();
      assertThat(bad.body().get("messages")).isNotEmpty();
      assertThat(http.get("/subjects/check-value/versions").body()).hasSize(1);
    }
  }

  @Test
  void idsSurviveARestartOnTheSameTopic() {
    final String topic = freshTopic();
    final int first;
    final int second;
    try (LocalSchemaRegistry registry = registryOn(topic).start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      first = http.register("x-value", grant(ID));
      second = http.register("y-value", Enterprise.getClassSchema().toString());
      http.put("/config/y-value", Map.of("compatibility", "NONE"));
    }
    try (LocalSchemaRegistry registry = registryOn(topic).start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      assertThat(http.register("x-value", grant(ID))).isEqualTo(first);
      assertThat(http.register("y-value", Enterprise.getClassSchema().toString()))
          .isEqualTo(second);
      assertThat(http.get("/schemas/ids/" + second).status()).isEqualTo(200);
      assertThat(http.get("/config/y-value").body().get("compatibilityLevel").asText())
          .isEqualTo("NONE");
      final int third = http.register("x-value", grant(ID, NOTE_OPTIONAL));
      assertThat(third).isNotIn(first, second);
    }
  }

  @Test
  void twoInstancesOnOneTopicAgreeOnIdsAndVersions() throws Exception {
    final String topic = freshTopic();
    try (LocalSchemaRegistry one = registryOn(topic).start();
        LocalSchemaRegistry two = registryOn(topic).start()) {
      final RegistryHttp a = new RegistryHttp(one.url());
      final RegistryHttp b = new RegistryHttp(two.url());

      final int viaOne = a.register("shared-value", grant(ID));
      final int viaTwo = b.register("shared-value", grant(ID, NOTE_OPTIONAL));
      assertThat(b.register("shared-value", grant(ID))).isEqualTo(viaOne);
      assertThat(a.register("shared-value", grant(ID, NOTE_OPTIONAL))).isEqualTo(viaTwo);

      // Both instances race on one subject with compatible schemas of their own.
      final ExecutorService pool = Executors.newFixedThreadPool(4);
      final List<Future<Integer>> ids = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        final RegistryHttp via = i % 2 == 0 ? a : b;
        final String field =
            "{\"name\":\"f" + i + "\",\"type\":[\"null\",\"string\"],\"default\":null}";
        ids.add(pool.submit(() -> via.register("race-value", grant(ID, field))));
      }
      for (Future<Integer> id : ids) {
        id.get();
      }
      pool.shutdown();

      // Catch both up, then compare everything they answer.
      a.register(
          "race-value",
          grant(ID, "{\"name\":\"f0\",\"type\":[\"null\",\"string\"],\"default\":null}"));
      b.register(
          "race-value",
          grant(ID, "{\"name\":\"f0\",\"type\":[\"null\",\"string\"],\"default\":null}"));
      for (String subject : List.of("shared-value", "race-value")) {
        final Answer versionsA = a.get("/subjects/" + subject + "/versions");
        assertThat(b.get("/subjects/" + subject + "/versions").body()).isEqualTo(versionsA.body());
        for (var v : versionsA.body()) {
          assertThat(b.get("/subjects/" + subject + "/versions/" + v.asInt()).body())
              .isEqualTo(a.get("/subjects/" + subject + "/versions/" + v.asInt()).body());
        }
      }
      assertThat(a.get("/subjects/race-value/versions").body()).hasSize(8);
    }
  }

  @Test
  void writesNeedCredentialsWhenConfiguredButReadsStayOpen() {
    try (LocalSchemaRegistry registry =
        registryOn(freshTopic()).writeCredentials("writer", "s3cret").start()) {
      final RegistryHttp anonymous = new RegistryHttp(registry.url());
      final RegistryHttp wrong = anonymous.withBasicAuth("writer", "guess");
      final RegistryHttp writer = anonymous.withBasicAuth("writer", "s3cret");

      final Answer refused =
          anonymous.post("/subjects/locked-value/versions", Map.of("schema", grant(ID)));
      assertThat(refused.status()).isEqualTo(401);
      assertThat(refused.errorCode()).isEqualTo(401);
      assertThat(wrong.put("/config", Map.of("compatibility", "NONE")).status()).isEqualTo(401);
      assertThat(anonymous.get("/subjects").body()).isEmpty();

      final int id = writer.register("locked-value", grant(ID));
      assertThat(anonymous.get("/schemas/ids/" + id).status()).isEqualTo(200);
      assertThat(anonymous.get("/config").body().get("compatibilityLevel").asText())
          .isEqualTo("BACKWARD");
    }
  }

  @Test
  void everyErrorCodeHasItsCase() {
    try (LocalSchemaRegistry registry = registryOn(freshTopic()).start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      http.register("known-value", grant(ID));

      expect(http.get("/subjects/unknown-value/versions"), 404, 40401);
      expect(http.get("/subjects/known-value/versions/7"), 404, 40402);
      expect(http.get("/schemas/ids/999"), 404, 40403);
      expect(
          http.post("/subjects/known-value", Map.of("schema", grant(ID, NOTE_OPTIONAL))),
          404,
          40403);
      expect(
          http.post("/subjects/known-value/versions", Map.of("schema", "{\"type\":\"recurd\"}")),
          422,
          42201);
      expect(
          http.post(
              "/subjects/known-value/versions",
              Map.of("schema", grant(ID), "schemaType", "PROTOBUF")),
          422,
          42201);
      expect(http.get("/subjects/known-value/versions/zero"), 422, 42202);
      expect(http.put("/config", Map.of("compatibility", "SIDEWAYS")), 422, 42203);
      expect(
          http.post("/subjects/known-value/versions", Map.of("schema", grant(ID, AMOUNT_REQUIRED))),
          409,
          409);
    }
  }

  @Test
  void chineseDocsAndDefaultsRoundTripAsUtf8() {
    try (LocalSchemaRegistry registry = registryOn(freshTopic()).start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      final String schema =
          grant(
              ID,
              "{\"name\":\"city\",\"type\":\"string\",\"default\":\"北京\"," + "\"doc\":\"所在城市\"}");
      final int id = http.register("chinese-value", schema);

      final Answer served = http.get("/subjects/chinese-value/versions/1");
      assertThat(served.headers().firstValue("Content-Type"))
          .hasValueSatisfying(
              t -> assertThat(t.toLowerCase(Locale.ROOT)).contains("charset=utf-8"));
      final Schema parsed = new Schema.Parser().parse(served.body().get("schema").asText());
      assertThat(parsed.getField("city").defaultVal()).isEqualTo("北京");
      assertThat(parsed.getField("city").doc()).isEqualTo("所在城市");
      assertThat(http.get("/schemas/ids/" + id).body().get("schema").asText())
          .isEqualTo(served.body().get("schema").asText());

      // A client looks the schema up by the very text it was served.
      final Answer found =
          http.post(
              "/subjects/chinese-value", Map.of("schema", served.body().get("schema").asText()));
      assertThat(found.status()).as(found.toString()).isEqualTo(200);
      assertThat(found.body().get("id").asInt()).isEqualTo(id);
    }
  }

  @Test
  void endpointsConfluentToolsCallAreServed() {
    try (LocalSchemaRegistry registry = registryOn(freshTopic()).start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      final int shared = http.register("a-value", grant(ID));
      http.register("b-value", grant(ID));
      http.register("b-value", grant(ID, NOTE_OPTIONAL));

      // The schema text itself, not wrapped.
      final Answer raw = http.get("/subjects/b-value/versions/1/schema");
      assertThat(raw.status()).isEqualTo(200);
      assertThat(new Schema.Parser().parse(raw.body().toString()))
          .isEqualTo(new Schema.Parser().parse(grant(ID)));
      assertThat(http.get("/subjects/b-value/versions/latest/schema").body().get("fields"))
          .hasSize(2);
      expect(http.get("/subjects/b-value/versions/9/schema"), 404, 40402);

      assertThat(http.get("/schemas/ids/" + shared + "/subjects").body().toString())
          .isEqualTo("[\"a-value\",\"b-value\"]");
      assertThat(http.get("/schemas/ids/" + shared + "/versions").body().toString())
          .isEqualTo(
              "[{\"subject\":\"a-value\",\"version\":1},{\"subject\":\"b-value\",\"version\":1}]");
      expect(http.get("/schemas/ids/999/subjects"), 404, 40403);
      expect(http.get("/schemas/ids/999/versions"), 404, 40403);

      assertThat(http.get("/mode").body().get("mode").asText()).isEqualTo("READWRITE");
      assertThat(http.get("/mode/b-value").body().get("mode").asText()).isEqualTo("READWRITE");
    }
  }

  @Test
  void compatibilityAgainstAllVersionsFollowsTheLevel() {
    try (LocalSchemaRegistry registry = registryOn(freshTopic()).start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      // Unknown subject: anything is compatible, as registering would be.
      assertThat(
              http.post("/compatibility/subjects/new-value/versions", Map.of("schema", grant(ID)))
                  .body()
                  .get("is_compatible")
                  .asBoolean())
          .isTrue();

      http.put("/config/t-value", Map.of("compatibility", "NONE"));
      http.register("t-value", grant(ID, AMOUNT_REQUIRED));
      http.register("t-value", grant(ID));
      // Dropping then re-adding a field without default: fine against the latest under BACKWARD…
      http.put("/config/t-value", Map.of("compatibility", "BACKWARD"));
      final String candidate =
          grant(ID, "{\"name\":\"amount\",\"type\":\"string\",\"default\":\"\"}");
      assertThat(
              http.post("/compatibility/subjects/t-value/versions", Map.of("schema", candidate))
                  .body()
                  .get("is_compatible")
                  .asBoolean())
          .isTrue();
      // …but not against version 1 once the level is transitive (amount was a long there).
      http.put("/config/t-value", Map.of("compatibility", "BACKWARD_TRANSITIVE"));
      final Answer transitive =
          http.post("/compatibility/subjects/t-value/versions", Map.of("schema", candidate));
      assertThat(transitive.body().get("is_compatible").asBoolean()).isFalse();
      assertThat(transitive.body().get("messages").toString()).contains("version 1");
    }
  }

  @Test
  void unknownPathsAndWrongMethodsAnswerRegistryErrors() {
    try (LocalSchemaRegistry registry = registryOn(freshTopic()).start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      http.register("known-value", grant(ID));

      expect(http.get("/no/such/path"), 404, 404);
      final Answer wrongMethod = http.call("DELETE", "/subjects/known-value/versions");
      expect(wrongMethod, 405, 405);
      assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("GET, POST");
      expect(http.call("PATCH", "/mode"), 405, 405);
      // A route's own 404 keeps its specific code.
      expect(http.get("/subjects/unknown-value/versions/1/schema"), 404, 40401);
    }
  }

  @Test
  void storeFailureAnswers50001() {
    final EmbeddedKafkaBroker doomed = EmbeddedKafkaBroker.builder().port(0).build().start();
    try (LocalSchemaRegistry registry =
        LocalSchemaRegistry.builder()
            .bootstrapServers(doomed.bootstrapServers())
            .port(0)
            .timeout(Duration.ofSeconds(2))
            .start()) {
      final RegistryHttp http = new RegistryHttp(registry.url());
      http.register("before-value", grant(ID));
      doomed.close();

      expect(http.post("/subjects/after-value/versions", Map.of("schema", grant(ID))), 500, 50001);
      // Reads are served from memory and keep working.
      assertThat(http.get("/subjects").body()).hasSize(1);
    } finally {
      doomed.close();
    }
  }

  private static void expect(final Answer answer, final int status, final int errorCode) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.errorCode()).as(answer.toString()).isEqualTo(errorCode);
    assertThat(answer.body().get("message").asText()).isNotBlank();
  }
}
