package cn.gxq.subsidy.ledger;

import cn.gxq.subsidy.avro.internal.Route;

/** What the router keeps: where each application was sent last, and who holds each claim. */
public interface RouteBook {

  Route route(String applicationId);

  void putRoute(String applicationId, Route route);

  String claimHolder(String claimKey);

  void putClaim(String claimKey, String applicationId);

  void deleteClaim(String claimKey);
}
