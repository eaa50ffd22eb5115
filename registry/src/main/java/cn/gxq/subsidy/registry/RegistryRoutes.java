package cn.gxq.subsidy.registry;

import cn.gxq.subsidy.registry.AvroSchemas.ParsedSchema;
import cn.gxq.subsidy.registry.SchemaState.Decision;
import cn.gxq.subsidy.registry.SchemaState.SubjectVersion;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the registry: the subset of the Confluent Schema Registry REST API, mapped onto
 * a {@link SchemaLog}.
 */
final class RegistryRoutes {

  /** The content type of every answer; requests may also use {@code application/json}. */
  static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

  private static final Logger LOG = LoggerFactory.getLogger(RegistryRoutes.class);

  private final SchemaLog log;
  private final BasicAuth writeAuth;
  private final ObjectMapper json = new ObjectMapper();

  /** {@code writeAuth} null leaves writes open. */
  RegistryRoutes(final SchemaLog log, final BasicAuth writeAuth) {
    this.log = log;
    this.writeAuth = writeAuth;
  }

  void install(final JavalinConfig cfg) {
    cfg.routes.before(this::guardWrites);

    cfg.routes.get("/", ctx -> answer(ctx, Map.of()));
    cfg.routes.get("/schemas/types", ctx -> answer(ctx, List.of(AvroSchemas.AVRO)));
    cfg.routes.get("/subjects", ctx -> answer(ctx, log.read(SchemaState::subjects)));
    cfg.routes.post("/subjects/{subject}/versions", this::register);
    cfg.routes.post("/subjects/{subject}", this::lookup);
    cfg.routes.get("/subjects/{subject}/versions", this::versions);
    cfg.routes.get("/subjects/{subject}/versions/{version}", this::version);
    cfg.routes.get("/schemas/ids/{id}", this::schemaById);
    cfg.routes.post(
        "/compatibility/subjects/{subject}/versions/{version}", this::checkCompatibility);
    cfg.routes.get("/config", ctx -> answer(ctx, levelBody(log.read(SchemaState::globalLevel))));
    cfg.routes.put("/config", ctx -> setLevel(ctx, null));
    cfg.routes.get("/config/{subject}", this::subjectLevel);
    cfg.routes.put("/config/{subject}", ctx -> setLevel(ctx, ctx.pathParam("subject")));

    cfg.routes.exception(RegistryException.class, this::fail);
    cfg.routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
          fail(new RegistryException(500, 50001, "Internal error: " + e), ctx);
        });
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

  private void schemaById(final Context ctx) {
    final String raw = ctx.pathParam("id");
    final int id;
    try {
      id = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw RegistryException.schemaNotFound("id " + raw);
    }
    final ParsedSchema schema =
        log.read(s -> s.schemaById(id))
            .orElseThrow(() -> RegistryException.schemaNotFound("id " + id));
    answer(ctx, Map.of("schema", schema.normalized()));
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
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("is_compatible", problems.isEmpty());
    if (!problems.isEmpty()) {
      body.put("messages", problems);
    }
    answer(ctx, body);
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
      final JsonNode node = json.readTree(ctx.body());
      if (node == null || !node.isObject()) {
        throw RegistryException.badRequest("The request body must be a JSON object.");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw RegistryException.badRequest(
          "The request body is not valid JSON: " + e.getOriginalMessage());
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
      ctx.contentType(CONTENT_TYPE).result(json.writeValueAsString(body));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a response", e);
    }
  }
}
