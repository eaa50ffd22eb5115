package cn.gxq.subsidy.app.people;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tokens this platform gives a person who signed in with the users file, and its instances give
 * each other: JWTs signed with HMAC-SHA256 (Nimbus) under a key every instance shares. A token says
 * who, which roles and zones, and until when; nothing is kept on the server, so any instance
 * accepts a token another one gave.
 */
public final class SessionTokens {

  static final String ISSUER = "subsidy-platform";
  private static final String AUDIENCE = "subsidy-http";

  /** How long a person stays signed in: a working day. */
  static final Duration PERSON_LIFETIME = Duration.ofHours(8);

  private static final Duration INSTANCE_LIFETIME = Duration.ofMinutes(5);

  private final MACSigner signer;
  private final DefaultJWTProcessor<SecurityContext> verifier = new DefaultJWTProcessor<>();
  private final Clock clock;

  /**
   * @param key at least 32 bytes, the same on every instance
   */
  public SessionTokens(byte[] key, Clock clock) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a session key needs at least 32 bytes");
    }
    try {
      this.signer = new MACSigner(key);
    } catch (JOSEException e) {
      throw new IllegalArgumentException("unusable session key: " + e.getMessage(), e);
    }
    this.clock = clock;
    verifier.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.HS256, new ImmutableSecret<>(key)));
    verifier.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            AUDIENCE,
            new JWTClaimsSet.Builder().issuer(ISSUER).build(),
            Set.of("sub", "exp", "roles", "via")));
  }

  /** A token for a person who signed in; valid for {@link #PERSON_LIFETIME}. */
  public String issue(Person person) {
    return sign(person, PERSON_LIFETIME);
  }

  /** A short-lived token with which this instance asks its peers. */
  String forInstance(String instance) {
    return sign(Person.instance(instance), INSTANCE_LIFETIME);
  }

  /** When a token issued now expires. */
  Instant expiryOfNew() {
    return clock.instant().plus(PERSON_LIFETIME);
  }

  private String sign(Person person, Duration lifetime) {
    final Instant now = clock.instant();
    final JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .subject(person.name())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(lifetime)))
            .claim("roles", person.roles().stream().map(PersonRole::label).sorted().toList())
            .claim("zones", List.copyOf(person.zones()))
            .claim("via", person.via())
            .build();
    final SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("could not sign a session token", e);
    }
    return jwt.serialize();
  }

  /** Whether a token says it was issued here (else it may be the identity provider's). */
  static boolean issuedHere(String token) {
    try {
      return ISSUER.equals(SignedJWT.parse(token).getJWTClaimsSet().getIssuer());
    } catch (ParseException e) {
      return false;
    }
  }

  /** The person a valid token names; {@link Unauthenticated} if it is not valid. */
  Person verify(String token) {
    final JWTClaimsSet claims;
    try {
      claims = verifier.process(token, null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new Unauthenticated("the session token is not valid: " + e.getMessage());
    }
    try {
      final String via = claims.getStringClaim("via");
      if (Person.INSTANCE.equals(via)) {
        return Person.instance(claims.getSubject());
      }
      final EnumSet<PersonRole> roles = EnumSet.noneOf(PersonRole.class);
      claims.getStringListClaim("roles").forEach(r -> roles.add(PersonRole.named(r)));
      final List<String> zones = claims.getStringListClaim("zones");
      return new Person(
          claims.getSubject(), roles, new TreeSet<>(zones == null ? List.of() : zones), via);
    } catch (ParseException | IllegalArgumentException e) {
      throw new Unauthenticated("the session token is not valid: " + e.getMessage());
    }
  }
}
