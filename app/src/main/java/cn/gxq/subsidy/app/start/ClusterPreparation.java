package cn.gxq.subsidy.app.start;

import static org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG;

import cn.gxq.subsidy.app.security.AccessControl;
import cn.gxq.subsidy.app.security.EmbeddedSecurity;
import cn.gxq.subsidy.app.security.Role;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.registry.LocalSchemaRegistry;
import cn.gxq.subsidy.topology.SubsidyTopology;
import cn.gxq.subsidy.topology.TopicSetup;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;

/**
 * Readies a cluster for {@code run}: creates the contract's missing topics, makes every kept topic
 * keep its records, reads how many partitions the router has and, on the embedded secured broker,
 * grants each part its ACLs.
 */
public final class ClusterPreparation {

  private final Topics topics;
  private final String applicationId;
  private final int partitions;
  private final short replication;

  public ClusterPreparation(
      Topics topics, String applicationId, int partitions, short replication) {
    this.topics = topics;
    this.applicationId = applicationId;
    this.partitions = partitions;
    this.replication = replication;
  }

  /**
   * Prepares the cluster and returns the router's partition count.
   *
   * @param security the embedded security whose principals get their ACLs and client configs (under
   *     {@code dataDir/security}), or null
   */
  public int prepare(
      Properties adminClient, EmbeddedSecurity security, Path dataDir, PrintStream out)
      throws Exception {
    try (Admin admin = Admin.create(adminClient)) {
      for (String created : TopicSetup.ensure(admin, topics, partitions, replication)) {
        out.println("Created topic    " + created);
      }
      keepHistory(admin);
      if (security != null) {
        grantAcls(admin, security, adminClient.getProperty(BOOTSTRAP_SERVERS_CONFIG), dataDir, out);
      }
      return routerPartitions(admin);
    }
  }

  /**
   * Topics an earlier version or an operator set to erase records (compaction, retention) are set
   * to keep them, loudly: decisions must stay reproducible from what they met.
   */
  private void keepHistory(Admin admin) throws Exception {
    final List<HistoryGuard.Finding> findings =
        HistoryGuard.check(
            admin, topics, SubsidyTopology.changelogsKeepingEveryVersion(applicationId));
    for (String line : HistoryGuard.keepEverything(admin, findings)) {
      System.err.println("run: warning: " + line);
    }
  }

  /**
   * Registration serials are dealt out over the router's partitions, which are the registry topic's
   * (the router's input is co-partitioned with it); Kafka Streams does not tell a processor how
   * many there are.
   */
  private int routerPartitions(Admin admin) throws InterruptedException, ExecutionException {
    return admin
        .describeTopics(List.of(topics.enterprises()))
        .allTopicNames()
        .get()
        .get(topics.enterprises())
        .partitions()
        .size();
  }

  private void grantAcls(
      Admin admin, EmbeddedSecurity security, String bootstrap, Path dataDir, PrintStream out)
      throws InterruptedException, ExecutionException, IOException {
    final AccessControl access =
        new AccessControl(topics, applicationId, LocalSchemaRegistry.DEFAULT_TOPIC);
    for (Role role : Role.values()) {
      access.grant(admin, role, EmbeddedSecurity.user(role), security.password(role));
    }
    final Path configs = dataDir.resolve("security");
    security.writeClientConfigs(bootstrap);
    out.println(
        "Security         client configs per role in "
            + configs
            + "/<role>.properties (use with --client-config); passwords in "
            + configs.resolve("secrets.properties"));
  }
}
