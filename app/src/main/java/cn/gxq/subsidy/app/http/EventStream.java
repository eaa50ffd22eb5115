package cn.gxq.subsidy.app.http;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code GET /events} and its {@code HEAD}: the server-sent event stream for whoever accepts it.
 * Javalin's own SSE handler answers an empty 200 unless {@code Accept} spells out {@code
 * text/event-stream}, so {@code *}{@code /*} (curl's default) got nothing; here any media range
 * that admits the type does, and one that admits none is a 406.
 */
final class EventStream {

  static final String TYPE = "text/event-stream";

  private final Consumer<SseClient> connect;

  EventStream(Consumer<SseClient> connect) {
    this.connect = connect;
  }

  /** Opens the stream, as Javalin's SseHandler does once it has let a request through. */
  void open(Context ctx) throws Exception {
    check(ctx);
    final HttpServletResponse res = ctx.res();
    res.setStatus(200);
    res.setCharacterEncoding("UTF-8");
    res.setContentType(TYPE);
    res.addHeader("Connection", "close");
    res.addHeader("Cache-Control", "no-cache");
    res.addHeader("X-Accel-Buffering", "no");
    res.flushBuffer();
    ctx.async(config -> config.timeout = 0, () -> connect.accept(new SseClient(ctx)));
  }

  /** What {@link #open} would answer, without opening anything. */
  void describe(Context ctx) {
    check(ctx);
    ctx.contentType(TYPE).header("Cache-Control", "no-cache");
  }

  private static void check(Context ctx) {
    QueryParams.wellEncoded(ctx.queryString());
    QueryParams.only(ctx.queryParamMap(), Set.of());
    if (!admits(ctx.header("Accept"))) {
      throw new NotAcceptableException(
          "/events is a server-sent event stream: ask with Accept: text/event-stream");
    }
  }

  /**
   * Whether an {@code Accept} header admits the stream: a range {@code text/event-stream}, {@code
   * text/*} or {@code *}{@code /*} with a quality above 0. A missing header does not: the stream is
   * only for those who ask for it.
   */
  static boolean admits(String header) {
    if (header == null) {
      return false;
    }
    for (String range : header.split(",")) {
      final String[] parts = range.split(";");
      final String name = parts[0].trim().toLowerCase(Locale.ROOT);
      final boolean matches = name.equals(TYPE) || name.equals("text/*") || name.equals("*/*");
      if (matches && quality(parts) > 0) {
        return true;
      }
    }
    return false;
  }

  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      final String parameter = parts[i].trim();
      if (parameter.startsWith("q=")) {
        try {
          return Double.parseDouble(parameter.substring(2).trim());
        } catch (NumberFormatException e) {
          return 0; // an unreadable quality admits nothing
        }
      }
    }
    return 1;
  }
}
