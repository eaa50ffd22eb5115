package cn.gxq.subsidy.topology;

import static cn.gxq.subsidy.topology.Fixtures.at;
import static cn.gxq.subsidy.topology.Fixtures.creditCode;
import static cn.gxq.subsidy.topology.Fixtures.rentRelief;
import static cn.gxq.subsidy.topology.Fixtures.smallSoftwareFirm;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.programme.Catalogue;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

  private final TopologyHarness harness = new TopologyHarness();
  private final String topic = harness.topics.applications(Catalogue.of(Programme.RENT_RELIEF));

  @AfterEach
  void close() {
    harness.close();
  }

  private byte[] validBytes(String id) {
    final RentReliefApplication application =
        rentRelief(id, creditCode(9), "1000.00", at("2022-04-01T00:00:00Z")).build();
    return harness
        .serdes
        .of(RentReliefApplication.class)
        .serializer()
        .serialize(topic, application);
  }

  @Test
  void everyKindOfUndecodableInputIsDeadLetteredUntouchedAndProcessingGoesOn() {
    final TestInputTopic<String, byte[]> raw = harness.raw(topic);
    final byte[] valid = validBytes("RR-ok");
    final byte[] wrongMagic = valid.clone();
    wrongMagic[0] = 7;
    final byte[] unknownId = valid.clone();
    ByteBuffer.wrap(unknownId).putInt(1, 999_999);
    final byte[] truncated = Arrays.copyOf(valid, valid.length - 9);
    final Budget budget = Fixtures.budget("ZGC", "100.00", at("2022-01-01T00:00:00Z"));
    final byte[] wrongType =
        harness.serdes.budget().serializer().serialize(harness.topics.budgets(), budget);

    raw.pipeInput("k-null", null);
    raw.pipeInput(null, valid);
    raw.pipeInput("k-magic", wrongMagic);
    raw.pipeInput("k-id", unknownId);
    raw.pipeInput("k-trunc", truncated);
    raw.pipeInput("k-type", wrongType);
    raw.pipeInput("k-short", new byte[] {0, 0});
    harness.register(smallSoftwareFirm(creditCode(9), "ZGC", at("2022-01-01T00:00:00Z")).build());
    raw.pipeInput("RR-ok", valid);

    final List<TestRecord<String, byte[]>> letters = harness.deadLetters.readRecordsToList();
    assertThat(letters)
        .extracting(r -> TopologyHarness.header(r.headers(), DeadLetter.ERROR_CODE))
        .containsExactly(
            "NULL_VALUE",
            "MISSING_KEY",
            "UNDECODABLE",
            "UNKNOWN_SCHEMA",
            "UNDECODABLE",
            "UNDECODABLE",
            "UNDECODABLE");
    assertThat(letters)
        .extracting(TestRecord::key)
        .containsExactly("k-null", null, "k-magic", "k-id", "k-trunc", "k-type", "k-short");
    assertThat(letters.get(2).value()).isEqualTo(wrongMagic);
    assertThat(letters.get(4).value()).isEqualTo(truncated);
    assertThat(TopologyHarness.header(letters.get(3).headers(), DeadLetter.ERROR_MESSAGE))
        .contains("999999");
    assertThat(TopologyHarness.header(letters.get(5).headers(), DeadLetter.ERROR_MESSAGE))
        .contains("Budget");
    assertThat(letters)
        .allSatisfy(
            r -> {
              assertThat(TopologyHarness.header(r.headers(), DeadLetter.SOURCE_TOPIC))
                  .isEqualTo(topic);
              assertThat(TopologyHarness.header(r.headers(), DeadLetter.SOURCE_PARTITION))
                  .isEqualTo("0");
            });
    assertThat(letters)
        .extracting(r -> TopologyHarness.header(r.headers(), DeadLetter.SOURCE_OFFSET))
        .containsExactly("0", "1", "2", "3", "4", "5", "6");
    // The good record after all that is still decided.
    assertThat(harness.newDecisions())
        .singleElement()
        .satisfies(d -> assertThat(d.getApplicationId()).isEqualTo("RR-ok"));
  }

  @Test
  void aKeyThatIsNotUtf8IsKeptByteForByte() {
    final byte[] key = {(byte) 0xff, 'R', (byte) 0xc3, '-', 1};
    final byte[] value = {0, 0};
    harness.rawBytes(topic).pipeInput(key, value);

    final TestRecord<byte[], byte[]> letter = harness.deadLetterBytes().readRecord();
    assertThat(letter.key()).isEqualTo(key);
    assertThat(letter.value()).isEqualTo(value);
    assertThat(TopologyHarness.header(letter.headers(), DeadLetter.ERROR_CODE))
        .isEqualTo("UNDECODABLE");
  }

  @Test
  void anApplicationKeyedByAnythingButItsIdIsDeadLetteredAsKeyMismatch() {
    harness.register(smallSoftwareFirm(creditCode(9), "ZGC", at("2022-01-01T00:00:00Z")).build());
    final byte[] valid = validBytes("RR-1");
    final byte[] wrongKey = {'R', 'R', '-', '2', (byte) 0xfe};
    harness.rawBytes(topic).pipeInput(wrongKey, valid);
    harness.raw(topic).pipeInput("RR-other", valid);

    final List<TestRecord<byte[], byte[]>> letters = harness.deadLetterBytes().readRecordsToList();
    assertThat(letters)
        .extracting(r -> TopologyHarness.header(r.headers(), DeadLetter.ERROR_CODE))
        .containsExactly("KEY_MISMATCH", "KEY_MISMATCH");
    assertThat(letters.get(0).key()).isEqualTo(wrongKey);
    assertThat(letters.get(0).value()).isEqualTo(valid);
    assertThat(TopologyHarness.header(letters.get(1).headers(), DeadLetter.ERROR_MESSAGE))
        .contains("'RR-other'", "'RR-1'");
    assertThat(harness.newDecisions()).isEmpty();
  }

  @Test
  void aBudgetWhoseKeyDisagreesWithItsFieldsIsDeadLettered() {
    final Budget budget = Fixtures.budget("ZGC", "100.00", at("2022-01-01T00:00:00Z"));
    harness.budgets.pipeInput("ZJ:RENT_RELIEF:2022", budget);

    final TestRecord<String, byte[]> letter = harness.deadLetters.readRecord();
    assertThat(TopologyHarness.header(letter.headers(), DeadLetter.ERROR_CODE))
        .isEqualTo("INVALID_RECORD");
    assertThat(TopologyHarness.header(letter.headers(), DeadLetter.ERROR_MESSAGE))
        .contains("ZGC:RENT_RELIEF:2022");
  }

  @Test
  void aBudgetKeyThatIsNotUtf8IsKeptByteForByte() {
    final Budget budget = Fixtures.budget("ZGC", "100.00", at("2022-01-01T00:00:00Z"));
    final byte[] value = harness.serdes.budget().serializer().serialize("budgets", budget);
    final byte[] key = {'Z', 'G', 'C', ':', (byte) 0xff, (byte) 0xfe};
    harness.rawBytes(harness.topics.budgets()).pipeInput(key, value);

    final TestRecord<byte[], byte[]> letter = harness.deadLetterBytes().readRecord();
    assertThat(letter.key()).isEqualTo(key);
    assertThat(letter.value()).isEqualTo(value);
    assertThat(TopologyHarness.header(letter.headers(), DeadLetter.ERROR_CODE))
        .isEqualTo("INVALID_RECORD");
    // The message shows a key that is not UTF-8 as hex rather than as replacement characters.
    assertThat(TopologyHarness.header(letter.headers(), DeadLetter.ERROR_MESSAGE))
        .contains("0x5a47433afffe", "ZGC:RENT_RELIEF:2022");
  }
}
