package cn.gxq.subsidy.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApplicationGeneratorTest {
  static final Instant START = Instant.parse("2022-05-01T01:00:00Z");
  static final int COUNT = 10_000;
  static List<Enterprise> registry;
  static Set<String> codes;
  static List<Generated> stream;

  @BeforeAll
  static void generate() {
    registry = new EnterpriseGenerator(1, START).generate(5000);
    codes = registry.stream().map(Enterprise::getCreditCode).collect(Collectors.toSet());
    stream = new ApplicationGenerator(2, registry, START).take(COUNT);
  }

  @Test
  void sameSeedGivesSameRecords() {
    List<Generated> again =
        new ApplicationGenerator(2, registry, START).stream().limit(COUNT).toList();
    assertThat(again).isEqualTo(stream);
    assertThat(new ApplicationGenerator(3, registry, START).take(100))
        .isNotEqualTo(stream.subList(0, 100));
  }

  @Test
  void idsAreReadableAndFirstRevisionsUnique() {
    Set<String> firsts = new HashSet<>();
    for (Generated g : stream) {
      assertThat(g.key()).matches("(RR|RD|IL|TS)-20\\d\\d-\\d{6}");
      assertThat(g.key())
          .startsWith(
              switch (g.topicKind()) {
                case Generated.RENT_RELIEF -> "RR-";
                case Generated.RD_DEDUCTION -> "RD-";
                case Generated.TECH_SME -> "TS-";
                default -> "IL-";
              });
      if (Header.of(g).revision() == 1) {
        assertThat(firsts.add(g.key())).as("id " + g.key()).isTrue();
      }
    }
  }

  @Test
  void eventTimesAdvanceFromTheStartWithTheMeanGap() {
    Instant previous = START;
    for (Generated g : stream) {
      assertThat(g.eventTime()).isAfter(previous).isEqualTo(Header.of(g).submittedAt());
      previous = g.eventTime();
    }
    double meanMinutes = Duration.between(START, previous).toSeconds() / 60.0 / COUNT;
    assertThat(meanMinutes).isCloseTo(10, within(0.5));
  }

  @Test
  void amendmentsAndWithdrawalsFollowTheirOriginalWithTheNextRevision() {
    Map<String, Header> last = new HashMap<>();
    int followUps = 0;
    for (Generated g : stream) {
      Header h = Header.of(g);
      Header before = last.get(g.key());
      if (h.revision() == 1) {
        assertThat(before).as("new id " + g.key()).isNull();
      } else {
        followUps++;
        assertThat(before).as("original of " + g.key() + " r" + h.revision()).isNotNull();
        assertThat(before.withdrawn()).as("amended after withdrawal: " + g.key()).isFalse();
        assertThat(h.revision()).isEqualTo(before.revision() + 1);
        assertThat(h.submittedAt()).isAfter(before.submittedAt());
        assertThat(h.creditCode()).isEqualTo(before.creditCode());
        if (!h.withdrawn()) {
          assertThat(h.amount()).as("amended amount of " + g.key()).isNotEqualTo(before.amount());
        }
      }
      last.put(g.key(), h);
    }
    assertThat(followUps).isGreaterThan(800);
  }

  /** Classifies every record from its content alone and compares with the default mix. */
  @Test
  void mixSharesLandWithinTolerance() {
    Map<String, Integer> counts = classify(stream);
    Mix mix = Mix.defaults();
    assertShare(counts, "withdrawal", mix.withdrawals());
    assertShare(counts, "amendment", mix.amendments());
    assertShare(counts, "invalid", mix.invalid());
    assertShare(counts, "unregistered", mix.unregistered());
    assertShare(counts, "duplicate", mix.duplicates());
    assertShare(counts, "ordinary", mix.regular() + mix.ineligible());
  }

  @Test
  void aCleanMixHasOnlyOrdinaryApplications() {
    Map<String, Integer> counts =
        classify(
            new ApplicationGenerator(5, registry, START, Duration.ofMinutes(1), Mix.clean())
                .take(3000));
    assertThat(counts).containsOnlyKeys("ordinary");
  }

  @Test
  void applicantsAreRegisteredExceptTheIntendedUnregisteredOnes() {
    Set<String> unregistered = new HashSet<>();
    for (Generated g : stream) {
      String code = Header.of(g).creditCode();
      if (IndependentCreditCode.valid(code) && !codes.contains(code)) {
        unregistered.add(code);
      }
    }
    assertThat(unregistered.size()).isBetween(200, 400); // 3% of 10,000, plus their follow-ups
    List<Generated> none =
        new ApplicationGenerator(
                2, registry, START, Duration.ofMinutes(10), Mix.defaults().withUnregistered(0))
            .take(3000);
    assertThat(none)
        .allSatisfy(
            g -> {
              String code = Header.of(g).creditCode();
              assertThat(!IndependentCreditCode.valid(code) || codes.contains(code))
                  .as(code)
                  .isTrue();
            });
  }

  @Test
  void allProgrammesAppearInRealisticShares() {
    Map<String, Long> byKind =
        stream.stream().collect(Collectors.groupingBy(Generated::topicKind, Collectors.counting()));
    assertThat(byKind.get(Generated.RENT_RELIEF) / (double) COUNT).isBetween(0.30, 0.40);
    assertThat(byKind.get(Generated.RD_DEDUCTION) / (double) COUNT).isBetween(0.25, 0.35);
    assertThat(byKind.get(Generated.INNOVATION_LOAN) / (double) COUNT).isBetween(0.15, 0.25);
    assertThat(byKind.get(Generated.TECH_SME) / (double) COUNT).isBetween(0.10, 0.20);
  }

  @Test
  void rentReliefCoversLandlordsRiskAreasLeasesAndSublessors() {
    List<RentReliefApplication> rr = values(RentReliefApplication.class);
    assertThat(rr)
        .anyMatch(RentReliefApplication::getLandlordStateOwned)
        .anyMatch(a -> !a.getLandlordStateOwned() && a.getLandlordCreditCode() == null)
        .anyMatch(a -> !a.getLandlordStateOwned() && a.getLandlordCreditCode() != null)
        .anyMatch(RentReliefApplication::getCountyRiskListed)
        .anyMatch(a -> !a.getCountyRiskListed())
        .anyMatch(RentReliefApplication::getSublessor)
        .anyMatch(a -> a.getLeaseStart().isAfter(LocalDate.of(2022, 1, 1)))
        .anyMatch(
            a ->
                a.getLeaseEnd().isBefore(LocalDate.of(2022, 12, 31))
                    && a.getLeaseEnd().getYear() == 2022)
        .anyMatch(a -> a.getLeaseEnd().isBefore(LocalDate.of(2022, 1, 1)))
        .anyMatch(a -> a.getCreditCode().startsWith("92"));
    long stateOwned = rr.stream().filter(RentReliefApplication::getLandlordStateOwned).count();
    assertThat(stateOwned / (double) rr.size()).isBetween(0.8, 0.99);
    assertThat(rr).allMatch(a -> a.getCountyCode().matches("\\d{6}"));
    BigDecimal median =
        rr.stream().map(RentReliefApplication::getMonthlyRent).sorted().toList().get(rr.size() / 2);
    assertThat(median).isBetween(new BigDecimal("5000"), new BigDecimal("200000"));
  }

  @Test
  void rdClaimsCoverYearsQ4SplitsOverseasCostsAndExcludedIncome() {
    List<RdDeductionApplication> rd = values(RdDeductionApplication.class);
    Set<Integer> years =
        rd.stream().map(RdDeductionApplication::getTaxYear).collect(Collectors.toSet());
    assertThat(years).contains(2020, 2021, 2022);
    assertThat(rd)
        .anyMatch(a -> a.getTaxYear() == 2022 && a.getQ4Expenses() != null)
        .anyMatch(a -> a.getTaxYear() == 2022 && a.getQ4Expenses() == null)
        .anyMatch(a -> a.getQ4EquipmentPurchases().signum() > 0)
        .anyMatch(a -> a.getOverseasContracted().signum() > 0)
        .anyMatch(
            a ->
                a.getExcludedIncomeShare() != null
                    && a.getExcludedIncomeShare().doubleValue() > 0.5)
        .anyMatch(
            a ->
                a.getExcludedIncomeShare() != null
                    && a.getExcludedIncomeShare().doubleValue() < 0.5)
        .anyMatch(a -> a.getOtherRelated().doubleValue() > mainFive(a) * 0.1 / 0.9)
        .anyMatch(a -> a.getTaxYear() < 2018);
    List<RdDeductionApplication> later2023 =
        new ApplicationGenerator(2, registry, Instant.parse("2023-09-01T00:00:00Z"))
            .stream()
                .limit(3000)
                .map(Generated::value)
                .filter(RdDeductionApplication.class::isInstance)
                .map(RdDeductionApplication.class::cast)
                .toList();
    assertThat(later2023).anyMatch(a -> a.getTaxYear() == 2023);
  }

  @Test
  void loanScoresSpreadAroundTheTiers() {
    List<InnovationLoanApplication> loans =
        values(InnovationLoanApplication.class).stream().filter(a -> a.getRevision() == 1).toList();
    Map<String, Long> tiers =
        loans.stream()
            .collect(
                Collectors.groupingBy(
                    a -> {
                      int score = LoanScore.of(a);
                      return score >= 80 ? "A" : score >= 70 ? "B" : score >= 60 ? "C" : "below";
                    },
                    Collectors.counting()));
    double n = loans.size();
    assertThat(tiers).containsOnlyKeys("A", "B", "C", "below");
    assertThat(tiers.values()).allSatisfy(count -> assertThat(count / n).isGreaterThan(0.12));
    assertThat(loans)
        .anyMatch(a -> a.getRequestedAmount().compareTo(new BigDecimal("10000000")) > 0);
  }

  @Test
  void loanApplicantsMostlyHoldAnInnovationStatus() {
    Map<String, Enterprise> byCode =
        registry.stream().collect(Collectors.toMap(Enterprise::getCreditCode, e -> e));
    List<InnovationLoanApplication> loans = values(InnovationLoanApplication.class);
    long entities =
        loans.stream()
            .filter(a -> byCode.containsKey(a.getCreditCode()))
            .filter(
                a -> {
                  Enterprise e = byCode.get(a.getCreditCode());
                  LocalDate day =
                      a.getSubmittedAt().atZone(ZoneId.of("Asia/Shanghai")).toLocalDate();
                  boolean certified =
                      e.getHighTechCertifiedOn() != null
                          && !e.getHighTechCertifiedOn().isAfter(day)
                          && e.getHighTechCertifiedOn().plusYears(3).isAfter(day);
                  return certified || e.getTechSmeYears().contains(day.getYear());
                })
            .count();
    assertThat(entities / (double) loans.size()).isBetween(0.75, 0.97);
  }

  /** Avro rejects a decimal of the wrong scale while writing, so this checks every amount. */
  @Test
  void everyRecordSerialisesWithContractScales() {
    for (Generated g : stream) {
      assertThat(AvroRoundTrip.roundTrip(g.value())).isEqualTo(g.value());
      SpecificRecord r = g.value();
      for (Schema.Field f : r.getSchema().getFields()) {
        if (r.get(f.pos()) instanceof BigDecimal d) {
          int expected = f.name().endsWith("Share") || f.name().equals("returnOnNetAssets") ? 4 : 2;
          assertThat(d.scale()).as(g.key() + "." + f.name()).isEqualTo(expected);
        }
      }
    }
  }

  @Test
  void rejectsAMixAboveOne() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Mix(0.5, 0.5, 0.5, 0, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Map<String, Integer> classify(List<Generated> records) {
    Map<String, Integer> counts = new HashMap<>();
    Set<String> claims = new HashSet<>();
    for (Generated g : records) {
      Header h = Header.of(g);
      String kind;
      if (h.withdrawn()) {
        kind = "withdrawal";
      } else if (h.revision() > 1) {
        kind = "amendment";
      } else if (h.invalid()) {
        kind = "invalid";
      } else if (!codes.contains(h.creditCode())) {
        kind = "unregistered";
      } else if (!claims.add(h.claim())) {
        kind = "duplicate";
      } else {
        kind = "ordinary";
      }
      counts.merge(kind, 1, Integer::sum);
    }
    return counts;
  }

  private static void assertShare(Map<String, Integer> counts, String kind, double expected) {
    double share = counts.getOrDefault(kind, 0) / (double) COUNT;
    assertThat(share).as(kind + " share").isCloseTo(expected, within(0.015));
  }

  private static double mainFive(RdDeductionApplication a) {
    return a.getPersonnel()
        .add(a.getDirectInputs())
        .add(a.getDepreciation())
        .add(a.getIntangibleAmortisation())
        .add(a.getDesignFees())
        .doubleValue();
  }

  private static <T> List<T> values(Class<T> type) {
    return stream.stream().map(Generated::value).filter(type::isInstance).map(type::cast).toList();
  }
}
