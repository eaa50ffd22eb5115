package cn.gxq.subsidy.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Checks an HTTP {@code Authorization: Basic …} header against one user name and password. */
final class BasicAuth {

  private final byte[] expected;

  BasicAuth(final String user, final String password) {
    if (user == null || user.isEmpty() || user.contains(":") || password == null) {
      throw new IllegalArgumentException("Basic auth needs a user name without ':' and a password");
    }
    this.expected = (user + ":" + password).getBytes(StandardCharsets.UTF_8);
  }

  boolean accepts(final String authorizationHeader) {
    if (authorizationHeader == null
        || !authorizationHeader.regionMatches(true, 0, "Basic ", 0, 6)) {
      return false;
    }
    final byte[] given;
    try {
      given = Base64.getDecoder().decode(authorizationHeader.substring(6).trim());
    } catch (IllegalArgumentException e) {
      return false;
    }
    // Constant-time comparison: response timing must not reveal how much of a guess was right.
    return MessageDigest.isEqual(expected, given);
  }
}
