package cn.gxq.subsidy.ledger;

import cn.gxq.subsidy.avro.internal.Route;

/**
 * What the router keeps: where each application was sent last, who holds each claim, and how far
 * each registration series has been numbered.
 */
public interface RouteBook {

  Route route(String applicationId);

  void putRoute(String applicationId, Route route);

  String claimHolder(String claimKey);

  void putClaim(String claimKey, String applicationId);

  void deleteClaim(String claimKey);

  /**
   * The next serial of a registration series, never given before in that series by any partition.
   *
   * @throws IllegalStateException when the series has run out of serials here
   */
  int nextSerial(String series);
}
