package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.programme.Catalogue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Hostile input for fault tests, built by hand from the Confluent wire format (byte {@code 0x00},
 * 4-byte big-endian schema id, Avro binary body): garbage, a wrong magic byte, an unknown schema
 * id, truncated Avro, null values, missing keys and large values, each with the dead-letter code it
 * must get; and applications that decode but are absurd, with the reason code their decision must
 * carry. Schema ids of real subjects come from the caller, who registers the schemas.
 */
public final class HostileRecords {
  /** A schema id no registry of the demo hands out. */
  public static final int UNKNOWN_SCHEMA_ID = 999_999;

  static final byte MAGIC = 0x00;
  private static final BigDecimal HUGE = new BigDecimal("1000000000000000.00");

  private final Draw draw;
  private final Map<String, Generated> samples = new LinkedHashMap<>();
  private int counter;

  /**
   * @param seed seed of the garbage bytes and sample records
   * @param start event time of the sample records (no wall clock is read)
   */
  public HostileRecords(long seed, Instant start) {
    this.draw = new Draw(seed);
    DemoScenario scenario =
        DemoScenario.of(seed, 300, start, ApplicationGenerator.DEFAULT_MEAN_GAP, Mix.clean());
    samples.put(Generated.ENTERPRISE, scenario.enterprises().get(0));
    samples.put(Generated.BUDGET, scenario.budgets().get(0));
    scenario.applications().limit(200).forEach(g -> samples.putIfAbsent(g.topicKind(), g));
    if (samples.size() != Catalogue.recordKinds().size()) {
      throw new IllegalStateException("no sample for every topic kind: " + samples.keySet());
    }
  }

  /** A valid record of the kind (with its key), whose body the wire-level records reuse. */
  public Generated sample(String topicKind) {
    Generated g = samples.get(topicKind);
    if (g == null) {
      throw new IllegalArgumentException(
          "unknown topic kind " + topicKind + "; one of " + samples.keySet());
    }
    return g;
  }

  /** Every wire-level hostile record for one topic. */
  public List<HostileRecord> all(String topicKind, int schemaId, int largeValueBytes) {
    return List.of(
        randomBytes(topicKind, 64),
        tooShort(topicKind),
        wrongMagicByte(topicKind, schemaId),
        unknownSchemaId(topicKind),
        truncatedAvro(topicKind, schemaId),
        nullValue(topicKind),
        missingKey(topicKind, schemaId),
        largeValue(topicKind, largeValueBytes));
  }

  /** Random bytes; the first is never {@code 0x00}, so they cannot pass as the wire format. */
  public HostileRecord randomBytes(String topicKind, int length) {
    byte[] value = garbage(Math.max(1, length));
    value[0] = (byte) (1 + draw.nextInt(255));
    return new HostileRecord(
        "random bytes", topicKind, sample(topicKind).key(), value, ExpectedDeadLetter.UNDECODABLE);
  }

  /** The magic byte and half a schema id: too short for a header. */
  public HostileRecord tooShort(String topicKind) {
    return new HostileRecord(
        "3 bytes, shorter than the header",
        topicKind,
        sample(topicKind).key(),
        new byte[] {MAGIC, 0, 1},
        ExpectedDeadLetter.UNDECODABLE);
  }

  /** A valid header and body behind magic byte {@code 0x01}. */
  public HostileRecord wrongMagicByte(String topicKind, int schemaId) {
    byte[] value = wireFormat(schemaId, avroBody(sample(topicKind).value()));
    value[0] = 0x01;
    return new HostileRecord(
        "wrong magic byte 0x01",
        topicKind,
        sample(topicKind).key(),
        value,
        ExpectedDeadLetter.UNDECODABLE);
  }

  /** A valid body under schema id {@link #UNKNOWN_SCHEMA_ID}. */
  public HostileRecord unknownSchemaId(String topicKind) {
    return new HostileRecord(
        "unknown schema id " + UNKNOWN_SCHEMA_ID,
        topicKind,
        sample(topicKind).key(),
        wireFormat(UNKNOWN_SCHEMA_ID, avroBody(sample(topicKind).value())),
        ExpectedDeadLetter.UNKNOWN_SCHEMA);
  }

