package cn.gxq.subsidy.registry;

import cn.gxq.subsidy.registry.AvroSchemas.ParsedSchema;
import cn.gxq.subsidy.registry.SchemaState.Decision;
import cn.gxq.subsidy.registry.SchemaState.SubjectVersion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the registry: the subset of the Confluent Schema Registry REST API, mapped onto
 * a {@link SchemaLog}.
 */
final class RegistryRoutes {

  /** The content type of every answer; requests may also use {@code application/json}. */
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  // Bytes are written as UTF-8 and said to be: without a charset, Jetty encodes text as ISO-8859-1
  // and every Chinese doc or default becomes "?".
  private static final String CONTENT_TYPE_UTF8 = CONTENT_TYPE + "; charset=utf-8";

  private static final String ANSWERED = "registry.answered";

  private static final Logger LOG = LoggerFactory.getLogger(RegistryRoutes.class);

  private final SchemaLog log;
  private final BasicAuth writeAuth;
  private final ObjectMapper json = new ObjectMapper();
  private final List<Route> routes = new ArrayList<>();

  /** A served method and path, kept to tell a wrong method (405) from an unknown path (404). */
  private record Route(HandlerType method, Pattern path) {}

  /** {@code writeAuth} null leaves writes open. */
  RegistryRoutes(final SchemaLog log, final BasicAuth writeAuth) {
    this.log = log;
    this.writeAuth = writeAuth;
  }

