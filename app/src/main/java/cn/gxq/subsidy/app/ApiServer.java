package cn.gxq.subsidy.app;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Map;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API of one instance (contract, "HTTP API", plus the additions in docs/http-api.md):
 * queries answered from this instance's Kafka Streams state (asking the owning instance for keys it
 * does not hold), health, Prometheus metrics, the dashboard and its live event stream. Every error
 * is JSON {@code {"error": "..."}}.
 */
final class ApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

  private final Javalin javalin;

  ApiServer(DecisionQueries queries, PrometheusMeterRegistry metrics, LiveEvents events) {
    this.javalin =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/dashboard";
                    files.location = Location.CLASSPATH;
                    files.headers = Map.of("Cache-Control", "no-cache");
                  });
              cfg.routes.get("/health", ctx -> health(ctx, queries));
              cfg.routes.get(
                  "/metrics", ctx -> ctx.contentType(PROMETHEUS_TEXT).result(metrics.scrape()));
              cfg.routes.get(
                  "/applications/{id}", ctx -> queries.application(ctx, ctx.pathParam("id")));
              cfg.routes.get("/totals", queries::totals);
              cfg.routes.get("/decisions/latest", queries::latestDecisions);
              cfg.routes.sse("/events", events::connect);
              cfg.routes.exception(
                  QueryUnavailableException.class, (e, ctx) -> unavailable(ctx, e.getMessage()));
              cfg.routes.exception(
                  InvalidStateStoreException.class,
                  (e, ctx) -> unavailable(ctx, "state store moved or closed: " + e.getMessage()));
              cfg.routes.exception(
                  BadRequestException.class,
                  (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
              cfg.routes.exception(
                  Exception.class,
                  (e, ctx) -> {
                    // The request may be gone already (a browser closed its event stream): log only
                    // the cause.
                    LOG.warn("request failed: {}", e.toString());
                    try {
                      ctx.status(500)
                          .json(Map.of("error", "internal error: " + e.getClass().getSimpleName()));
                    } catch (RuntimeException gone) {
                      // nobody to answer
                    }
                  });
              cfg.routes.error(
                  404,
                  ctx -> {
                    if (ctx.result() == null) {
                      ctx.json(Map.of("error", "no such resource: " + ctx.path()));
                    }
                  });
            });
  }

  ApiServer start(String host, int port) {
    javalin.start(host, port);
    return this;
  }

  int port() {
    return javalin.port();
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
    ctx.status(503).json(Map.of("error", message));
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