  /**
   * A valid header with the first half of a real body: every field takes at least one byte, so the
   * decoder runs out of input.
   */
  public HostileRecord truncatedAvro(String topicKind, int schemaId) {
    byte[] body = avroBody(sample(topicKind).value());
    return new HostileRecord(
        "Avro body truncated to " + body.length / 2 + " of " + body.length + " bytes",
        topicKind,
        sample(topicKind).key(),
        wireFormat(schemaId, Arrays.copyOf(body, body.length / 2)),
        ExpectedDeadLetter.UNDECODABLE);
  }

  /** A key with a null value (on a compacted topic a tombstone, which the contract never uses). */
  public HostileRecord nullValue(String topicKind) {
    return new HostileRecord(
        "null value", topicKind, sample(topicKind).key(), null, ExpectedDeadLetter.NULL_VALUE);
  }

  /** A valid value without a key. */
  public HostileRecord missingKey(String topicKind, int schemaId) {
    return new HostileRecord(
        "missing key",
        topicKind,
        null,
        wireFormat(schemaId, avroBody(sample(topicKind).value())),
        ExpectedDeadLetter.MISSING_KEY);
  }

  /**
   * Exactly {@code size} bytes of garbage behind magic byte {@code 0x01}: tests that a value near
   * the broker's size limit is dead-lettered, not lost.
   */
  public HostileRecord largeValue(String topicKind, int size) {
    byte[] value = garbage(Math.max(1, size));
    value[0] = 0x01;
    return new HostileRecord(
        "large value of " + size + " bytes",
        topicKind,
        sample(topicKind).key(),
        value,
        ExpectedDeadLetter.UNDECODABLE);
  }

  /**
   * Applications that decode but are absurd, for {@code applicant} (use a registered enterprise, so
   * only the absurdity is wrong), submitted at {@code submittedAt} unless the case is the date.
   */
  public List<AbsurdApplication> absurdApplications(Enterprise applicant, Instant submittedAt) {
    Instant at = submittedAt.truncatedTo(ChronoUnit.MILLIS);
    RegistryView view = new RegistryView(List.of(applicant));
    Landlords landlords = new Landlords(draw, new CreditCodeFactory(draw));
    RentReliefApplication rr =
        (RentReliefApplication)
            new RentReliefFactory(draw, view, landlords)
                .regular(applicant, "RR-HOSTILE-000000", at);
    RdDeductionApplication rd =
        (RdDeductionApplication)
            new RdDeductionFactory(draw, view).regular(applicant, "RD-HOSTILE-000000", at);
    InnovationLoanApplication il =
        (InnovationLoanApplication)
            new InnovationLoanFactory(draw, view).regular(applicant, "IL-HOSTILE-000000", at);
    String code = applicant.getCreditCode();
    List<AbsurdApplication> out = new ArrayList<>();

    out.add(
        invalid(
            "negative monthly rent", rr(rr).setMonthlyRent(new BigDecimal("-5000.00")).build()));
    out.add(invalid("monthly rent of 10^15 yuan", rr(rr).setMonthlyRent(HUGE).build()));
    out.add(year("relief year 2100", rr(rr).setYear(2100).build()));
    out.add(year("relief year 1900", rr(rr).setYear(1900).build()));
    out.add(
        invalid(
            "lease ending in 1900, before it starts",
            rr(rr).setLeaseEnd(LocalDate.of(1900, 1, 1)).build()));
    out.add(invalid("empty landlord name", rr(rr).setLandlordName("").build()));
    out.add(invalid("empty county code", rr(rr).setCountyCode("").build()));
    out.add(invalid("revision 0", rr(rr).setRevision(0).build()));
    out.add(invalid("negative revision", rr(rr).setRevision(-3).build()));
    out.add(
        creditCode(
            "wrong check character",
            rr(rr).setCreditCode(CreditCodes.withWrongCheck(code)).build()));
    out.add(creditCode("empty credit code", rr(rr).setCreditCode("").build()));
    out.add(
        creditCode(
            "lower-case credit code",
            rr(rr).setCreditCode(code.toLowerCase(java.util.Locale.ROOT)).build()));
    out.add(
        creditCode(
            "17-character credit code", rr(rr).setCreditCode(code.substring(0, 17)).build()));
    out.add(
        creditCode(
            "credit code with letter O", rr(rr).setCreditCode("91110000O00037341L").build()));

    out.add(
        invalid("negative personnel cost", rd(rd).setPersonnel(new BigDecimal("-1.00")).build()));
    out.add(invalid("personnel cost of 10^15 yuan", rd(rd).setPersonnel(HUGE).build()));
    out.add(year("tax year 1900", rd(rd).setTaxYear(1900).build()));
    out.add(
        invalid(
            "excluded income share 9.9999",
            rd(rd).setExcludedIncomeShare(new BigDecimal("9.9999")).build()));
    out.add(
        invalid(
            "negative excluded income share",
            rd(rd).setExcludedIncomeShare(new BigDecimal("-0.5000")).build()));
    out.add(
        invalid("negative Q4 expenses", rd(rd).setQ4Expenses(new BigDecimal("-100.00")).build()));
    out.add(creditCode("credit code of spaces", rd(rd).setCreditCode(" ".repeat(18)).build()));

    out.add(
        invalid(
            "negative credit line", il(il).setRequestedAmount(new BigDecimal("-1.00")).build()));
    out.add(invalid("credit line of 10^15 yuan", il(il).setRequestedAmount(HUGE).build()));
    out.add(
        year(
            "submitted in 1900",
            il(il).setSubmittedAt(Instant.parse("1900-06-01T02:00:00Z")).build()));
    out.add(invalid("term of 0 months", il(il).setTermMonths(0).build()));
    out.add(invalid("negative term", il(il).setTermMonths(-12).build()));
    out.add(invalid("empty bank code", il(il).setBankCode("").build()));
    out.add(
        invalid(
            "negative technical staff share",
            il(il).setTechStaffShare(new BigDecimal("-0.2000")).build()));
    out.add(invalid("negative patent count", il(il).setInventionPatentApplications(-5).build()));
    return out;
  }

