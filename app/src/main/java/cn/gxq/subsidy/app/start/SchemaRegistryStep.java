package cn.gxq.subsidy.app.start;

import cn.gxq.subsidy.app.security.ClientConfig;
import cn.gxq.subsidy.app.security.EmbeddedSecurity;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.registry.LocalSchemaRegistry;
import cn.gxq.subsidy.serde.RestSchemaRegistryClient;
import cn.gxq.subsidy.serde.SchemaRegistryClient;
import java.io.PrintStream;
import java.util.Properties;

/**
 * {@code run}'s schema registry: the operator's when given, else the local registry on the cluster
 * in use, with the contract's schemas registered so outside clients can fetch them before their
 * first record.
 */
public final class SchemaRegistryStep {

  private final short replication;
  private final EmbeddedSecurity security;

  /** {@code security} null: the local registry takes writes from anyone. */
  public SchemaRegistryStep(short replication, EmbeddedSecurity security) {
    this.replication = replication;
    this.security = security;
  }

  /**
   * A client of {@code givenUrl}, or of the local registry it starts with {@code kafkaClient}'s
   * settings; either way with every contract schema registered.
   */
  public SchemaRegistryClient startOrUse(
      String givenUrl, Properties kafkaClient, Topics topics, Running running, PrintStream out) {
    final SchemaRegistryClient client;
    if (givenUrl != null) {
      client = running.add(new RestSchemaRegistryClient(givenUrl));
      out.println("Schema registry  " + givenUrl.replaceAll("//[^@/]*@", "//"));
    } else {
      client = running.add(startLocal(kafkaClient, running, out));
    }
    out.println(
        "Contract schemas "
            + ContractSchemas.register(client, topics).size()
            + " registered under <topic>-value");
    return client;
  }

  private SchemaRegistryClient startLocal(
      Properties kafkaClient, Running running, PrintStream out) {
    final LocalSchemaRegistry.Builder builder =
        LocalSchemaRegistry.builder()
            .bootstrapServers(kafkaClient.getProperty("bootstrap.servers"))
            .replicationFactor(replication)
            .port(LocalSchemaRegistry.DEFAULT_PORT)
            .kafkaProperties(ClientConfig.asMap(kafkaClient));
    if (security != null) {
      builder.writeCredentials(EmbeddedSecurity.REGISTRY_WRITER, security.registryWriterPassword());
    }
    final LocalSchemaRegistry registry = running.add(builder.start());
    out.println(
        "Schema registry  "
            + registry.url()
            + "  (embedded, schemas in topic _schemas"
            + (security != null ? "; writes need user " + EmbeddedSecurity.REGISTRY_WRITER : "")
            + ")");
    return security != null
        ? new RestSchemaRegistryClient(
            registry.url(), EmbeddedSecurity.REGISTRY_WRITER, security.registryWriterPassword())
        : new RestSchemaRegistryClient(registry.url());
  }
}
