package cn.gxq.subsidy.ledger;

import cn.gxq.subsidy.avro.internal.Route;
import java.util.HashMap;
import java.util.Map;

/** A route book in maps, for tests. */
final class MapRouteBook implements RouteBook {

  final Map<String, Route> routes = new HashMap<>();
  final Map<String, String> claims = new HashMap<>();
  final Map<String, Integer> serials = new HashMap<>();

  @Override
  public Route route(String applicationId) {
    return routes.get(applicationId);
  }

  @Override
  public void putRoute(String applicationId, Route route) {
    routes.put(applicationId, route);
  }

  @Override
  public String claimHolder(String claimKey) {
    return claims.get(claimKey);
  }

  @Override
  public void putClaim(String claimKey, String applicationId) {
    claims.put(claimKey, applicationId);
  }

  @Override
  public void deleteClaim(String claimKey) {
    claims.remove(claimKey);
  }

  @Override
  public int nextSerial(String series) {
    return serials.merge(series, 1, (a, b) -> a == Integer.MAX_VALUE ? a : a + b);
  }
}
