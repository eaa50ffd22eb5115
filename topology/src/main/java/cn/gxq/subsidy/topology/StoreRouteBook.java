package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.internal.Route;
import cn.gxq.subsidy.ledger.RouteBook;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The router's book over the stores of one task.
 *
 * <p>Registration serials must be unique across the partitions an enterprise's claims are spread
 * over, without asking each other: a serial is this task's partition (two digits) followed by its
 * own count in the series (four digits), so partitions never draw the same serial.
 */
final class StoreRouteBook implements RouteBook {

  /** Serials per series per partition: four digits. */
  static final int SERIALS_PER_PARTITION = 9_999;

  /** Partitions a serial can name: two digits. */
  static final int MAX_PARTITIONS = 100;

  private final KeyValueStore<String, Route> routes;
  private final KeyValueStore<String, String> claims;
  private final KeyValueStore<String, Integer> serials;
  private final int partition;

  StoreRouteBook(
      KeyValueStore<String, Route> routes,
      KeyValueStore<String, String> claims,
      KeyValueStore<String, Integer> serials,
      int partition) {
    if (partition >= MAX_PARTITIONS) {
      throw new IllegalStateException(
          "registration serials name the partition in two digits; partition "
              + partition
              + " is too high (run with at most "
              + MAX_PARTITIONS
              + " partitions)");
    }
    this.routes = routes;
    this.claims = claims;
    this.serials = serials;
    this.partition = partition;
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
    final int count = last == null ? 1 : last + 1;
    if (count > SERIALS_PER_PARTITION) {
      throw new IllegalStateException(
          "registration series "
              + series
              + " has used all "
              + SERIALS_PER_PARTITION
              + " serials of partition "
              + partition);
    }
    serials.put(series, count);
    return partition * (SERIALS_PER_PARTITION + 1) + count;
  }
}
