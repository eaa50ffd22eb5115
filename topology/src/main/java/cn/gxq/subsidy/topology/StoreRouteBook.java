package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.internal.Route;
import cn.gxq.subsidy.ledger.RouteBook;
import org.apache.kafka.streams.state.KeyValueStore;

/** The router's book over the stores of one task. */
final class StoreRouteBook implements RouteBook {

  private final KeyValueStore<String, Route> routes;
  private final KeyValueStore<String, String> claims;

  StoreRouteBook(KeyValueStore<String, Route> routes, KeyValueStore<String, String> claims) {
    this.routes = routes;
    this.claims = claims;
  }

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
    claims.delete(claimKey);
  }
}