  /** The Avro binary body of a record, as the serializer writes it after the header. */
  public static byte[] avroBody(SpecificRecord record) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
    try {
      new SpecificDatumWriter<SpecificRecord>(record.getSchema()).write(record, encoder);
      encoder.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** {@code 0x00}, the schema id big-endian, the body. */
  public static byte[] wireFormat(int schemaId, byte[] body) {
    return ByteBuffer.allocate(5 + body.length).put(MAGIC).putInt(schemaId).put(body).array();
  }

  private byte[] garbage(int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) draw.nextInt(256);
    }
    return bytes;
  }

  private String nextId(String prefix) {
    return String.format("%s-HOSTILE-%06d", prefix, ++counter);
  }

  private RentReliefApplication.Builder rr(RentReliefApplication base) {
    return RentReliefApplication.newBuilder(base).setApplicationId(nextId("RR"));
  }

  private RdDeductionApplication.Builder rd(RdDeductionApplication base) {
    return RdDeductionApplication.newBuilder(base).setApplicationId(nextId("RD"));
  }

  private InnovationLoanApplication.Builder il(InnovationLoanApplication base) {
    return InnovationLoanApplication.newBuilder(base).setApplicationId(nextId("IL"));
  }

  private static AbsurdApplication invalid(String description, SpecificRecord record) {
    return new AbsurdApplication(description, record, Optional.of("INVALID_FIELD"));
  }

  private static AbsurdApplication year(String description, SpecificRecord record) {
    return new AbsurdApplication(description, record, Optional.of("UNSUPPORTED_YEAR"));
  }

  private static AbsurdApplication creditCode(String description, SpecificRecord record) {
    return new AbsurdApplication(description, record, Optional.of("INVALID_CREDIT_CODE"));
  }

  private static AbsurdApplication valid(String description, SpecificRecord record) {
    return new AbsurdApplication(description, record, Optional.empty());
  }
}
