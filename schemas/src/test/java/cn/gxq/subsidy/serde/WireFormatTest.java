package cn.gxq.subsidy.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.Budget;
import java.util.HexFormat;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class WireFormatTest {

  /**
   * A registry that always answers id 258 (0x00000102), so the id bytes show their big-endian
   * order.
   */
  private static final SchemaRegistryClient FIXED_ID =
      new SchemaRegistryClient() {
        @Override
        public int register(final String subject, final Schema schema) {
          return 258;
        }

        @Override
        public Schema schemaById(final int id) {
          return Budget.getClassSchema();
        }
      };

  @Test
  void writesTheExactConfluentBytesOfAKnownBudget() {
    final byte[] bytes =
        new AvroSerde<>(Budget.class, FIXED_ID)
            .serializer()
            .serialize("subsidy.budgets.v1", Samples.budget());

    // 00               magic byte
    // 00 00 01 02      schema id 258, 4 bytes big-endian
    // 06 5a 47 43      zone "ZGC": length 3 (zig-zag varint 06), then UTF-8
    // 02               programme RD_SUPER_DEDUCTION: enum index 1 (zig-zag 02)
    // ce 1f            year 2023: zig-zag 4046 as a varint, low 7 bits first
    // 04 27 10         amount 100.00: unscaled 10000 = 0x2710, two bytes (length 2 -> 04),
    // big-endian
    // 80 a0 86 aa ad 61  updatedAt 2023-01-01T00:00:00Z = 1672531200000 ms, zig-zag varint
    assertThat(HexFormat.of().formatHex(bytes))
        .isEqualTo("00" + "00000102" + "065a4743" + "02" + "ce1f" + "042710" + "80a086aaad61");
  }

  @Test
  void headerAndSchemaIdAreInverse() {
    final byte[] header = WireFormat.header(0x01020304);

    assertThat(header).containsExactly(0x00, 0x01, 0x02, 0x03, 0x04);
    assertThat(WireFormat.schemaId(header)).isEqualTo(0x01020304);
  }

  @Test
  void subjectsFollowTheTopicNameStrategy() {
    assertThat(WireFormat.subject("subsidy.budgets.v1", false))
        .isEqualTo("subsidy.budgets.v1-value");
    assertThat(WireFormat.subject("subsidy.budgets.v1", true)).isEqualTo("subsidy.budgets.v1-key");
  }

  @Test
  void saysWhenInputLooksLikeJson() {
    assertThatThrownBy(() -> WireFormat.schemaId("{\"zone\":1}".getBytes()))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("0x7b")
        .hasMessageContaining("looks like JSON");
  }
}
