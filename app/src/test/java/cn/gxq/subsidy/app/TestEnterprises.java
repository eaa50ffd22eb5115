package cn.gxq.subsidy.app;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.TaxAssessment;
import cn.gxq.subsidy.rules.CreditCode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.kafka.common.utils.Utils;

/**
 * Registry records and credit codes for tests that need an ordinary applicant and nothing
 * particular about it.
 */
final class TestEnterprises {

  private TestEnterprises() {}

  /**
   * A small software firm (I65, 50 staff, 5 million yuan revenue) of Zhongguancun, registered in
   * 2015, tax-resident, no certificates, as of 2022-01-01: every programme's size and registry
   * checks pass. Set what a test cares about on the builder.
   */
  static Enterprise.Builder smallFirm(String creditCode, String name) {
    return Enterprise.newBuilder()
        .setCreditCode(creditCode)
        .setName(name)
        .setZone("ZGC")
        .setIndustryCode("I65")
        .setEmployees(50)
        .setRevenue(new BigDecimal("5000000.00"))
        .setTotalAssets(new BigDecimal("3000000.00"))
        .setRegisteredOn(LocalDate.of(2015, 3, 1))
        .setHighTechCertifiedOn(null)
        .setTechSmeYears(List.of())
        .setTaxResident(true)
        .setTaxAssessment(TaxAssessment.ACTUAL)
        .setUpdatedAt(Instant.parse("2022-01-01T00:00:00Z"));
  }

  /** A valid credit code from its first 15 characters (the 17th repeats the 15th). */
  static String creditCode(String first15) {
    final String first17 = first15 + "0" + first15.charAt(first15.length() - 1);
    return first17 + CreditCode.checkCharacter(first17);
  }

  /**
   * The first credit code {@code 91110108MA<n>} from {@code n = from} that Kafka's default
   * partitioner puts on {@code partition} of {@code partitions}.
   */
  static String onPartition(int partition, int partitions, int from) {
    for (int n = from; n < 100_000; n++) {
      final String candidate = creditCode("91110108MA" + String.format("%05d", n));
      if (partitionOf(candidate, partitions) == partition) {
        return candidate;
      }
    }
    throw new IllegalStateException("no credit code on partition " + partition);
  }

  static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }
}
