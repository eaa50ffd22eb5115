package cn.gxq.subsidy.app.command;

import cn.gxq.subsidy.app.security.ClientConfig;
import cn.gxq.subsidy.contract.Topics;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Option;

/** Where the cluster and the registry are; the defaults are the embedded ones of {@code run}. */
public final class ClusterOptions {

  static final String EMBEDDED_BOOTSTRAP = "127.0.0.1:9092";
  static final String EMBEDDED_REGISTRY = "http://127.0.0.1:8081";

  @Option(
      names = "--bootstrap-servers",
      paramLabel = "HOST:PORT[,…]",
      description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}, the embedded broker).",
      defaultValue = EMBEDDED_BOOTSTRAP)
  public String bootstrapServers;

  @Option(
      names = "--schema-registry-url",
      paramLabel = "URL",
      description =
          "Confluent-compatible schema registry; user:password@ in the URL for Basic"
              + " auth (default: ${DEFAULT-VALUE}, the embedded registry).",
      defaultValue = EMBEDDED_REGISTRY)
  public String schemaRegistryUrl;

  @Option(
      names = "--topic-prefix",
      paramLabel = "PREFIX",
      defaultValue = "",
      description = "Prefix of every topic name (default: none).")
  public String topicPrefix;

  @Option(
      names = "--client-config",
      paramLabel = "FILE",
      description =
          "Kafka client properties (e.g. security.protocol, sasl.jaas.config,"
              + " ssl.truststore.location) for every connection this command makes.")
  public Path clientConfig;

  public Topics topics() {
    return new Topics(topicPrefix);
  }

  /** The bootstrap servers plus whatever {@code --client-config} adds. */
  Properties clientProperties() {
    return ClientConfig.load(clientConfig, bootstrapServers);
  }
}