  void install(final JavalinConfig cfg) {
    cfg.routes.before(this::guardWrites);

    route(cfg, HandlerType.GET, "/", ctx -> answer(ctx, Map.of()));
    route(cfg, HandlerType.GET, "/schemas/types", ctx -> answer(ctx, List.of(AvroSchemas.AVRO)));
    route(cfg, HandlerType.GET, "/subjects", ctx -> answer(ctx, log.read(SchemaState::subjects)));
    route(cfg, HandlerType.POST, "/subjects/{subject}/versions", this::register);
    route(cfg, HandlerType.POST, "/subjects/{subject}", this::lookup);
    route(cfg, HandlerType.GET, "/subjects/{subject}/versions", this::versions);
    route(cfg, HandlerType.GET, "/subjects/{subject}/versions/{version}", this::version);
    route(cfg, HandlerType.GET, "/subjects/{subject}/versions/{version}/schema", this::rawSchema);
    route(cfg, HandlerType.GET, "/schemas/ids/{id}", this::schemaById);
    route(cfg, HandlerType.GET, "/schemas/ids/{id}/subjects", this::subjectsOfId);
    route(cfg, HandlerType.GET, "/schemas/ids/{id}/versions", this::versionsOfId);
    route(
        cfg,
        HandlerType.POST,
        "/compatibility/subjects/{subject}/versions/{version}",
        this::checkCompatibility);
    route(
        cfg, HandlerType.POST, "/compatibility/subjects/{subject}/versions", this::checkAgainstAll);
    route(
        cfg,
        HandlerType.GET,
        "/config",
        ctx -> answer(ctx, levelBody(log.read(SchemaState::globalLevel))));
    route(cfg, HandlerType.PUT, "/config", ctx -> setLevel(ctx, null));
    route(cfg, HandlerType.GET, "/config/{subject}", this::subjectLevel);
    route(
        cfg, HandlerType.PUT, "/config/{subject}", ctx -> setLevel(ctx, ctx.pathParam("subject")));
    // This registry has no import or read-only mode: every subject is always READWRITE.
    route(cfg, HandlerType.GET, "/mode", ctx -> answer(ctx, Map.of("mode", "READWRITE")));
    route(cfg, HandlerType.GET, "/mode/{subject}", ctx -> answer(ctx, Map.of("mode", "READWRITE")));

    cfg.routes.exception(RegistryException.class, this::fail);
    cfg.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          fail(new RegistryException(500, 50001, "Internal error: " + e), ctx);
        });
    // Javalin answers unknown paths itself, in text; Confluent clients expect its JSON errors.
    cfg.routes.error(404, this::noRoute);
    cfg.routes.error(405, this::noRoute);
  }

  private void route(
      final JavalinConfig cfg, final HandlerType method, final String path, final Handler handler) {
    cfg.routes.addHttpHandler(method, path, handler);
    routes.add(new Route(method, Pattern.compile(path.replaceAll("\\{[^/]+}", "[^/]+"))));
  }

  /** A path no route serves: 405 with {@code Allow} if another method serves it, else 404. */
  private void noRoute(final Context ctx) {
    if (ctx.attribute(ANSWERED) != null) {
      return; // a route answered 404 itself (an unknown subject, version or id)
    }
    final Set<String> allowed = new TreeSet<>();
    for (Route r : routes) {
      if (r.path().matcher(ctx.path()).matches()) {
        allowed.add(r.method().name());
      }
    }
    if (allowed.isEmpty()) {
      fail(new RegistryException(404, 404, "HTTP 404 Not Found: no endpoint " + ctx.path()), ctx);
    } else {
      ctx.header("Allow", String.join(", ", allowed));
      fail(
          new RegistryException(
              405,
              405,
              "HTTP 405 Method Not Allowed: "
                  + ctx.path()
                  + " allows "
                  + String.join(", ", allowed)),
          ctx);
    }
  }

  private void guardWrites(final Context ctx) {
    final HandlerType method = ctx.method();
    final boolean write =
        HandlerType.POST.equals(method)
            || HandlerType.PUT.equals(method)
            || HandlerType.DELETE.equals(method);
    if (write && writeAuth != null && !writeAuth.accepts(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Basic realm=\"schema-registry\"");
      throw RegistryException.unauthorized();
    }
  }

  private void register(final Context ctx) {
    final String subject = ctx.pathParam("subject");
    final Decision decision = log.register(subject, schemaFrom(body(ctx)));
    if (decision.kind() == Decision.Kind.INCOMPATIBLE) {
      throw RegistryException.incompatible(subject, decision.problems());
    }
    answer(ctx, Map.of("id", decision.id()));
  }

  private void lookup(final Context ctx) {
    final String subject = ctx.pathParam("subject");
    final ParsedSchema schema = schemaFrom(body(ctx));
    final Optional<SubjectVersion> found =
        log.read(
            s -> {
              if (!s.hasSubject(subject)) {
                throw RegistryException.subjectNotFound(subject);
              }
              return s.lookup(subject, schema);
            });
    answer(
        ctx,
        versionBody(
            found.orElseThrow(
                () -> RegistryException.schemaNotFound("under subject '" + subject + "'"))));
  }

  private void versions(final Context ctx) {
    final String subject = ctx.pathParam("subject");
    final List<Integer> versions = log.read(s -> s.versions(subject));
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    answer(ctx, versions);
  }

  private void version(final Context ctx) {
    answer(ctx, versionBody(subjectVersion(ctx.pathParam("subject"), ctx.pathParam("version"))));
  }

  private void rawSchema(final Context ctx) {
    final SubjectVersion v = subjectVersion(ctx.pathParam("subject"), ctx.pathParam("version"));
    // Confluent answers the schema text itself, not wrapped in an object.
    ctx.attribute(ANSWERED, true);
    ctx.contentType(CONTENT_TYPE_UTF8).result(v.schema().getBytes(StandardCharsets.UTF_8));
  }

  private void schemaById(final Context ctx) {
    final int id = schemaId(ctx);
    final ParsedSchema schema =
        log.read(s -> s.schemaById(id))
            .orElseThrow(() -> RegistryException.schemaNotFound("id " + id));
    answer(ctx, Map.of("schema", schema.normalized()));
  }

  private void subjectsOfId(final Context ctx) {
    answer(ctx, registeredVersions(schemaId(ctx)).stream().map(SubjectVersion::subject).toList());
  }

  private void versionsOfId(final Context ctx) {
    answer(
        ctx,
        registeredVersions(schemaId(ctx)).stream()
            .map(v -> subjectVersion(v.subject(), v.version()))
            .toList());
  }

  private List<SubjectVersion> registeredVersions(final int id) {
    final List<SubjectVersion> found = log.read(s -> s.versionsOf(id));
    if (found.isEmpty()) {
      throw RegistryException.schemaNotFound("id " + id);
    }
    return found;
  }

  private static int schemaId(final Context ctx) {
    final String raw = ctx.pathParam("id");
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw RegistryException.schemaNotFound("id " + raw);
    }
  }

  private void checkCompatibility(final Context ctx) {
    final String subject = ctx.pathParam("subject");
    final ParsedSchema candidate = schemaFrom(body(ctx));
    final SubjectVersion against = subjectVersion(subject, ctx.pathParam("version"));
    final List<String> problems =
        log.read(
            s ->
                CompatibilityChecker.incompatibilities(
                    nonTransitive(s.effectiveLevel(subject)),
                    candidate.avro(),
                    List.of(s.schemaById(against.id()).orElseThrow().avro())));
    answer(ctx, compatibilityBody(problems));
  }

  /**
   * Checks a candidate as registering it would: against every version under a transitive level,
   * against the latest otherwise. A subject without versions accepts anything.
   */
  private void checkAgainstAll(final Context ctx) {
    final String subject = ctx.pathParam("subject");
    final ParsedSchema candidate = schemaFrom(body(ctx));
    final List<String> problems =
        log.read(
            s ->
                CompatibilityChecker.incompatibilities(
                    s.effectiveLevel(subject), candidate.avro(), s.schemasOf(subject)));
    answer(ctx, compatibilityBody(problems));
  }

  private static Map<String, Object> compatibilityBody(final List<String> problems) {
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("is_compatible", problems.isEmpty());
    if (!problems.isEmpty()) {
      body.put("messages", problems);
    }
    return body;
  }

  private void subjectLevel(final Context ctx) {
    final String subject = ctx.pathParam("subject");
    final boolean defaultToGlobal = Boolean.parseBoolean(ctx.queryParam("defaultToGlobal"));
    final CompatibilityLevel level =
        log.read(
                s ->
                    s.subjectLevel(subject)
                        .or(
                            () ->
                                defaultToGlobal ? Optional.of(s.globalLevel()) : Optional.empty()))
            .orElseThrow(() -> RegistryException.subjectLevelNotConfigured(subject));
    answer(ctx, levelBody(level));
  }

  private void setLevel(final Context ctx, final String subject) {
    final JsonNode body = body(ctx);
    final JsonNode given =
        body.hasNonNull("compatibility")
            ? body.get("compatibility")
            : body.get("compatibilityLevel");
    final String name = given == null ? null : given.asText();
    final CompatibilityLevel level =
        CompatibilityLevel.parse(name)
            .orElseThrow(() -> RegistryException.invalidCompatibilityLevel(String.valueOf(name)));
    log.setLevel(subject, level);
    answer(ctx, Map.of("compatibility", level.name()));
  }

  private SubjectVersion subjectVersion(final String subject, final String rawVersion) {
    final int version = parseVersion(rawVersion);
    return log.read(
            s -> {
              if (!s.hasSubject(subject)) {
                throw RegistryException.subjectNotFound(subject);
              }
              return s.version(subject, version);
            })
        .orElseThrow(() -> RegistryException.versionNotFound(subject, rawVersion));
  }

  /** "latest" and -1 mean the latest version (-1 is returned); otherwise 1 … 2^31-1. */
  private static int parseVersion(final String raw) {
    if ("latest".equalsIgnoreCase(raw)) {
      return -1;
    }
    try {
      final int v = Integer.parseInt(raw);
      if (v == -1 || v >= 1) {
        return v;
      }
    } catch (NumberFormatException e) {
      // Falls through to the Confluent error below.
    }
    throw RegistryException.invalidVersion(raw);
  }

  // The compatibility endpoint checks against one named version, so only the direction of a level
  // counts.
  private static CompatibilityLevel nonTransitive(final CompatibilityLevel level) {
    return switch (level) {
      case BACKWARD_TRANSITIVE -> CompatibilityLevel.BACKWARD;
      case FORWARD_TRANSITIVE -> CompatibilityLevel.FORWARD;
      case FULL_TRANSITIVE -> CompatibilityLevel.FULL;
      default -> level;
    };
  }

  private ParsedSchema schemaFrom(final JsonNode body) {
    final String type = body.path("schemaType").asText(AvroSchemas.AVRO);
    if (!AvroSchemas.AVRO.equalsIgnoreCase(type)) {
      throw RegistryException.invalidSchema(
          "schema type " + type + " is not supported; only AVRO is");
    }
    if (body.path("references").size() > 0) {
      throw RegistryException.invalidSchema("schema references are not supported");
    }
    final JsonNode schema = body.get("schema");
    return AvroSchemas.parse(schema == null || schema.isNull() ? null : schema.asText());
  }

  private JsonNode body(final Context ctx) {
    try {
      // From the bytes: Jackson reads UTF-8 whatever charset the request declares (most declare
      // none, which a servlet container would read as ISO-8859-1).
      final JsonNode node = json.readTree(ctx.bodyAsBytes());
      if (node == null || !node.isObject()) {
        throw RegistryException.badRequest("The request body must be a JSON object.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw RegistryException.badRequest(
          "The request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw RegistryException.badRequest("The request body cannot be read: " + e.getMessage());
    }
  }

  private static Map<String, Object> versionBody(final SubjectVersion v) {
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", v.subject());
    body.put("version", v.version());
    body.put("id", v.id());
    body.put("schema", v.schema());
    return body;
  }

  // Confluent answers GET /config with "compatibilityLevel" and takes "compatibility" on PUT; give
  // both.
  private static Map<String, Object> levelBody(final CompatibilityLevel level) {
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("compatibilityLevel", level.name());
    body.put("compatibility", level.name());
    return body;
  }

  private void fail(final RegistryException e, final Context ctx) {
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("error_code", e.errorCode());
    body.put("message", e.getMessage());
    ctx.status(e.httpStatus());
    answer(ctx, body);
  }

  private void answer(final Context ctx, final Object body) {
    try {
      ctx.attribute(ANSWERED, true);
      ctx.contentType(CONTENT_TYPE_UTF8).result(json.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a response", e);
    }
  }

  /** {@code {"subject","version"}} in that order, as Confluent writes it (Map.of has no order). */
  private static Map<String, Object> subjectVersion(String subject, int version) {
    final Map<String, Object> pair = new java.util.LinkedHashMap<>();
    pair.put("subject", subject);
    pair.put("version", version);
    return pair;
  }
}
