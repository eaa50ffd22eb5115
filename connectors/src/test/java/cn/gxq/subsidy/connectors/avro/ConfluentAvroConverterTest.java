package cn.gxq.subsidy.connectors.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Reason;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.InMemorySchemaRegistryClient;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;

class ConfluentAvroConverterTest {

  private static final String TOPIC = "subsidy.decisions.v1";
  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  private ConfluentAvroConverter converter(Map<String, ?> settings) {
    final ConfluentAvroConverter converter = new ConfluentAvroConverter(registry);
    final Map<String, Object> all = new java.util.HashMap<>(settings);
    all.put(ConfluentAvroConverter.REGISTRY_URL, "http://unused:8081");
    converter.configure(all, false);
    return converter;
  }

  private byte[] wire(Decision decision) {
    return new AvroSerializer<>(Decision.class, registry, false).serialize(TOPIC, decision);
  }

  static Decision decision(BigDecimal requested) {
    return Decision.newBuilder()
        .setApplicationId("RR-1")
        .setRevision(2)
        .setSequence(3)
        .setProgramme(Programme.RENT_RELIEF)
        .setCreditCode("91110108000000001X")
        .setEnterpriseName(null)
        .setZone("ZGC")
        .setYear(2022)
        .setStatus(DecisionStatus.APPROVED)
        .setRequestedAmount(requested)
        .setApprovedAmount(new BigDecimal("60000.00"))
        .setReasons(List.of(new Reason("CAPPED_AT_TIER", "capped \"at\" tier")))
        .setDetails(Map.of("reliefMonths", "3"))
        .setPolicyVersion("2022.1")
        .setSubmittedAt(Instant.parse("2022-05-01T09:30:00Z"))
        .setDecidedAt(Instant.parse("2022-05-01T09:30:01.250Z"))
        .build();
  }

  @Test
  void decisionBecomesAStructWithTypedColumnsAndJsonText() {
    final SchemaAndValue result =
        converter(Map.of()).toConnectData(TOPIC, wire(decision(new BigDecimal("61000.50"))));

    final Schema schema = result.schema();
    assertThat(schema.name()).isEqualTo("cn.gxq.subsidy.avro.Decision");
    assertThat(schema.field("approvedAmount").schema().name()).isEqualTo(Decimal.LOGICAL_NAME);
    assertThat(schema.field("requestedAmount").schema().isOptional()).isTrue();
    assertThat(schema.field("submittedAt").schema().name()).isEqualTo(Timestamp.LOGICAL_NAME);
    assertThat(schema.field("reasons").schema().type()).isEqualTo(Schema.Type.STRING);
    assertThat(schema.field("status").schema().type()).isEqualTo(Schema.Type.STRING);

    final Struct struct = (Struct) result.value();
    assertThat(struct.getString("applicationId")).isEqualTo("RR-1");
    assertThat(struct.getInt64("sequence")).isEqualTo(3L);
    assertThat(struct.get("approvedAmount")).isEqualTo(new BigDecimal("60000.00"));
    assertThat(struct.get("requestedAmount")).isEqualTo(new BigDecimal("61000.50"));
    assertThat(struct.get("enterpriseName")).isNull();
    assertThat(struct.getString("status")).isEqualTo("APPROVED");
    assertThat(struct.get("decidedAt"))
        .isEqualTo(Date.from(Instant.parse("2022-05-01T09:30:01.250Z")));
    assertThat(struct.getString("reasons"))
        .isEqualTo("[{\"code\":\"CAPPED_AT_TIER\",\"message\":\"capped \\\"at\\\" tier\"}]");
    assertThat(struct.getString("details")).isEqualTo("{\"reliefMonths\":\"3\"}");
    struct.validate();
  }

  @Test
  void optionsGiveStringDecimalsAndNativeArrays() {
    final Struct struct =
        (Struct)
            converter(
                    Map.of(
                        ConfluentAvroConverter.DECIMAL_AS_STRING,
                        "true",
                        ConfluentAvroConverter.COMPLEX_AS_JSON,
                        "false"))
                .toConnectData(TOPIC, wire(decision(null)))
                .value();

    assertThat(struct.get("approvedAmount")).isEqualTo("60000.00");
    assertThat(struct.get("requestedAmount")).isNull();
    assertThat(struct.getArray("reasons"))
        .singleElement()
        .satisfies(r -> assertThat(((Struct) r).getString("code")).isEqualTo("CAPPED_AT_TIER"));
    assertThat(struct.getMap("details")).containsEntry("reliefMonths", "3");
    struct.validate();
  }

  @Test
  void nullIsATombstoneAndGarbageIsADataException() {
    final ConfluentAvroConverter converter = converter(Map.of());
    assertThat(converter.toConnectData(TOPIC, null)).isEqualTo(SchemaAndValue.NULL);
    assertThatThrownBy(() -> converter.toConnectData(TOPIC, "{\"json\":1}".getBytes()))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("magic byte");
    assertThatThrownBy(() -> converter.toConnectData(TOPIC, new byte[] {0, 0, 0, 0, 42, 1}))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("UNKNOWN_SCHEMA");
    final byte[] cut = java.util.Arrays.copyOf(wire(decision(null)), 12);
    assertThatThrownBy(() -> converter.toConnectData(TOPIC, cut))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("UNDECODABLE");
  }

  @Test
  void writingIsRefusedWithAReason() {
    assertThatThrownBy(() -> converter(Map.of()).fromConnectData(TOPIC, null, null))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("only reads");
  }
}
