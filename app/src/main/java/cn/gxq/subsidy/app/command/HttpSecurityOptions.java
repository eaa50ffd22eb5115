package cn.gxq.subsidy.app.command;

import cn.gxq.subsidy.app.people.HttpSecurity;
import cn.gxq.subsidy.app.people.OidcTokens;
import cn.gxq.subsidy.app.security.EmbeddedSecurity;
import cn.gxq.subsidy.broker.TlsMaterial;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * How {@code run} secures its HTTP API. With {@code --secure} the embedded default serves it over
 * TLS with the broker's certificate and signs people in from the users file; on a cluster of your
 * own, {@code --http-keystore} and its companions do the same with the data centre's certificate.
 * An identity provider ({@code --oidc-*}) may sign people in beside the users file.
 */
public final class HttpSecurityOptions {

  @Option(
      names = "--users",
      paramLabel = "FILE",
      description =
          "The users file people sign in with (default: DATA/security/users.json; manage it with"
              + " 'bin/subsidy users').")
  Path users;

  @Option(
      names = "--http-keystore",
      paramLabel = "FILE",
      description =
          "Serve the HTTP API over TLS with this PKCS12 key store, behind sign-in (for a cluster"
              + " of your own; --secure uses the embedded certificate).")
  Path keyStore;

  @Option(
      names = "--http-truststore",
      paramLabel = "FILE",
      description = "PKCS12 trust store of the CA the other instances' certificates are from.")
  Path trustStore;

  @Option(
      names = "--http-store-password-file",
      paramLabel = "FILE",
      description = "A file holding the password of both stores.")
  Path storePasswordFile;

  @Option(
      names = "--http-session-key-file",
      paramLabel = "FILE",
      description =
          "A file holding the Base64 key (32 bytes or more) session tokens are signed with; the"
              + " same on every instance.")
  Path sessionKeyFile;

  @Option(
      names = "--oidc-issuer",
      paramLabel = "URL",
      description = "Also accept bearer tokens of this OpenID Connect issuer.")
  String oidcIssuer;

  @Option(
      names = "--oidc-jwks",
      paramLabel = "URL|FILE",
      description = "The issuer's JSON Web Key Set: its jwks_uri, or a file.")
  String oidcJwks;

  @Option(
      names = "--oidc-audience",
      paramLabel = "AUDIENCE",
      defaultValue = "subsidy-platform",
      description = "The audience tokens must be for (default: ${DEFAULT-VALUE}).")
  String oidcAudience;

  @Option(
      names = "--oidc-roles-claim",
      paramLabel = "PATH",
      defaultValue = "roles",
      description = "The claim with the person's roles, e.g. realm_access.roles (default: roles).")
  String oidcRolesClaim;

  @Option(
      names = "--oidc-zones-claim",
      paramLabel = "PATH",
      defaultValue = "zones",
      description = "The claim with an officer's zones (default: ${DEFAULT-VALUE}).")
  String oidcZonesClaim;

  /** The users file {@code run} and {@code users} use. */
  static Path usersFile(Path given, Path dataDir) {
    return given != null ? given : dataDir.resolve("security").resolve("users.json");
  }

  /** How the API is secured; empty for the open embedded default. */
  Optional<HttpSecurity.Settings> settings(EmbeddedSecurity embedded, Path dataDir)
      throws IOException {
    final Optional<OidcTokens.Settings> provider = provider();
    if (embedded != null) {
      final TlsMaterial tls = embedded.tls();
      return Optional.of(
          new HttpSecurity.Settings(
              tls.keyStore(),
              tls.trustStore(),
              tls.password(),
              usersFile(users, dataDir),
              embedded.sessionKey(),
              provider));
    }
    if (keyStore == null) {
      if (provider.isPresent() || users != null) {
        throw new IllegalArgumentException(
            "--users and --oidc-* secure the HTTP API, which needs TLS: give --secure (embedded)"
                + " or --http-keystore");
      }
      return Optional.empty();
    }
    if (trustStore == null || storePasswordFile == null || sessionKeyFile == null) {
      throw new IllegalArgumentException(
          "--http-keystore needs --http-truststore, --http-store-password-file and"
              + " --http-session-key-file");
    }
    return Optional.of(
        new HttpSecurity.Settings(
            keyStore,
            trustStore,
            Files.readString(storePasswordFile, StandardCharsets.UTF_8).strip(),
            usersFile(users, dataDir),
            Base64.getDecoder().decode(Files.readString(sessionKeyFile).strip()),
            provider));
  }

  private Optional<OidcTokens.Settings> provider() {
    if ((oidcIssuer == null) != (oidcJwks == null)) {
      throw new IllegalArgumentException("--oidc-issuer and --oidc-jwks go together");
    }
    return oidcIssuer == null
        ? Optional.empty()
        : Optional.of(
            new OidcTokens.Settings(
                oidcIssuer, oidcJwks, oidcAudience, oidcRolesClaim, oidcZonesClaim));
  }
}
