package cn.gxq.subsidy.app.streams;

import cn.gxq.subsidy.app.http.ApiServer;

/**
 * Deliberately wrong, for {@code ArchitectureTest}: the Streams room reaching up to the HTTP API.
 */
public final class ReachesUpToHttp {

  private ReachesUpToHttp() {}

  public static int port(ApiServer api) {
    return api.port();
  }
}
