package cn.gxq.subsidy.app.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who a credential names: the users file's salted hashes, this platform's session tokens and an
 * identity provider's JWTs, each refused when wrong, tampered, expired or from elsewhere.
 */
class CredentialsTest {

  private static final char[] PASSWORD = "correct horse battery".toCharArray();
  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes();
  private static final Instant NOW = Instant.parse("2026-12-07T08:00:00Z");

  @TempDir Path dir;

  @Test
  void theUsersFileKeepsSaltedSlowHashesOwnerOnly() throws Exception {
    final Path file = dir.resolve("users.json");
    Users.load(file)
        .with("li.wei", PASSWORD, List.of(PersonRole.OFFICER), List.of("ZGC"))
        .with("wang.fang", PASSWORD, List.of(PersonRole.FINANCE), List.of())
        .save(file);
    final String text = Files.readString(file);
    assertThat(text).doesNotContain(new String(PASSWORD)).contains("$2b$12$");
    // The same password, salted apart: two different hashes.
    assertThat(text.split("\\$2b\\$12\\$")).hasSize(3);
    assertThat(text.split("\\$2b\\$12\\$")[1].substring(0, 22))
        .isNotEqualTo(text.split("\\$2b\\$12\\$")[2].substring(0, 22));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");

    final Users read = Users.load(file);
    final Person li = read.check("li.wei", PASSWORD).orElseThrow();
    assertThat(li.roles()).containsExactly(PersonRole.OFFICER);
    assertThat(li.zones()).containsExactly("ZGC");
    assertThat(read.check("li.wei", "wrong password here".toCharArray())).isEmpty();
    assertThat(read.check("nobody", PASSWORD)).isEmpty();
    assertThat(read.without("li.wei").orElseThrow().people())
        .extracting(Person::name)
        .containsExactly("wang.fang");
    assertThat(read.without("nobody")).isEmpty();
  }

  @Test
  void theUsersFileRefusesWhatCannotBeRight() {
    final Users none = Users.empty();
    assertThatThrownBy(() -> none.with("li.wei", PASSWORD, List.of(PersonRole.OFFICER), List.of()))
        .hasMessageContaining("officer needs the zones");
    assertThatThrownBy(
            () -> none.with("li.wei", PASSWORD, List.of(PersonRole.FINANCE), List.of("ZGC")))
        .hasMessageContaining("only an officer has zones");
    assertThatThrownBy(
            () ->
                none.with("li.wei", "short".toCharArray(), List.of(PersonRole.AUDITOR), List.of()))
        .hasMessageContaining("12 characters");
    assertThatThrownBy(() -> none.with("a b", PASSWORD, List.of(PersonRole.AUDITOR), List.of()))
        .hasMessageContaining("user name");
    assertThatThrownBy(() -> PersonRole.named("admin")).hasMessageContaining("officer, finance");
  }

  @Test
  void sessionTokensNameTheirPersonUntilTheyExpire() {
    final SessionTokens tokens = new SessionTokens(KEY, Clock.fixed(NOW, ZoneOffset.UTC));
    final Person li =
        new Person(
            "li.wei", EnumSet.of(PersonRole.OFFICER), new TreeSet<>(List.of("ZGC")), "local");
    final String token = tokens.issue(li);
    final Credentials credentials = new Credentials(tokens, Optional.empty());
    // Nimbus checks expiry against the real clock: a token issued "now" (2026-12-07) is live.
    final SessionTokens live = new SessionTokens(KEY, Clock.systemUTC());
    final Person back =
        new Credentials(live, Optional.empty()).person("Bearer " + live.issue(li), null);
    assertThat(back).isEqualTo(li);
    assertThat(new Credentials(live, Optional.empty()).person(null, live.issue(li))).isEqualTo(li);
    assertThat(credentials.person(null, null)).isEqualTo(Person.NOBODY);

    final SessionTokens expired =
        new SessionTokens(
            KEY, Clock.fixed(Instant.now().minus(Duration.ofHours(9)), ZoneOffset.UTC));
    assertThatThrownBy(() -> credentials.person("Bearer " + expired.issue(li), null))
        .isInstanceOf(Unauthenticated.class)
        .hasMessageContaining("xpired");
    final SessionTokens otherKey =
        new SessionTokens("another key of thirty-two bytes!!".getBytes(), Clock.systemUTC());
    assertThatThrownBy(() -> credentials.person("Bearer " + otherKey.issue(li), null))
        .isInstanceOf(Unauthenticated.class);
    assertThatThrownBy(() -> credentials.person("Basic bGk6cHc=", null))
        .isInstanceOf(Unauthenticated.class)
        .hasMessageContaining("Bearer");
    assertThat(token).isNotBlank();
  }

