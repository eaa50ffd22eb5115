package cn.gxq.subsidy.app.http;

import cn.gxq.subsidy.app.audit.AccessLogReader;
import cn.gxq.subsidy.avro.AccessRecord;
import cn.gxq.subsidy.json.RecordJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.http.Context;
import java.util.function.Predicate;

/**
 * {@code GET /access-log?limit=&principal=&application=}: the newest reads of enterprises' files,
 * newest first, for auditors. Older ones are on the topic ({@code consume --topic access-log}).
 */
final class AccessLogAnswers {

  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 1000;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final RecordJson JSON = new RecordJson();

  private AccessLogAnswers() {}

  static void serve(Context ctx, AccessLogReader reader) {
    final int limit = QueryParams.limit(ctx.queryParam("limit"), DEFAULT_LIMIT, MAX_LIMIT);
    final String principal = ctx.queryParam("principal");
    final String application = ctx.queryParam("application");
    final Predicate<AccessRecord> wanted =
        r ->
            (principal == null || principal.equals(r.getPrincipal()))
                && (application == null || application.equals(r.getApplicationId()));
    final ArrayNode body = MAPPER.createArrayNode();
    reader.newest(limit, wanted).forEach(r -> body.add(JSON.toTree(r)));
    ctx.json(body);
  }
}
