package cn.gxq.subsidy.app.people;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bearer tokens of the data centre's OpenID Connect provider, validated as JWTs (Nimbus): signed
 * (RS256 or ES256) by a key of the provider's JWK set, from the configured issuer, for this
 * audience, not expired. The person's roles and zones are claims; {@code roles} and {@code zones}
 * by default, or a dotted path such as {@code realm_access.roles}. Roles the platform does not know
 * are ignored, so a provider may carry others.
 */
public final class OidcTokens {

  /** Where and how to check the provider's tokens. */
  public record Settings(
      String issuer, String jwks, String audience, String rolesClaim, String zonesClaim) {}

  private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
  private final Settings settings;

  public OidcTokens(Settings settings) throws IOException {
    this.settings = settings;
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256), keys(settings.jwks())));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            settings.audience(),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            Set.of("sub", "exp")));
  }

  /** The provider's keys: fetched (and refreshed) from an https URL, or read from a file. */
  private static JWKSource<SecurityContext> keys(String jwks) throws IOException {
    if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
      return JWKSourceBuilder.<SecurityContext>create(URI.create(jwks).toURL()).build();
    }
    try {
      return new ImmutableJWKSet<>(JWKSet.load(Files.newInputStream(Path.of(jwks))));
    } catch (ParseException e) {
      throw new IOException("the JWK set in " + jwks + " is not valid: " + e.getMessage(), e);
    }
  }

  /** The person the token names; {@link Unauthenticated} if it is not valid or names no role. */
  Person verify(String token) {
    final JWTClaimsSet claims;
    try {
      claims = processor.process(token, null);
    } catch (ParseException | BadJOSEException | JOSEException e) {
      throw new Unauthenticated("the bearer token is not valid: " + e.getMessage());
    }
    final EnumSet<PersonRole> roles = EnumSet.noneOf(PersonRole.class);
    for (String label : strings(claims, settings.rolesClaim())) {
      for (PersonRole role : PersonRole.values()) {
        if (role.label().equals(label)) {
          roles.add(role);
        }
      }
    }
    if (roles.isEmpty()) {
      throw new Unauthenticated(
          "the bearer token names no role of this platform in claim "
              + settings.rolesClaim()
              + " ("
              + PersonRole.labels()
              + ")");
    }
    return new Person(
        claims.getSubject(), roles, new TreeSet<>(strings(claims, settings.zonesClaim())), "oidc");
  }

  /** The strings at a dotted claim path: a list, or one string; none if absent. */
  private static List<String> strings(JWTClaimsSet claims, String path) {
    Object at = claims.getClaims();
    for (String step : path.split("\\.")) {
      at = at instanceof Map<?, ?> map ? map.get(step) : null;
    }
    final List<String> out = new ArrayList<>();
    if (at instanceof Collection<?> many) {
      many.forEach(v -> out.add(String.valueOf(v)));
    } else if (at instanceof String one) {
      out.add(one);
    }
    return out;
  }
}
