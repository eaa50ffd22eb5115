package cn.gxq.subsidy.app;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The HTTP API of one instance (contract, "HTTP API"), answering from this instance's Kafka
 * Streams state and asking the owning instance for keys it does not hold.
 */
final class ApiServer implements AutoCloseable {

  private final Javalin javalin;

  ApiServer(DecisionQueries queries) {
    this.javalin = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.routes.get("/health", ctx -> health(ctx, queries));
      cfg.routes.get("/applications/{id}", ctx -> queries.application(ctx, ctx.pathParam("id")));
      cfg.routes.get("/totals", ctx -> queries.totals(ctx));
      cfg.routes.exception(QueryUnavailableException.class, (e, ctx) -> {
        ctx.header("Retry-After", "1");
        ctx.status(503).json(Map.of("error", e.getMessage()));
      });
      cfg.routes.exception(IllegalArgumentException.class,
          (e, ctx) -> ctx.status(400).json(Map.of("error", e.getMessage())));
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
    ctx.status("RUNNING".equals(state) ? 200 : 503).json(Map.of("state", state));
  }

  @Override
  public void close() {
    javalin.stop();
  }
}
