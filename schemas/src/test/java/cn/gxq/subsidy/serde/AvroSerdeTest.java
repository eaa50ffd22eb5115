package cn.gxq.subsidy.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.RentReliefApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AvroSerdeTest {

  private static final String RENT_TOPIC = "subsidy.applications.rent-relief.v1";
  private static final String ENTERPRISE_TOPIC = "subsidy.enterprises.v1";

  private final InMemorySchemaRegistryClient registry = new InMemorySchemaRegistryClient();

  static List<SpecificRecord> records() {
    return Samples.all();
  }

  @ParameterizedTest(name = "{index}: {0}")
  @MethodSource("records")
  @SuppressWarnings({"unchecked", "rawtypes"})
  void roundTripsEveryContractRecord(final SpecificRecord record) {
    final AvroSerde serde = new AvroSerde(record.getClass(), registry);
    final String topic = "t." + record.getSchema().getName();

    final byte[] bytes = serde.serializer().serialize(topic, record);
    final Object back = serde.deserializer().deserialize(topic, bytes);

    assertThat(back).isInstanceOf(record.getClass()).isEqualTo(record);
    assertThat(registry.versions(topic + "-value")).containsExactly(record.getSchema());
  }

  @Test
  void registersOncePerTopicAndReusesTheIdAcrossSubjects() {
    final CountingRegistry counting = new CountingRegistry(registry);
    final AvroSerde<Budget> serde = new AvroSerde<>(Budget.class, counting);

    final byte[] first = serde.serializer().serialize("a", Samples.budget());
    serde.serializer().serialize("a", Samples.budget());
    final byte[] other = serde.serializer().serialize("b", Samples.budget());

    assertThat(counting.registrations).containsExactly("a-value", "b-value");
    assertThat(WireFormat.schemaId(first)).isEqualTo(1).isEqualTo(WireFormat.schemaId(other));
  }

  @Test
  void keySerdeRegistersUnderTheKeySubject() {
    AvroSerde.forKeys(Budget.class, registry).serializer().serialize("budgets", Samples.budget());

    assertThat(registry.versions("budgets-key")).containsExactly(Budget.getClassSchema());
    assertThat(registry.versions("budgets-value")).isEmpty();
  }

  @Test
  void nullIsNullBothWays() {
    final AvroSerde<Budget> serde = new AvroSerde<>(Budget.class, registry);

    assertThat(serde.serializer().serialize("budgets", null)).isNull();
    assertThat(serde.deserializer().deserialize("budgets", null)).isNull();
    assertThat(registry.versions("budgets-value")).isEmpty();
  }

  @Test
  void readsAnOlderWriterWithTheNewFieldsDefaulted() throws IOException {
    // Version 1 of Enterprise, before highTechCertifiedOn and techSmeYears were added.
    final Schema current = Enterprise.getClassSchema();
    final Schema older = withoutFields(current, Set.of("highTechCertifiedOn", "techSmeYears"));
    final Enterprise sample = Samples.enterprise();
    final GenericData.Record old = new GenericData.Record(older);
    for (final Schema.Field field : older.getFields()) {
      old.put(field.name(), genericValue(sample.get(field.name())));
    }
    final int id = registry.register(ENTERPRISE_TOPIC + "-value", older);

    final Enterprise read =
        new AvroSerde<>(Enterprise.class, registry)
            .deserializer()
            .deserialize(ENTERPRISE_TOPIC, frame(id, older, old));

    assertThat(read.getTechSmeYears()).isEmpty();
    assertThat(read.getHighTechCertifiedOn()).isNull();
    assertThat(read.getRevenue()).isEqualTo(sample.getRevenue());
    assertThat(read.getUpdatedAt()).isEqualTo(sample.getUpdatedAt());
    assertThat(read.getTaxAssessment()).isEqualTo(sample.getTaxAssessment());
  }

  @Test
  void readsANewerWriterIgnoringFieldsItDoesNotKnow() throws IOException {
    final Schema current = Enterprise.getClassSchema();
    final List<Schema.Field> fields = new ArrayList<>();
    current.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
    fields.add(new Schema.Field("website", Schema.create(Schema.Type.STRING), "added later", ""));
    final Schema newer =
        Schema.createRecord(
            current.getName(), current.getDoc(), current.getNamespace(), false, fields);
    final Enterprise sample = Samples.enterprise();
    final GenericData.Record record = new GenericData.Record(newer);
    current.getFields().forEach(f -> record.put(f.name(), genericValue(sample.get(f.name()))));
    record.put("website", "https://example.cn");
    final int id = registry.register(ENTERPRISE_TOPIC + "-value", newer);

    final Enterprise read =
        new AvroSerde<>(Enterprise.class, registry)
            .deserializer()
            .deserialize(ENTERPRISE_TOPIC, frame(id, newer, record));

    assertThat(read).isEqualTo(sample);
  }

  @Test
  void rejectsInputShorterThanTheHeader() {
    assertThatThrownBy(() -> rentDeserializer().deserialize(RENT_TOPIC, new byte[] {0, 0, 1}))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.code()).isEqualTo(WireFormatError.UNDECODABLE))
        .hasMessageContaining("3 byte(s)")
        .hasMessageContaining("at least 5");
  }

  @Test
  void rejectsAWrongMagicByteNamingIt() {
    final byte[] bytes = rentBytes();
    bytes[0] = (byte) 0xAB;

    assertThatThrownBy(() -> rentDeserializer().deserialize(RENT_TOPIC, bytes))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.code()).isEqualTo(WireFormatError.UNDECODABLE))
        .hasMessageContaining("magic byte 0xab");
  }

  @Test
  void reportsAnUnknownSchemaIdAsUnknownSchema() {
    final byte[] bytes = rentBytes();
    System.arraycopy(WireFormat.header(4711), 0, bytes, 0, WireFormat.HEADER_SIZE);

    assertThatThrownBy(() -> rentDeserializer().deserialize(RENT_TOPIC, bytes))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.code()).isEqualTo(WireFormatError.UNKNOWN_SCHEMA))
        .hasMessageContaining("schema id 4711")
        .hasCauseInstanceOf(SchemaRegistryException.class);
  }

  @Test
  void rejectsARecordOfAnotherTypeNamingBoth() {
    final byte[] budget =
        new AvroSerde<>(Budget.class, registry)
            .serializer()
            .serialize("subsidy.budgets.v1", Samples.budget());

    assertThatThrownBy(() -> rentDeserializer().deserialize(RENT_TOPIC, budget))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.code()).isEqualTo(WireFormatError.UNDECODABLE))
        .hasMessageContaining("cn.gxq.subsidy.avro.Budget")
        .hasMessageContaining("cn.gxq.subsidy.avro.RentReliefApplication")
        .hasMessageContaining(RENT_TOPIC);
  }

  @Test
  void rejectsAnIncompatibleWriterOfTheSameName() {
    // Someone published monthlyRent as a string: same record name, unreadable as the contract type.
    final Schema wrong =
        SchemaBuilder.record("RentReliefApplication")
            .namespace("cn.gxq.subsidy.avro")
            .fields()
            .requiredString("applicationId")
            .requiredString("monthlyRent")
            .endRecord();
    final GenericData.Record record = new GenericData.Record(wrong);
    record.put("applicationId", "RR-1");
    record.put("monthlyRent", "12500");

    assertThatThrownBy(
            () ->
                rentDeserializer()
                    .deserialize(RENT_TOPIC, frame(registry.register("x", wrong), wrong, record)))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.code()).isEqualTo(WireFormatError.UNDECODABLE))
        .hasMessageContaining("cannot be read as cn.gxq.subsidy.avro.RentReliefApplication");
  }

  @Test
  void rejectsATruncatedBodyNamingIdAndSchema() {
    final byte[] bytes = rentBytes();
    final byte[] truncated = Arrays.copyOf(bytes, bytes.length - 3);

    assertThatThrownBy(() -> rentDeserializer().deserialize(RENT_TOPIC, truncated))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.code()).isEqualTo(WireFormatError.UNDECODABLE))
        .hasMessageContaining("schema id 1 (cn.gxq.subsidy.avro.RentReliefApplication)")
        .hasMessageContaining("EOFException");
  }

  @Test
  void rejectsACorruptBody() {
    // After the header, zig-zag 0x01 = -1 as the length of the first string: impossible.
    final byte[] bytes = Arrays.copyOf(rentBytes(), WireFormat.HEADER_SIZE + 1);
    bytes[WireFormat.HEADER_SIZE] = 0x01;

    assertThatThrownBy(() -> rentDeserializer().deserialize(RENT_TOPIC, bytes))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.code()).isEqualTo(WireFormatError.UNDECODABLE))
        .hasMessageContaining("schema id 1")
        .hasMessageContaining("negative");
  }

  @Test
  void rejectsTrailingBytesCountingThem() {
    final byte[] bytes = rentBytes();
    final byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);

    assertThatThrownBy(() -> rentDeserializer().deserialize(RENT_TOPIC, longer))
        .isInstanceOfSatisfying(
            WireFormatException.class,
            e -> assertThat(e.code()).isEqualTo(WireFormatError.UNDECODABLE))
        .hasMessageContaining("2 unexpected trailing byte(s)")
        .hasMessageContaining("schema id 1");
  }

  @Test
  void letsARegistryOutagePropagateInsteadOfCallingTheInputUndecodable() {
    final byte[] bytes = rentBytes();
    final SchemaRegistryClient down =
        new SchemaRegistryClient() {
          @Override
          public int register(final String subject, final Schema schema) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Schema schemaById(final int id) {
            throw new SchemaRegistryException(
                0, 0, "schema registry http://127.0.0.1:1 unreachable");
          }
        };

    assertThatThrownBy(
            () ->
                new AvroSerde<>(RentReliefApplication.class, down)
                    .deserializer()
                    .deserialize(RENT_TOPIC, bytes))
        .isExactlyInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void refusesToSerializeARecordWithAMissingRequiredField() {
    final RentReliefApplication broken = Samples.rentRelief();
    broken.setMonthlyRent(null);

    assertThatThrownBy(
            () ->
                new AvroSerde<>(RentReliefApplication.class, registry)
                    .serializer()
                    .serialize(RENT_TOPIC, broken))
        .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class)
        .hasMessageContaining("cn.gxq.subsidy.avro.RentReliefApplication")
        .hasMessageContaining(RENT_TOPIC);
  }

  @Test
  void isSafeToShareBetweenThreads() throws Exception {
    final AvroSerde<RentReliefApplication> serde =
        new AvroSerde<>(RentReliefApplication.class, registry);
    final ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      final List<Callable<Boolean>> tasks = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        final int thread = t;
        tasks.add(
            () -> {
              for (int i = 0; i < 500; i++) {
                final RentReliefApplication record = Samples.rentRelief();
                record.setApplicationId("RR-" + thread + "-" + i);
                record.setMonthlyRent(new BigDecimal(i).setScale(2));
                final byte[] bytes = serde.serializer().serialize(RENT_TOPIC, record);
                if (!record.equals(serde.deserializer().deserialize(RENT_TOPIC, bytes))) {
                  return false;
                }
              }
              return true;
            });
      }
      for (final Future<Boolean> result : pool.invokeAll(tasks)) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private byte[] rentBytes() {
    return new AvroSerde<>(RentReliefApplication.class, registry)
        .serializer()
        .serialize(RENT_TOPIC, Samples.rentRelief());
  }

  private AvroDeserializer<RentReliefApplication> rentDeserializer() {
    return new AvroDeserializer<>(RentReliefApplication.class, registry);
  }

  static Schema withoutFields(final Schema schema, final Set<String> dropped) {
    final List<Schema.Field> fields =
        schema.getFields().stream()
            .filter(f -> !dropped.contains(f.name()))
            .map(f -> new Schema.Field(f, f.schema()))
            .toList();
    return Schema.createRecord(
        schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
  }

  /** Header plus a generic record written the way any other producer would. */
  static byte[] frame(final int id, final Schema schema, final GenericData.Record record)
      throws IOException {
    final GenericData model = new GenericData();
    model.addLogicalTypeConversion(new Conversions.DecimalConversion());
    model.addLogicalTypeConversion(new TimeConversions.DateConversion());
    model.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(WireFormat.header(id));
    final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericData.Record>(schema, model).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  // Generated enums are Java enums; a generic writer wants its own enum symbols.
  private static Object genericValue(final Object value) {
    if (value instanceof Enum<?> symbol) {
      return new GenericData.EnumSymbol(
          ((org.apache.avro.generic.GenericContainer) value).getSchema(), symbol.name());
    }
    return value;
  }

  /** Records which subjects were registered, to show the serializer's own cache. */
  private static final class CountingRegistry implements SchemaRegistryClient {
    private final SchemaRegistryClient delegate;
    private final List<String> registrations = new ArrayList<>();

    CountingRegistry(final SchemaRegistryClient delegate) {
      this.delegate = delegate;
    }

    @Override
    public int register(final String subject, final Schema schema) {
      registrations.add(subject);
      return delegate.register(subject, schema);
    }

    @Override
    public Schema schemaById(final int id) {
      return delegate.schemaById(id);
    }
  }
}
