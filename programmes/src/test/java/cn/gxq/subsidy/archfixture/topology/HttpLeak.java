package cn.gxq.subsidy.archfixture.topology;

import java.net.URI;
import java.net.http.HttpRequest;

/** Deliberately wrong, for HouseRulesTest: decision logic reaching for HTTP. */
public final class HttpLeak {

  public HttpRequest fetchRegistryEntry(String creditCode) {
    return HttpRequest.newBuilder(URI.create("http://registry/" + creditCode)).build();
  }
}
