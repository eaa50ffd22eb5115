package cn.gxq.subsidy.app.people;

import cn.gxq.subsidy.app.audit.AccessLog;
import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * How one instance's HTTP API treats people: open (the embedded default without {@code --secure},
 * which says so at start-up), or served over TLS with every non-public route behind the gate. Also
 * how the instance asks its peers: over TLS, trusting the same CA, with a short-lived token of its
 * own.
 */
public final class HttpSecurity {

  /**
   * What a secured API needs.
   *
   * @param keyStore the server's key and certificate (PKCS12)
   * @param trustStore the CA peers' certificates are checked against (PKCS12)
   * @param sessionKey the key session tokens are signed with, the same on every instance
   */
  public record Settings(
      Path keyStore,
      Path trustStore,
      String storePassword,
      Path usersFile,
      byte[] sessionKey,
      Optional<OidcTokens.Settings> provider) {}

  private final Settings settings;
  private final Credentials credentials;
  private final AccessGate gate;
  private final SignIn signIn;
  private final String instance;

  private HttpSecurity(Settings settings, Credentials credentials, AccessLog log, String instance) {
    this.settings = settings;
    this.credentials = credentials;
    this.instance = instance;
    this.gate = new AccessGate(credentials, log, instance, Clock.systemUTC());
    this.signIn = new SignIn(settings == null ? null : settings.usersFile(), credentials);
  }

  /** Everyone may read everything; reads of enterprises' files are still logged. */
  public static HttpSecurity open(AccessLog log, String instance) {
    return new HttpSecurity(null, null, log, instance);
  }

  public static HttpSecurity secured(Settings settings, AccessLog log, String instance)
      throws IOException {
    final Optional<OidcTokens> provider =
        settings.provider().isPresent()
            ? Optional.of(new OidcTokens(settings.provider().get()))
            : Optional.empty();
    final Credentials credentials =
        new Credentials(new SessionTokens(settings.sessionKey(), Clock.systemUTC()), provider);
    return new HttpSecurity(settings, credentials, log, instance);
  }

  public boolean secure() {
    return settings != null;
  }

  public AccessGate gate() {
    return gate;
  }

  public SignIn signIn() {
    return signIn;
  }

  public String scheme() {
    return secure() ? "https" : "http";
  }

  /**
   * Serves the API over TLS only (no plain connector): Javalin adds its default plain one only when
   * none is configured. The host and port are those {@code start} is given.
   */
  public void serveTls(JavalinConfig cfg) {
    if (!secure()) {
      return;
    }
    cfg.jetty.addConnector(
        (server, http) -> {
          final SslContextFactory.Server tls = new SslContextFactory.Server();
          tls.setKeyStorePath(settings.keyStore().toString());
          tls.setKeyStorePassword(settings.storePassword());
          tls.setKeyStoreType("PKCS12");
          final HttpConfiguration https = new HttpConfiguration(http);
          // Clients reach an instance by IP as often as by name; the certificate's SANs decide.
          https.addCustomizer(new SecureRequestCustomizer(false));
          final ServerConnector connector =
              new ServerConnector(
                  server,
                  new SslConnectionFactory(tls, "http/1.1"),
                  new HttpConnectionFactory(https));
          connector.setHost(cfg.jetty.host);
          connector.setPort(cfg.jetty.port);
          return connector;
        });
  }

  /** An HTTP client for asking peers: trusting the CA of their certificates when secured. */
  public HttpClient.Builder peerClient() {
    final HttpClient.Builder builder = HttpClient.newBuilder();
    if (secure()) {
      builder.sslContext(trusting(settings.trustStore(), settings.storePassword()));
    }
    return builder;
  }

  /** The {@code Authorization} header this instance asks its peers with, if secured. */
  public Optional<String> peerAuthorization() {
    return secure()
        ? Optional.of("Bearer " + credentials.sessions().forInstance(instance))
        : Optional.empty();
  }

  /** A TLS context trusting the certificates of a PKCS12 trust store. */
  public static SSLContext trusting(Path trustStore, String password) {
    try (InputStream in = Files.newInputStream(trustStore)) {
      final KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password.toCharArray());
      final TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      final SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot read the trust store " + trustStore + ": " + e, e);
    }
  }
}