  @Test
  void anInstanceTokenLetsAPeerAskOnItsCallersBehalf() {
    final SessionTokens tokens = new SessionTokens(KEY, Clock.systemUTC());
    final Person peer = tokens.verify(tokens.forInstance("10.0.0.2:8080"));
    assertThat(peer.isInstance()).isTrue();
    assertThat(peer.seesZone("ANY")).isTrue();
    assertThat(peer.may(Reading.ACCESS_LOG)).isTrue();
  }

  @Test
  void theProvidersTokensAreCheckedAndTheirRolesAndZonesRead() throws Exception {
    final RSAKey key = new RSAKeyGenerator(2048).keyID("k1").generate();
    final Path jwks = dir.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(key.toPublicJWK()).toString());
    final OidcTokens provider =
        new OidcTokens(
            new OidcTokens.Settings(
                "https://sso.example.gov.cn/realms/gxq",
                jwks.toString(),
                "subsidy-platform",
                "realm_access.roles",
                "zones"));
    final Credentials credentials =
        new Credentials(new SessionTokens(KEY, Clock.systemUTC()), Optional.of(provider));

    final Person li =
        credentials.person(
            "Bearer "
                + signed(
                    key,
                    "https://sso.example.gov.cn/realms/gxq",
                    "subsidy-platform",
                    Map.of("roles", List.of("officer", "offline_access")),
                    Duration.ofMinutes(5)),
            null);
    assertThat(li.name()).isEqualTo("li.wei");
    assertThat(li.roles()).containsExactly(PersonRole.OFFICER);
    assertThat(li.zones()).containsExactly("ZGC");
    assertThat(li.via()).isEqualTo("oidc");

    final String wrongIssuer =
        signed(
            key,
            "https://evil.example",
            "subsidy-platform",
            Map.of("roles", List.of("auditor")),
            Duration.ofMinutes(5));
    assertThatThrownBy(() -> credentials.person("Bearer " + wrongIssuer, null))
        .isInstanceOf(Unauthenticated.class);
    final String wrongAudience =
        signed(
            key,
            "https://sso.example.gov.cn/realms/gxq",
            "other-app",
            Map.of("roles", List.of("auditor")),
            Duration.ofMinutes(5));
    assertThatThrownBy(() -> credentials.person("Bearer " + wrongAudience, null))
        .isInstanceOf(Unauthenticated.class);
    final String expired =
        signed(
            key,
            "https://sso.example.gov.cn/realms/gxq",
            "subsidy-platform",
            Map.of("roles", List.of("auditor")),
            Duration.ofMinutes(-5));
    assertThatThrownBy(() -> credentials.person("Bearer " + expired, null))
        .isInstanceOf(Unauthenticated.class);
    final String noRole =
        signed(
            key,
            "https://sso.example.gov.cn/realms/gxq",
            "subsidy-platform",
            Map.of("roles", List.of("uma_authorization")),
            Duration.ofMinutes(5));
    assertThatThrownBy(() -> credentials.person("Bearer " + noRole, null))
        .isInstanceOf(Unauthenticated.class)
        .hasMessageContaining("no role");
    final RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
    final String forged =
        signed(
            stranger,
            "https://sso.example.gov.cn/realms/gxq",
            "subsidy-platform",
            Map.of("roles", List.of("auditor")),
            Duration.ofMinutes(5));
    assertThatThrownBy(() -> credentials.person("Bearer " + forged, null))
        .isInstanceOf(Unauthenticated.class);
  }

  private static String signed(
      RSAKey key, String issuer, String audience, Map<String, Object> realmAccess, Duration left)
      throws Exception {
    final JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .audience(audience)
            .subject("li.wei")
            .expirationTime(Date.from(Instant.now().plus(left)))
            .claim("realm_access", realmAccess)
            .claim("zones", List.of("ZGC"))
            .build();
    final SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }
}
