package cn.gxq.subsidy.connectors.e2e;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.PostgreSQLContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The same flow against the images of the compose stack: Apache Kafka, Confluent Schema Registry
 * and PostgreSQL in containers; the Connect worker, bridge and application as on an operator's
 * host. Runs where a Docker engine answers; elsewhere JUnit reports it skipped ("disabled").
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ContainersFlowTest {

  private static final Network NETWORK = Network.newNetwork();

  @Container
  static final KafkaContainer KAFKA =
      new KafkaContainer(DockerImageName.parse("apache/kafka:4.4.0"))
          .withNetwork(NETWORK)
          .withListener("kafka:19092");

  @Container
  static final GenericContainer<?> REGISTRY =
      new GenericContainer<>(DockerImageName.parse("confluentinc/cp-schema-registry:7.9.0"))
          .withNetwork(NETWORK)
          .dependsOn(KAFKA)
          .withExposedPorts(8081)
          .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
          .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
          .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
          .waitingFor(Wait.forHttp("/subjects").forStatusCode(200));

  @Container
  static final PostgreSQLContainer<?> GOVERNMENT =
      new PostgreSQLContainer<>("postgres:15")
          .withDatabaseName("government")
          .withUsername("government")
          .withPassword("government-local")
          .withCommand(
              "postgres",
              "-c",
              "wal_level=logical",
              "-c",
              "max_replication_slots=4",
              "-c",
              "max_wal_senders=4",
              "-c",
              "fsync=off");

  @Container
  static final PostgreSQLContainer<?> FINANCE =
      new PostgreSQLContainer<>("postgres:15")
          .withDatabaseName("finance")
          .withUsername("finance")
          .withPassword("finance-local");

  @Test
  void outboxRowsBecomeCurrentDecisionsInTheFinanceLedger() throws Exception {
    final ConnectorFlow.Stack stack =
        new ConnectorFlow.Stack() {
          @Override
          public String bootstrapServers() {
            return KAFKA.getBootstrapServers();
          }

          @Override
          public String registryUrl() {
            return "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081);
          }

          @Override
          public ConnectorFlow.Database government() {
            return database(GOVERNMENT);
          }

          @Override
          public ConnectorFlow.Database finance() {
            return database(FINANCE);
          }
        };
    try (ConnectorFlow flow = new ConnectorFlow(stack).start()) {
      flow.outboxRowsBecomeCurrentDecisionsInTheFinanceLedger();
      flow.movementsReachTheFinanceLedgerAndReconcile();
    }
  }

  private static ConnectorFlow.Database database(PostgreSQLContainer<?> db) {
    return new ConnectorFlow.Database(
        db.getHost(),
        db.getMappedPort(5432),
        db.getDatabaseName(),
        db.getUsername(),
        db.getPassword());
  }
}
