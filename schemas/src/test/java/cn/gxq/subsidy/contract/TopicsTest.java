package cn.gxq.subsidy.contract;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RentReliefApplication;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;

class TopicsTest {

  private final Topics topics = new Topics("test.");

  /** A programme as the catalogue would describe it. */
  private static final ApplicationKind RENT_RELIEF =
      new ApplicationKind() {
        @Override
        public Programme programme() {
          return Programme.RENT_RELIEF;
        }

        @Override
        public String slug() {
          return "rent-relief";
        }

        @Override
        public Class<? extends SpecificRecord> recordClass() {
          return RentReliefApplication.class;
        }

        @Override
        public MoneyKind moneyKind() {
          return MoneyKind.CASH;
        }

        @Override
        public String nameZh() {
          return "房租减免";
        }

        @Override
        public String nameEn() {
          return "Rent relief";
        }
      };

  @Test
  void applicationTopicsAreNamedByTheirProgrammesSlug() {
    assertThat(topics.applications(RENT_RELIEF))
        .isEqualTo("test.subsidy.applications.rent-relief.v1");
    assertThat(topics.all(List.of(RENT_RELIEF)))
        .extracting(Topics.TopicSpec::name)
        .containsExactly(
            "test.subsidy.enterprises.v1",
            "test.subsidy.budgets.v1",
            "test.subsidy.applications.rent-relief.v1",
            "test.subsidy.decisions.v1",
            "test.subsidy.totals.v1",
            "test.subsidy.deadletter.v1",
            "test.subsidy.movements.v1",
            "test.subsidy.settlements.v1",
            "test.subsidy.control-totals.v1",
            "test.audit.access-log.v1",
            "test.subsidy.internal.ledger-handovers.v1",
            "test.subsidy.internal.arrivals.v1");
  }

