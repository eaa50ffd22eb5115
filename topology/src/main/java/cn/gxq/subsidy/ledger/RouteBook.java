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
   * Counts one more draw from a registration series on this partition and returns how many there
   * have been, 1 for the first; which serial a draw gives is the {@link SerialSpace}'s business.
   * The count stops at {@link Integer#MAX_VALUE}, long past any share, so it never wraps round.
   */
  int nextSerial(String series);
}
