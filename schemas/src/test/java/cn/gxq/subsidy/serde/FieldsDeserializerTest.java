package cn.gxq.subsidy.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.RentReliefApplication;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

class FieldsDeserializerTest {

  private static final String TOPIC = "subsidy.applications.rent-relief.v1";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();
  private final FieldsDeserializer header =
      new FieldsDeserializer(
          RentReliefApplication.class,
          List.of("applicationId", "creditCode", "submittedAt"),
          registry);

  @Test
  void readsOnlyTheNamedFields() {
    final RentReliefApplication application = Samples.rentRelief();

    final GenericRecord read = header.deserialize(TOPIC, serialize(application));

    assertThat(read.getSchema().getFields()).hasSize(3);
    assertThat(read.get("applicationId").toString()).isEqualTo(application.getApplicationId());
    assertThat(read.get("creditCode").toString()).isEqualTo(application.getCreditCode());
    assertThat(read.get("submittedAt")).isEqualTo(application.getSubmittedAt().toEpochMilli());
  }

  @Test
  void refusesWhatTheFullReadRefuses() {
    final byte[] whole = serialize(Samples.rentRelief());
    final byte[] cut = Arrays.copyOf(whole, whole.length - 3);
    final byte[] trailing = Arrays.copyOf(whole, whole.length + 1);
    final byte[] budget = serialize(Samples.budget());
    final AvroDeserializer<RentReliefApplication> full =
        new AvroDeserializer<>(RentReliefApplication.class, registry);

    for (final byte[] bad : List.of(cut, trailing, budget)) {
      assertThatThrownBy(() -> full.deserialize(TOPIC, bad))
          .isInstanceOf(WireFormatException.class);
      assertThatThrownBy(() -> header.deserialize(TOPIC, bad))
          .isInstanceOfSatisfying(
              WireFormatException.class,
              e -> assertThat(e.code()).isEqualTo(WireFormatError.UNDECODABLE));
    }
  }

  @Test
  void refusesAFieldTheTypeDoesNotHave() {
    assertThatThrownBy(
            () -> new FieldsDeserializer(RentReliefApplication.class, List.of("nope"), registry))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nope");
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private byte[] serialize(final SpecificRecord record) {
    return new AvroSerializer(record.getClass(), registry, false).serialize(TOPIC, record);
  }
}
