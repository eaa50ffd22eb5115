package cn.gxq.subsidy.broker;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server properties of a combined (broker + controller) KRaft node on loopback: alone, or one
 * of a cluster whose every node is a voter of the controller quorum.
 *
 * <p>Everything the cluster needs for transactions and consumer groups is set here, sized to the
 * number of nodes: one node gets replication factor 1, three or more get replication factor 3 and
 * {@code min.insync.replicas=2} for every topic that does not say otherwise (internal topics and
 * Streams' changelogs included). Caller-supplied properties are applied last and win, which is how
 * TLS or SASL listeners are added later.
 */
final class BrokerProperties {

  static final int NODE_ID = 1;
  static final String CONTROLLER_LISTENER = "CONTROLLER";

  private BrokerProperties() {}

  /** The voter list of a one-node quorum on loopback. */
  static String singleVoter(final int nodeId, final int controllerPort) {
    return nodeId + "@" + Ports.LOOPBACK + ":" + controllerPort;
  }

  /**
   * @param voters {@code id@host:port,…} of every node of the cluster, this one included
   */
  static Map<String, String> of(
      final Path dataDir,
      final int nodeId,
      final int brokerPort,
      final int controllerPort,
      final String voters,
      final Map<String, String> extra) {
    final int nodes = voters.split(",").length;
    final String replication = nodes >= 3 ? "3" : "1";
    // Two of three: a write survives the loss of any one node and still needs no more than two.
    final String minIsr = nodes >= 3 ? "2" : "1";
    final Map<String, String> p = new LinkedHashMap<>();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(nodeId));
    // A static voter set keeps the controller port out of the formatted metadata, so a single node
    // may take a different free port on each restart of a persistent directory.
    p.put("controller.quorum.voters", voters);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put(
        "listeners",
        "PLAINTEXT://"
            + Ports.LOOPBACK
            + ":"
            + brokerPort
            + ","
            + CONTROLLER_LISTENER
            + "://"
            + Ports.LOOPBACK
            + ":"
            + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + brokerPort);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put(
        "listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("log.dirs", dataDir.toAbsolutePath().toString());
    p.put("metadata.log.dir", dataDir.toAbsolutePath().toString());

    p.put("offsets.topic.replication.factor", replication);
    p.put("transaction.state.log.replication.factor", replication);
    p.put("transaction.state.log.min.isr", minIsr);
    p.put("share.coordinator.state.topic.replication.factor", replication);
    p.put("share.coordinator.state.topic.min.isr", minIsr);
    p.put("default.replication.factor", replication);
    p.put("min.insync.replicas", minIsr);
    // Fewer coordinator partitions make the first group join and the first transaction fast.
    p.put("offsets.topic.num.partitions", "5");
    p.put("transaction.state.log.num.partitions", "5");
    p.put("share.coordinator.state.topic.num.partitions", "5");

    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    p.put("num.partitions", "1");
    p.putAll(extra);
    return p;
  }
}