  @Test
  void recordKindsKeyEachRecordAsTheContractSays() {
    final RecordKind kind = RecordKind.named(RecordKind.table(List.of(RENT_RELIEF)), "rent-relief");
    final RentReliefApplication application =
        RentReliefApplication.newBuilder()
            .setApplicationId("RR-7")
            .setCreditCode("91110000600037341L")
            .setSubmittedAt(Instant.parse("2022-05-01T02:00:00Z"))
            .setYear(2022)
            .setLandlordName("l")
            .setLandlordStateOwned(true)
            .setCountyCode("110108")
            .setCountyRiskListed(false)
            .setLeaseStart(LocalDate.of(2022, 1, 1))
            .setLeaseEnd(LocalDate.of(2022, 12, 31))
            .setMonthlyRent(new BigDecimal("1.00"))
            .setSublessor(false)
            .build();
    assertThat(kind.key(application)).isEqualTo("RR-7");
    assertThat(kind.eventTime(application)).isEqualTo(Instant.parse("2022-05-01T02:00:00Z"));
    assertThat(kind.topic(topics)).isEqualTo("test.subsidy.applications.rent-relief.v1");
    final Budget budget =
        Budget.newBuilder()
            .setZone("ZGC")
            .setProgramme(Programme.RENT_RELIEF)
            .setYear(2022)
            .setAmount(new BigDecimal("1.00"))
            .setUpdatedAt(Instant.EPOCH)
            .build();
    assertThat(RecordKind.BUDGET.key(budget)).isEqualTo("ZGC:RENT_RELIEF:2022");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> RecordKind.named(RecordKind.table(List.of(RENT_RELIEF)), "rent"))
        .hasMessage("unknown type 'rent'; one of [enterprise, budget, rent-relief]");
  }

  @Test
  void everyTopicRefusesFarFutureRecords() {
    for (Topics.TopicSpec spec : topics.all(List.of(RENT_RELIEF))) {
      assertThat(spec.name()).startsWith("test.");
      assertThat(spec.configs())
          .as(spec.name())
          .containsEntry(TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, "3600000");
    }
  }

  @Test
  void everyVersionOfTheRegistryAndBudgetsIsKeptWhateverItsTimestamp() {
    final List<Topics.TopicSpec> all = topics.all(List.of(RENT_RELIEF));
    for (String name : List.of(topics.enterprises(), topics.budgets())) {
      final Topics.TopicSpec spec =
          all.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
      // Compacted, so the broker refuses a keyless record; with a lag no timestamp can reach.
      assertThat(spec.configs())
          .as(name)
          .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
          .containsEntry(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "9223372036854775807");
    }
    // Only the totals and control totals keep just their latest record: both are sums of what
    // other topics keep whole, and nothing is decided from their history.
    assertThat(all.stream().filter(Topics.TopicSpec::compacted).map(Topics.TopicSpec::name))
        .containsExactly(topics.totals(), topics.controlTotals());
    for (Topics.TopicSpec spec : all) {
      final Map<String, String> c = spec.configs();
      assertThat(
              Topics.Kept.keepsEveryRecord(
                  c.get(TopicConfig.CLEANUP_POLICY_CONFIG),
                  c.getOrDefault(TopicConfig.RETENTION_MS_CONFIG, "604800000"),
                  c.getOrDefault(TopicConfig.RETENTION_BYTES_CONFIG, "-1"),
                  c.getOrDefault(TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, "0")))
          .as(spec.name())
          .isEqualTo(!spec.compacted());
    }
  }

  @Test
  void aTopicKeepsEveryRecordOnlyWhenNoTimestampOrSizeCanReachItsLimits() {
    final String max = Long.toString(Long.MAX_VALUE);
    assertThat(Topics.Kept.keepsEveryRecord("delete", "-1", "-1", "0")).isTrue();
    assertThat(Topics.Kept.keepsEveryRecord("compact", "604800000", "-1", max)).isTrue();
    assertThat(Topics.Kept.keepsEveryRecord("compact,delete", "-1", "-1", max)).isTrue();
    assertThat(Topics.Kept.keepsEveryRecord("delete", "604800000", "-1", "0")).isFalse();
    assertThat(Topics.Kept.keepsEveryRecord("delete", "-1", "1073741824", "0")).isFalse();
    assertThat(Topics.Kept.keepsEveryRecord("compact", "-1", "-1", "604800000")).isFalse();
    assertThat(Topics.Kept.keepsEveryRecord("compact,delete", "604800000", "-1", max)).isFalse();
    assertThat(Topics.Kept.keepsEveryRecord(null, null, null, null)).isFalse();
  }

  @Test
  void decisionsAreKeptForever() {
    final Topics.TopicSpec decisions =
        topics.all(List.of(RENT_RELIEF)).stream()
            .filter(s -> s.name().equals(topics.decisions()))
            .findFirst()
            .orElseThrow();
    assertThat(decisions.configs())
        .containsEntry(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE)
        .containsEntry(TopicConfig.RETENTION_MS_CONFIG, "-1");
  }

  @Test
  void aWhatIfReadsTheLiveInputsAndWritesOnlyUnderItsOwnPrefix() {
    final Topics whatIf = topics.writingUnder("whatif.x.", false);
    assertThat(whatIf.enterprises()).isEqualTo("test.subsidy.enterprises.v1");
    assertThat(whatIf.applications(RENT_RELIEF)).isEqualTo(topics.applications(RENT_RELIEF));
    assertThat(whatIf.budgets()).isEqualTo(topics.budgets());
    assertThat(
            List.of(
                whatIf.decisions(),
                whatIf.totals(),
                whatIf.deadLetter(),
                whatIf.ledgerHandovers(),
                whatIf.arrivals()))
        .allSatisfy(name -> assertThat(name).startsWith("whatif.x.test.subsidy."));
    assertThat(topics.writingUnder("whatif.x.", true).budgets())
        .isEqualTo("whatif.x.test.subsidy.budgets.v1");
  }
}
