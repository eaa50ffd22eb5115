package cn.gxq.subsidy.connectors.e2e;

import cn.gxq.subsidy.broker.EmbeddedKafkaBroker;
import cn.gxq.subsidy.registry.LocalSchemaRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The edges for real on this machine: the project's embedded KRaft broker and registry, a
 * PostgreSQL server of the test's own with logical decoding, a real Connect worker with the
 * Debezium plugins, the intake bridge and the decision application. Skips without PostgreSQL (fails
 * when {@code CI=true}).
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class EndToEndFlowTest {

  @Test
  void outboxRowsBecomeCurrentDecisionsInTheFinanceLedger() throws Exception {
    try (LocalPostgres postgres = LocalPostgres.start(ConnectorFlow.freePort());
        EmbeddedKafkaBroker broker =
            EmbeddedKafkaBroker.builder().temporaryDataDir().port(0).build().start();
        LocalSchemaRegistry registry = LocalSchemaRegistry.start(broker.bootstrapServers(), 0)) {
      postgres.createDatabase("government");
      postgres.createDatabase("finance");
      final ConnectorFlow.Stack stack =
          new ConnectorFlow.Stack() {
            @Override
            public String bootstrapServers() {
              return broker.bootstrapServers();
            }

            @Override
            public String registryUrl() {
              return registry.url();
            }

            @Override
            public ConnectorFlow.Database government() {
              return new ConnectorFlow.Database(
                  "127.0.0.1", postgres.port(), "government", "postgres", "postgres");
            }

            @Override
            public ConnectorFlow.Database finance() {
              return new ConnectorFlow.Database(
                  "127.0.0.1", postgres.port(), "finance", "postgres", "postgres");
            }
          };
      try (ConnectorFlow flow = new ConnectorFlow(stack).start()) {
        flow.outboxRowsBecomeCurrentDecisionsInTheFinanceLedger();
        flow.movementsReachTheFinanceLedgerAndReconcile();
      }
    }
  }
}
