package cn.gxq.subsidy.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class SpecificRecordDeserializerTest {

  private static final String TOPIC = "subsidy-applications-by-credit-code-repartition";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final SpecificRecordDeserializer deserializer =
      new SpecificRecordDeserializer(
          registry,
          List.of(
              RentReliefApplication.class,
              RdDeductionApplication.class,
              InnovationLoanApplication.class));

  @Test
  void picksTheClassByTheWriterSchemaName() {
    final List<SpecificRecord> applications =
        List.of(Samples.rentRelief(), Samples.rdDeduction(), Samples.innovationLoan());

    for (final SpecificRecord application : applications) {
      final SpecificRecord read = deserializer.deserialize(TOPIC, serialize(application));

      assertThat(read).isInstanceOf(application.getClass()).isEqualTo(application);
    }
  }

  @Test
  void rejectsATypeOutsideTheSetNamingTheExpectedOnes() {
    final byte[] budget = serialize(Samples.budget());

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, budget))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.code()).isEqualTo(WireFormatError.UNDECODABLE))
        .hasMessageContaining("is cn.gxq.subsidy.avro.Budget")
        .hasMessageContaining("cn.gxq.subsidy.avro.RentReliefApplication")
        .hasMessageContaining("cn.gxq.subsidy.avro.InnovationLoanApplication");
  }

  @Test
  void reportsUnknownIdsAsUnknownSchema() {
    final byte[] bytes = serialize(Samples.rentRelief());
    System.arraycopy(WireFormat.header(77), 0, bytes, 0, WireFormat.HEADER_SIZE);

    assertThatThrownBy(() -> deserializer.deserialize(TOPIC, bytes))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.code()).isEqualTo(WireFormatError.UNKNOWN_SCHEMA))
        .hasMessageContaining("77");
  }

  @Test
  void nullIsNull() {
    assertThat(deserializer.deserialize(TOPIC, null)).isNull();
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private byte[] serialize(final SpecificRecord record) {
    return new AvroSerializer(record.getClass(), registry, false).serialize(TOPIC, record);
  }
}
