package cn.gxq.subsidy.contract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Programme;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

/**
 * A consumer built against this version meets a producer built against a later one that added a
 * programme: it reads the new programme as {@code UNKNOWN} instead of failing (contract, "Adding a
 * programme adds an enum symbol").
 */
class ProgrammeEvolutionTest {

  /** Budget as a later version would write it: Programme with one more symbol. */
  private static Schema laterBudget() {
    return new Schema.Parser()
        .parse(
            Budget.SCHEMA$
                .toString()
                .replace("\"UNKNOWN\"]", "\"UNKNOWN\",\"VAT_CREDIT_REFUND\"]"));
  }

  private static byte[] write(Schema schema, GenericRecord record) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    new GenericDatumWriter<GenericRecord>(schema).write(record, encoder);
    encoder.flush();
    return out.toByteArray();
  }

  private static GenericRecord budget(Schema schema, String programme) {
    GenericRecord budget = new GenericData.Record(schema);
    Schema programmeSchema = schema.getField("programme").schema();
    budget.put("zone", "ZGC");
    budget.put("programme", new GenericData.EnumSymbol(programmeSchema, programme));
    budget.put("year", 2025);
    budget.put(
        "amount",
        new org.apache.avro.Conversions.DecimalConversion()
            .toBytes(
                new BigDecimal("1.00"),
                schema.getField("amount").schema(),
                schema.getField("amount").schema().getLogicalType()));
    budget.put("updatedAt", Instant.parse("2025-01-01T00:00:00Z").toEpochMilli());
    return budget;
  }

  private static Budget read(Schema writer, byte[] bytes) throws IOException {
    return new SpecificDatumReader<Budget>(writer, Budget.SCHEMA$)
        .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
  }

  @Test
  void aProgrammeAddedLaterIsReadAsUnknown() throws IOException {
    Schema later = laterBudget();
    assertThat(later.getField("programme").schema().getEnumSymbols()).contains("VAT_CREDIT_REFUND");

    Budget read = read(later, write(later, budget(later, "VAT_CREDIT_REFUND")));

    assertThat(read.getProgramme()).isEqualTo(Programme.UNKNOWN);
    assertThat(read.getZone()).isEqualTo("ZGC");
    assertThat(read.getAmount()).isEqualByComparingTo("1.00");
  }

  @Test
  void knownProgrammesStillReadAsThemselves() throws IOException {
    Schema later = laterBudget();
    Budget read = read(later, write(later, budget(later, "TECH_SME_EVALUATION")));
    assertThat(read.getProgramme()).isEqualTo(Programme.TECH_SME_EVALUATION);
  }

  @Test
  void withoutTheDefaultTheSameReaderFails() {
    // What the default prevents: the reader of the earlier schema, which had none.
    Schema laterWriter = laterBudget();
    Schema readerWithoutDefault =
        new Schema.Parser()
            .parse(Budget.SCHEMA$.toString().replace(",\"default\":\"UNKNOWN\"", ""));
    assertThat(readerWithoutDefault.getField("programme").schema().getEnumDefault()).isNull();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new GenericDatumReaderFor(laterWriter, readerWithoutDefault)
                    .read(write(laterWriter, budget(laterWriter, "VAT_CREDIT_REFUND"))))
        .isInstanceOf(org.apache.avro.AvroTypeException.class)
        .hasMessageContaining("VAT_CREDIT_REFUND");
  }

  /** A generic reader resolving one schema against another. */
  private record GenericDatumReaderFor(Schema writer, Schema reader) {
    Object read(byte[] bytes) throws IOException {
      return new org.apache.avro.generic.GenericDatumReader<>(writer, reader)
          .read(null, DecoderFactory.get().binaryDecoder(bytes, null));
    }
  }
}
