package cn.gxq.subsidy.app.people;

import java.util.Optional;

/**
 * Who a request comes from: a bearer token (ours, or the identity provider's), else the dashboard's
 * session cookie, else nobody. A credential that is there but wrong is refused ({@link
 * Unauthenticated}), never taken as nobody: a client must learn its token expired.
 */
public final class Credentials {

  /** The cookie the dashboard's sign-in sets (HttpOnly, Secure, SameSite=Strict). */
  public static final String COOKIE = "subsidy_session";

  private static final String BEARER = "Bearer ";

  private final SessionTokens sessions;
  private final Optional<OidcTokens> provider;

  public Credentials(SessionTokens sessions, Optional<OidcTokens> provider) {
    this.sessions = sessions;
    this.provider = provider;
  }

  /** The person the request's credential names, or {@link Person#NOBODY} if it has none. */
  public Person person(String authorization, String cookie) {
    if (authorization != null && !authorization.isBlank()) {
      if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
        throw new Unauthenticated(
            "the Authorization header must be 'Bearer <token>'; sign in at POST /session");
      }
      return token(authorization.substring(BEARER.length()).trim());
    }
    if (cookie != null && !cookie.isBlank()) {
      return sessions.verify(cookie);
    }
    return Person.NOBODY;
  }

  private Person token(String token) {
    if (SessionTokens.issuedHere(token) || provider.isEmpty()) {
      return sessions.verify(token);
    }
    return provider.get().verify(token);
  }

  SessionTokens sessions() {
    return sessions;
  }
}
