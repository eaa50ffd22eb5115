package cn.gxq.subsidy.app.command;

import cn.gxq.subsidy.app.security.AccessControl;
import cn.gxq.subsidy.app.security.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.acl.AclBinding;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code acl}: creates SCRAM users and grants each its role's ACLs, as an administrator ({@code
 * --client-config} with a super user's credentials).
 */
@Command(
    name = "acl",
    mixinStandardHelpOptions = true,
    description =
        "Create users and grant roles: publisher, finance, operator, application,"
            + " registry, analyst. Run as a super user (--client-config).")
public final class AclCommand implements Callable<Integer> {

  @Mixin public ClusterOptions cluster;

  @Option(
      names = "--grant",
      required = true,
      paramLabel = "ROLE=USER[:PASSWORD]",
      description =
          "Grant ROLE to USER; with a password, also create or update the SCRAM-SHA-512"
              + " user. Repeatable.")
  Map<String, String> grants = new LinkedHashMap<>();

  @Option(
      names = "--application-id",
      defaultValue = "subsidy-decisions",
      paramLabel = "ID",
      description = "The application's Streams id (its internal topics, group and transactions).")
  String applicationId;

  @Option(
      names = "--registry-topic",
      defaultValue = "_schemas",
      paramLabel = "TOPIC",
      description = "The local registry's topic.")
  String registryTopic;

  @Override
  public Integer call() throws Exception {
    final AccessControl access = new AccessControl(cluster.topics(), applicationId, registryTopic);
    try (Admin admin = Admin.create(cluster.clientProperties())) {
      for (Map.Entry<String, String> grant : grants.entrySet()) {
        final Role role;
        try {
          role = Role.valueOf(grant.getKey().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
          System.err.println(
              "acl: unknown role '"
                  + grant.getKey()
                  + "'; one of publisher, finance, operator, application, registry, analyst");
          return 2;
        }
        final String[] userAndPassword = grant.getValue().split(":", 2);
        access.grant(
            admin,
            role,
            userAndPassword[0],
            userAndPassword.length > 1 ? userAndPassword[1] : null);
        System.out.println(
            role.name().toLowerCase(java.util.Locale.ROOT) + " → User:" + userAndPassword[0]);
        for (AclBinding binding : access.bindings(role, userAndPassword[0])) {
          System.out.println(
              "  allow "
                  + binding.entry().operation()
                  + " on "
                  + binding.pattern().resourceType()
                  + " "
                  + binding.pattern().name()
                  + (binding.pattern().patternType().name().equals("PREFIXED") ? "*" : ""));
        }
      }
    }
    return 0;
  }
}
