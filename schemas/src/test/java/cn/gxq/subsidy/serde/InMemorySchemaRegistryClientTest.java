package cn.gxq.subsidy.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Totals;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryClientTest {

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  @Test
  void idsStartAtOneAndAreGlobalByContent() {
    final int budget = registry.register("budgets-value", Budget.getClassSchema());
    final int totals = registry.register("totals-value", Totals.getClassSchema());
    final int again = registry.register("other-value", Budget.getClassSchema());

    assertThat(budget).isEqualTo(1);
    assertThat(totals).isEqualTo(2);
    assertThat(again).isEqualTo(1);
    assertThat(registry.schemaById(2)).isEqualTo(Totals.getClassSchema());
    assertThat(registry.versions("other-value")).containsExactly(Budget.getClassSchema());
  }

  @Test
  void unknownIdIsSchemaNotFound() {
    assertThatThrownBy(() -> registry.schemaById(9))
        .isInstanceOfSatisfying(
            SchemaRegistryException.class,
            e -> {
              assertThat(e.isSchemaNotFound()).isTrue();
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.errorCode()).isEqualTo(40403);
            })
        .hasMessageContaining("9");
  }
}
