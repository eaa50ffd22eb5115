package cn.gxq.subsidy.archfixture.topology;

import io.javalin.http.Context;

/** Deliberately wrong, for ArchitectureTest: decision logic reaching into the HTTP layer. */
public final class HttpLeak {

  public String applicationId(Context ctx) {
    return ctx.pathParam("id");
  }
}
