package cn.gxq.subsidy.app.http;

import cn.gxq.subsidy.app.audit.AccessLogReader;
import cn.gxq.subsidy.app.people.Forbidden;
import cn.gxq.subsidy.app.people.HttpSecurity;
import cn.gxq.subsidy.app.people.Reading;
import cn.gxq.subsidy.app.people.Unauthenticated;
import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.policy.PolicyBook;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of one instance (contract, "HTTP API", plus the additions in docs/http-api.md):
 * queries answered from this instance's Kafka Streams state (asking the owning instance for keys it
 * does not hold), health, Prometheus metrics, the dashboard and its live event stream. Every error
 * is JSON {@code {"error": "..."}}: unknown paths (404), wrong methods (405 with {@code Allow}),
 * unknown or bad query parameters (400), and what Jetty refuses itself (bad percent-encoding, a URI
 * or headers too long). HEAD answers as GET does, without the body.
 *
 * <p>Every route names what it reads ({@link Reading}); the gate of {@link HttpSecurity} lets
 * through only those whose roles may read it (401 for nobody, 403 for a wrong role) and, after the
 * answer is made but before it leaves, logs each read of an enterprise's file.
 */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private static final String ERROR_WRITTEN = "api.error";
  private static final String DASHBOARD = "/dashboard";

  private final Javalin javalin;
  private final List<Served> served = new ArrayList<>();
  private final HttpSecurity security;

  /** The API's sources of answers. */
  public record Sources(
      DecisionQueries queries,
      PrometheusMeterRegistry metrics,
      LiveEvents events,
      PolicyBook policies,
      WhatIfResults whatIfs,
      AccessLogReader accessLog) {}

  public ApiServer(Sources sources, HttpSecurity security) {
    this.security = security;
    this.javalin =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              security.serveTls(cfg);
              cfg.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
              cfg.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = DASHBOARD;
                    files.location = Location.CLASSPATH;
                    files.headers = Map.of("Cache-Control", "no-cache");
                  });
              routes(cfg, sources);
              people(cfg, sources.accessLog());
              eventStream(cfg, sources.events());
              errors(cfg);
              cfg.routes.after(security.gate()::recordRead);
            });
  }

  private void routes(JavalinConfig cfg, Sources sources) {
    final DecisionQueries queries = sources.queries();
    get(cfg, "/health", Set.of(), Reading.OPEN, ctx -> health(ctx, queries));
    get(
        cfg,
        "/metrics",
        Set.of(),
        Reading.METRICS,
        ctx -> ctx.contentType(PROMETHEUS_TEXT).result(sources.metrics().scrape()));
    get(
        cfg,
        "/applications/{id}",
        Set.of("local"),
        Reading.APPLICATION,
        ctx -> queries.application(ctx, ctx.pathParam("id")));
    get(
        cfg,
        "/applications/{id}/history",
        Set.of("local"),
        Reading.APPLICATION,
        ctx -> queries.history(ctx, ctx.pathParam("id")));
    get(cfg, "/programmes", Set.of(), Reading.OPEN, ctx -> ctx.json(ProgrammeListing.PROGRAMMES));
    get(
        cfg,
        "/totals",
        Set.of("local", "programme", "zone", "year"),
        Reading.OPEN,
        queries::totals);
    get(
        cfg,
        "/decisions/latest",
        Set.of("local", "limit"),
        Reading.DECISIONS,
        queries::latestDecisions);
    get(
        cfg,
        "/reconciliation",
        Set.of("local", "zone", "programme", "date"),
        Reading.RECONCILIATION,
        queries::reconciliation);
    get(cfg, "/policy/{version}", Set.of(), Reading.OPEN, ctx -> policy(ctx, sources.policies()));
    get(cfg, "/whatif/{name}", Set.of(), Reading.WHATIF, sources.whatIfs()::serve);
  }

  /** Signing in and out, and the access log. */
  private void people(JavalinConfig cfg, AccessLogReader accessLog) {
    get(cfg, "/session", Set.of(), Reading.OPEN, security.signIn()::whoIsIt);
    cfg.routes.post("/session", security.signIn()::signIn);
    cfg.routes.delete("/session", security.signIn()::signOut);
    served.add(new Served("POST", "/session"));
    served.add(new Served("DELETE", "/session"));
    get(
        cfg,
        "/access-log",
        Set.of("limit", "principal", "application"),
        Reading.ACCESS_LOG,
        ctx -> AccessLogAnswers.serve(ctx, accessLog));
  }

  private void eventStream(JavalinConfig cfg, LiveEvents events) {
    final EventStream stream = new EventStream(events::connect);
    cfg.routes.get(
        "/events",
        ctx -> {
          security.gate().admit(ctx, Reading.DECISIONS);
          stream.open(ctx);
        });
    cfg.routes.head(
        "/events",
        ctx -> {
          security.gate().admit(ctx, Reading.DECISIONS);
          stream.describe(ctx);
        });
    served.add(new Served("GET", "/events"));
    served.add(new Served("HEAD", "/events"));
  }

  private void errors(JavalinConfig cfg) {
    cfg.routes.exception(
        QueryUnavailableException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
    cfg.routes.exception(
        InvalidStateStoreException.class,
        (e, ctx) -> unavailable(ctx, "state store moved or closed: " + e.getMessage()));
    cfg.routes.exception(BadRequestException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
    cfg.routes.exception(NotAcceptableException.class, (e, ctx) -> error(ctx, 406, e.getMessage()));
    cfg.routes.exception(
        Unauthenticated.class,
        (e, ctx) -> {
          // RFC 6750: a request that carried a token learns that the token was the problem.
          final boolean hadToken = ctx.header("Authorization") != null;
          ctx.header(
              "WWW-Authenticate",
              "Bearer realm=\"subsidy\"" + (hadToken ? ", error=\"invalid_token\"" : ""));
          error(ctx, 401, e.getMessage());
        });
    cfg.routes.exception(Forbidden.class, (e, ctx) -> error(ctx, 403, e.getMessage()));
    cfg.routes.exception(
        Exception.class,
        (e, ctx) -> {
          // The request may be gone already (a browser closed its event stream): log only the
          // cause.
          LOG.warn("request failed: {}", e.toString());
          try {
            error(ctx, 500, "internal error: " + e.getClass().getSimpleName());
          } catch (RuntimeException gone) {
            // nobody to answer
          }
        });
    cfg.routes.error(404, this::noRoute);
    cfg.routes.error(405, this::noRoute);
  }

  /**
   * A served method and path pattern, kept to tell a wrong method (405) from a wrong path (404).
   */
  private record Served(String method, String path) {
    boolean matches(String requested) {
      return requested.matches(path.replaceAll("\\{[^/]+}", "[^/]+"));
    }
  }

  /**
   * A GET route, also answering HEAD the same way (Jetty leaves the body out), behind the gate for
   * what it reads, that refuses query parameters it does not know: a typo must not silently widen
   * an answer.
   */
  private void get(
      JavalinConfig cfg, String path, Set<String> parameters, Reading reading, Handler handler) {
    final Handler strict =
        ctx -> {
          security.gate().admit(ctx, reading);
          QueryParams.wellEncoded(ctx.queryString());
          QueryParams.only(ctx.queryParamMap(), parameters);
          handler.handle(ctx);
        };
    cfg.routes.get(path, strict);
    cfg.routes.head(path, strict);
    served.add(new Served("GET", path));
    served.add(new Served("HEAD", path));
  }

  /**
   * No route answered: 405 with {@code Allow} if the path is served for other methods, else 404.
   */
  private void noRoute(Context ctx) {
    if (ctx.attribute(ERROR_WRITTEN) != null) {
      return; // a route answered with its own JSON error (e.g. an unknown application)
    }
    final Set<String> allowed = new TreeSet<>();
    for (Served s : served) {
      if (s.matches(ctx.path())) {
        allowed.add(s.method());
      }
    }
    if (dashboardFile(ctx.path())) {
      allowed.addAll(List.of("GET", "HEAD"));
    }
    final String path = Shown.shortened(ctx.path());
    if (allowed.isEmpty()) {
      error(ctx, 404, "no such resource: " + path);
    } else {
      ctx.header("Allow", String.join(", ", allowed));
      error(ctx, 405, ctx.method() + " is not allowed on " + path + "; allowed: " + allowed);
    }
  }

  /** The page itself or one of its files, which the static handler serves to GET and HEAD. */
  private static boolean dashboardFile(String path) {
    return path.equals("/")
        || (path.matches("/[A-Za-z0-9._-]+")
            && ApiServer.class.getResource(DASHBOARD + path) != null);
  }

  /** Every error of the API: JSON {@code {"error": "..."}}. */
  static void error(Context ctx, int status, String message) {
    ctx.attribute(ERROR_WRITTEN, true);
    ctx.status(status).json(Map.of("error", message));
  }

  public ApiServer start(String host, int port) {
    javalin.start(host, port);
    return this;
  }

  public int port() {
    return javalin.port();
  }

  /**
   * {@code GET /policy/{version}}: when a decision's policy version took effect, and its sources.
   */
  private static void policy(Context ctx, PolicyBook policies) {
    final String version = ctx.pathParam("version");
    if (!policies.versions().contains(version)) {
      error(
          ctx,
          404,
          "no policy version '" + Shown.shortened(version) + "'; known: " + policies.versions());
      return;
    }
    final Policy policy = policies.version(version);
    final Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", policy.version());
    body.put("effectiveFrom", policy.effectiveFrom().toString());
    body.put("sources", policy.sources());
    ctx.json(body);
  }

  private static void health(Context ctx, DecisionQueries queries) {
    final String state = queries.state();
    if (!"RUNNING".equals(state)) {
      ctx.header("Retry-After", "1");
    }
    ctx.status("RUNNING".equals(state) ? 200 : 503).json(Map.of("state", state));
  }

  private static void unavailable(Context ctx, String message) {
    ctx.header("Retry-After", "1");
    error(ctx, 503, message);
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
