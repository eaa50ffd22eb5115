package cn.gxq.subsidy.app.security;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The Kafka client settings of each part {@code run} starts. With the embedded security on, each
 * runs under its own principal; otherwise all use the operator's {@code --client-config}, if any.
 */
public record RoleClients(
    Properties admin, Properties application, Properties publisher, Properties registry) {

  /** {@code security} null: every part from {@code clientConfig} (which may be null too). */
  public static RoleClients of(EmbeddedSecurity security, Path clientConfig, String bootstrap) {
    if (security == null) {
      return new RoleClients(
          ClientConfig.load(clientConfig, bootstrap),
          ClientConfig.load(clientConfig, bootstrap),
          ClientConfig.load(clientConfig, bootstrap),
          ClientConfig.load(clientConfig, bootstrap));
    }
    return new RoleClients(
        security.admin(bootstrap),
        security.client(Role.APPLICATION, bootstrap),
        security.client(Role.PUBLISHER, bootstrap),
        security.client(Role.REGISTRY, bootstrap));
  }
}
