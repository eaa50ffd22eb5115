package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.internal.Route;
import cn.gxq.subsidy.ledger.RouteBook;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The router's book over the stores of one task. The registrations store keeps, per series, how
 * many serials this task has drawn; which serials those are is the {@link
 * cn.gxq.subsidy.ledger.SerialSpace}'s business.
 */
final class StoreRouteBook implements RouteBook {

  private final KeyValueStore<String, Route> routes;
  private final KeyValueStore<String, String> claims;
  private final KeyValueStore<String, Integer> serials;

  StoreRouteBook(
      KeyValueStore<String, Route> routes,
      KeyValueStore<String, String> claims,
      KeyValueStore<String, Integer> serials) {
    this.routes = routes;
    this.claims = claims;
    this.serials = serials;
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

  @Override
  public int nextSerial(String series) {
    final Integer last = serials.get(series);
    if (last != null && last == Integer.MAX_VALUE) {
      return last; // long past any share: stays full, never wraps round
    }
    final int drawn = last == null ? 1 : last + 1;
    serials.put(series, drawn);
    return drawn;
  }
}
