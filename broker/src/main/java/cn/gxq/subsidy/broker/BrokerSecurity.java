package cn.gxq.subsidy.broker;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The settings of a broker with security on: clients speak SASL_SSL with SCRAM-SHA-512, the
 * loopback controller listener SASL_PLAINTEXT with PLAIN (SCRAM users live in the metadata the
 * controller serves, so the controller cannot use them itself), and KRaft's StandardAuthorizer
 * denies whatever no ACL allows. {@code admin} and {@code controller} are super users.
 */
public final class BrokerSecurity {

  public static final String MECHANISM = "SCRAM-SHA-512";
  public static final String ADMIN = "admin";
  private static final String CONTROLLER = "controller";

  private final TlsMaterial tls;
  private final String adminPassword;
  private final String controllerPassword;

  public BrokerSecurity(
      final TlsMaterial tls, final String adminPassword, final String controllerPassword) {
    this.tls = tls;
    this.adminPassword = adminPassword;
    this.controllerPassword = controllerPassword;
  }

  /** The key and trust stores the broker serves TLS with. */
  public TlsMaterial tls() {
    return tls;
  }

  /**
   * Applies security to a broker builder: listeners, authorizer, and the bootstrapped admin user.
   */
  public EmbeddedKafkaBroker.Builder applyTo(
      final EmbeddedKafkaBroker.Builder builder, final int port, final int controllerPort) {
    return builder
        .port(port)
        .controllerPort(controllerPort)
        .brokerProperties(brokerProperties(port, controllerPort))
        .bootstrapScramUser(ADMIN, adminPassword)
        .clientProperties(clientProperties(ADMIN, adminPassword));
  }

  Map<String, String> brokerProperties(final int port, final int controllerPort) {
    final Map<String, String> p = new LinkedHashMap<>();
    final String host = Ports.LOOPBACK;
    p.put(
        "listeners",
        "SASL_SSL://"
            + host
            + ":"
            + port
            + ","
            + BrokerProperties.CONTROLLER_LISTENER
            + "://"
            + host
            + ":"
            + controllerPort);
    p.put("advertised.listeners", "SASL_SSL://" + host + ":" + port);
    p.put(
        "listener.security.protocol.map",
        "SASL_SSL:SASL_SSL," + BrokerProperties.CONTROLLER_LISTENER + ":SASL_PLAINTEXT");
    p.put("inter.broker.listener.name", "SASL_SSL");
    p.put("sasl.enabled.mechanisms", MECHANISM);
    p.put("sasl.mechanism.inter.broker.protocol", MECHANISM);
    p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config", scramJaas(ADMIN, adminPassword));
    p.put("sasl.mechanism.controller.protocol", "PLAIN");
    p.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
    p.put(
        "listener.name.controller.plain.sasl.jaas.config",
        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
            + CONTROLLER
            + "\" password=\""
            + controllerPassword
            + "\" user_"
            + CONTROLLER
            + "=\""
            + controllerPassword
            + "\";");
    p.put("ssl.keystore.location", tls.keyStore().toString());
    p.put("ssl.keystore.password", tls.password());
    p.put("ssl.key.password", tls.password());
    p.put("ssl.keystore.type", TlsMaterial.TYPE);
    p.put("ssl.truststore.location", tls.trustStore().toString());
    p.put("ssl.truststore.password", tls.password());
    p.put("ssl.truststore.type", TlsMaterial.TYPE);
    p.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
    p.put("super.users", "User:" + ADMIN + ";User:" + CONTROLLER);
    p.put("allow.everyone.if.no.acl.found", "false");
    return p;
  }

  /** Client settings for a SCRAM user over TLS, trusting the broker's certificate. */
  public Map<String, Object> clientProperties(final String user, final String password) {
    final Map<String, Object> p = new LinkedHashMap<>();
    p.put("security.protocol", "SASL_SSL");
    p.put("sasl.mechanism", MECHANISM);
    p.put("sasl.jaas.config", scramJaas(user, password));
    p.put("ssl.truststore.location", tls.trustStore().toString());
    p.put("ssl.truststore.password", tls.password());
    p.put("ssl.truststore.type", TlsMaterial.TYPE);
    return p;
  }

  private static String scramJaas(final String user, final String password) {
    return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
        + user
        + "\" password=\""
        + password
        + "\";";
  }
}
