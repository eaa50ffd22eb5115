package cn.gxq.subsidy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostileRecordsTest {
  static final Instant START = Instant.parse("2022-05-01T01:00:00Z");
  static final int SCHEMA_ID = 7;
  static final HostileRecords HOSTILE = new HostileRecords(3, START);

  @ParameterizedTest
  @ValueSource(strings = {"enterprise", "budget", "rent-relief", "rd-deduction", "innovation-loan"})
  void wireLevelRecordsHaveTheRightShape(String kind) {
    Map<String, HostileRecord> byName =
        HOSTILE.all(kind, SCHEMA_ID, 900_000).stream()
            .collect(Collectors.toMap(HostileRecord::description, r -> r));
    byte[] body = HostileRecords.avroBody(HOSTILE.sample(kind).value());

    HostileRecord random = byName.get("random bytes");
    assertThat(random.value()[0]).isNotEqualTo((byte) 0);
    assertThat(random.expected()).isEqualTo(ExpectedDeadLetter.UNDECODABLE);

    HostileRecord magic = byName.get("wrong magic byte 0x01");
    assertThat(magic.value()[0]).isEqualTo((byte) 1);
    assertThat(schemaId(magic.value())).isEqualTo(SCHEMA_ID);
    assertThat(magic.expected()).isEqualTo(ExpectedDeadLetter.UNDECODABLE);

    HostileRecord unknown = byName.get("unknown schema id 999999");
    assertThat(unknown.value()[0]).isZero();
    assertThat(schemaId(unknown.value())).isEqualTo(999_999);
    assertThat(Arrays.copyOfRange(unknown.value(), 5, unknown.value().length)).isEqualTo(body);
    assertThat(unknown.expected()).isEqualTo(ExpectedDeadLetter.UNKNOWN_SCHEMA);

    HostileRecord truncated =
        byName.values().stream()
            .filter(r -> r.description().startsWith("Avro body truncated"))
            .findFirst()
            .orElseThrow();
    assertThat(truncated.value()[0]).isZero();
    assertThat(schemaId(truncated.value())).isEqualTo(SCHEMA_ID);
    byte[] half = Arrays.copyOfRange(truncated.value(), 5, truncated.value().length);
    assertThat(half).hasSize(body.length / 2).isEqualTo(Arrays.copyOf(body, body.length / 2));
    assertThatThrownBy(() -> AvroRoundTrip.read(HOSTILE.sample(kind).value(), half))
        .isInstanceOf(UncheckedIOException.class);
    assertThat(truncated.expected()).isEqualTo(ExpectedDeadLetter.UNDECODABLE);

    HostileRecord nullValue = byName.get("null value");
    assertThat(nullValue.value()).isNull();
    assertThat(nullValue.key()).isEqualTo(HOSTILE.sample(kind).key());
    assertThat(nullValue.expected()).isEqualTo(ExpectedDeadLetter.NULL_VALUE);

    HostileRecord missingKey = byName.get("missing key");
    assertThat(missingKey.key()).isNull();
    assertThat(missingKey.value()[0]).isZero();
    assertThat(schemaId(missingKey.value())).isEqualTo(SCHEMA_ID);
    assertThat(
            AvroRoundTrip.read(
                HOSTILE.sample(kind).value(),
                Arrays.copyOfRange(missingKey.value(), 5, missingKey.value().length)))
        .isEqualTo(HOSTILE.sample(kind).value());
    assertThat(missingKey.expected()).isEqualTo(ExpectedDeadLetter.MISSING_KEY);

    HostileRecord large = byName.get("large value of 900000 bytes");
    assertThat(large.value()).hasSize(900_000);
    assertThat(large.value()[0]).isNotZero();

    HostileRecord tooShort = byName.get("3 bytes, shorter than the header");
    assertThat(tooShort.value()).hasSize(3);
  }

  @Test
  void samplesAreOfTheirTopicKind() {
    assertThat(HOSTILE.sample(Generated.ENTERPRISE).value()).isInstanceOf(Enterprise.class);
    assertThat(HOSTILE.sample(Generated.RENT_RELIEF).value())
        .isInstanceOf(RentReliefApplication.class);
    assertThat(HOSTILE.sample(Generated.RD_DEDUCTION).value())
        .isInstanceOf(RdDeductionApplication.class);
    assertThat(HOSTILE.sample(Generated.INNOVATION_LOAN).value())
        .isInstanceOf(InnovationLoanApplication.class);
    assertThatThrownBy(() -> HOSTILE.sample("decisions"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void sameSeedGivesTheSameBytes() {
    HostileRecords again = new HostileRecords(3, START);
    assertThat(again.randomBytes("budget", 100).value())
        .isEqualTo(new HostileRecords(3, START).randomBytes("budget", 100).value());
  }

  @Test
  void absurdApplicationsDecodeAndNameTheirReason() {
    Enterprise applicant = new EnterpriseGenerator(5, START).next();
    List<AbsurdApplication> absurd = HOSTILE.absurdApplications(applicant, START.plusSeconds(3600));
    assertThat(absurd).hasSizeGreaterThan(20);
    assertThat(absurd.stream().map(a -> a.generated().key()).distinct().count())
        .isEqualTo(absurd.size());
    assertThat(absurd.stream().map(a -> a.generated().topicKind()).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder(
            Generated.RENT_RELIEF, Generated.RD_DEDUCTION, Generated.INNOVATION_LOAN);
    for (AbsurdApplication a : absurd) {
      assertThat(AvroRoundTrip.roundTrip(a.record())).as(a.description()).isEqualTo(a.record());
      a.expectedReason()
          .ifPresent(
              r -> assertThat(r).isIn("INVALID_FIELD", "INVALID_CREDIT_CODE", "UNSUPPORTED_YEAR"));
      Header h = Header.of(a.generated());
      boolean codeOk = IndependentCreditCode.valid(h.creditCode());
      assertThat(codeOk)
          .as(a.description())
          .isEqualTo(!a.expectedReason().equals(Optional.of("INVALID_CREDIT_CODE")));
    }
    // Amounts of 10^15 yuan are a unit mistake: above the most any amount may be.
    assertThat(absurd)
        .filteredOn(a -> a.description().contains("10^15"))
        .hasSize(3)
        .allMatch(a -> a.expectedReason().equals(Optional.of("INVALID_FIELD")));
    assertThat(absurd)
        .anyMatch(a -> a.expectedReason().equals(Optional.of("UNSUPPORTED_YEAR")))
        .anyMatch(a -> a.expectedReason().equals(Optional.of("INVALID_FIELD")));
  }

  private static int schemaId(byte[] value) {
    return ByteBuffer.wrap(value, 1, 4).getInt();
  }
}
