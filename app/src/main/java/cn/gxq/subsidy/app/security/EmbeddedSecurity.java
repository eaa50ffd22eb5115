package cn.gxq.subsidy.app.security;

import cn.gxq.subsidy.broker.BrokerSecurity;
import cn.gxq.subsidy.broker.TlsMaterial;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Security for the embedded default ({@code run --secure}): a password per role, made once and kept
 * in {@code secrets.properties} (owner-only), the broker's TLS material, and a client properties
 * file per role for {@code --client-config}.
 */
public final class EmbeddedSecurity {

  /** User the registry demands for writes. */
  public static final String REGISTRY_WRITER = "schemas";

  /** The secret HTTP session tokens are signed with (32 random bytes, Base64). */
  private static final String SESSIONS = "http-sessions";

  private final Path dir;
  private final Properties secrets;
  private final BrokerSecurity broker;

  private EmbeddedSecurity(Path dir, Properties secrets, BrokerSecurity broker) {
    this.dir = dir;
    this.secrets = secrets;
    this.broker = broker;
  }

  public static EmbeddedSecurity prepare(Path dir) throws IOException {
    Files.createDirectories(dir);
    final Path file = dir.resolve("secrets.properties");
    final Properties secrets = new Properties();
    if (Files.exists(file)) {
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        secrets.load(in);
      }
    }
    boolean changed = false;
    for (String name : new String[] {"tls", "admin", "controller", REGISTRY_WRITER}) {
      changed |= secrets.putIfAbsent(name, newSecret(18)) == null;
    }
    changed |= secrets.putIfAbsent(SESSIONS, newSecret(32)) == null;
    for (Role role : Role.values()) {
      changed |= secrets.putIfAbsent(user(role), newSecret(18)) == null;
    }
    if (changed) {
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        secrets.store(out, "Passwords of the embedded default with security on; keep private.");
      }
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }
    final TlsMaterial tls = TlsMaterial.inDirectory(dir.resolve("tls"), secrets.getProperty("tls"));
    return new EmbeddedSecurity(
        dir,
        secrets,
        new BrokerSecurity(tls, secrets.getProperty("admin"), secrets.getProperty("controller")));
  }

  /** The user name of a role in the embedded default, e.g. {@code finance}. */
  public static String user(Role role) {
    return role.name().toLowerCase(Locale.ROOT);
  }

  public BrokerSecurity broker() {
    return broker;
  }

  public String password(Role role) {
    return secrets.getProperty(user(role));
  }

  /** The key the HTTP API signs session tokens with, the same for every instance of this data. */
  public byte[] sessionKey() {
    return Base64.getUrlDecoder().decode(secrets.getProperty(SESSIONS));
  }

  /** The TLS material of the broker, which the HTTP API serves with too (CN=localhost). */
  public TlsMaterial tls() {
    return broker.tls();
  }

  public String registryWriterPassword() {
    return secrets.getProperty(REGISTRY_WRITER);
  }

  public Properties admin(String bootstrap) {
    return client(BrokerSecurity.ADMIN, secrets.getProperty("admin"), bootstrap);
  }

  public Properties client(Role role, String bootstrap) {
    return client(user(role), password(role), bootstrap);
  }

  /** Writes {@code <role>.properties} for every role (and admin) for use with --client-config. */
  public Map<Role, Path> writeClientConfigs(String bootstrap) throws IOException {
    final Map<Role, Path> files = new EnumMap<>(Role.class);
    for (Role role : Role.values()) {
      files.put(role, write(user(role), client(role, bootstrap)));
    }
    write("admin", admin(bootstrap));
    return files;
  }

  private Path write(String name, Properties props) throws IOException {
    final Path file = dir.resolve(name + ".properties");
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      props.store(out, "Kafka client settings of " + name + " for --client-config");
    }
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private Properties client(String user, String password, String bootstrap) {
    final Properties props = new Properties();
    props.putAll(broker.clientProperties(user, password));
    props.put("bootstrap.servers", bootstrap);
    return props;
  }

  private static String newSecret(int size) {
    final byte[] bytes = new byte[size];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
