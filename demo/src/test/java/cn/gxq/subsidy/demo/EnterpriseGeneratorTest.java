package cn.gxq.subsidy.demo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.TaxAssessment;
import cn.gxq.subsidy.policy.SizeClass;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EnterpriseGeneratorTest {
  static final Instant START = Instant.parse("2022-05-01T00:00:00Z");
  static List<Enterprise> registry;

  @BeforeAll
  static void generate() {
    registry = new EnterpriseGenerator(42, START).generate(5000);
  }

  @Test
  void everyCreditCodeIsValidAndUnique() {
    Set<String> codes = new HashSet<>();
    for (Enterprise e : registry) {
      assertThat(IndependentCreditCode.valid(e.getCreditCode())).as(e.getCreditCode()).isTrue();
      assertThat(codes.add(e.getCreditCode())).as("unique " + e.getCreditCode()).isTrue();
    }
  }

  @Test
  void codesAreEnterprisesOrIndividualBusinessesRegisteredInTheirZone() {
    long individuals = registry.stream().filter(e -> e.getCreditCode().startsWith("92")).count();
    assertThat(registry)
        .allMatch(e -> e.getCreditCode().startsWith("91") || e.getCreditCode().startsWith("92"));
    assertThat(individuals).isBetween(250L, 600L);
    for (Enterprise e : registry) {
      Set<String> regions =
          Zone.of(e.getZone()).counties().stream()
              .map(Zone.County::code)
              .collect(Collectors.toSet());
      assertThat(regions)
          .as(e.getCreditCode() + " in " + e.getZone())
          .contains(e.getCreditCode().substring(2, 8));
    }
  }

  @Test
  void sameSeedGivesSameRecordsAndAnotherSeedOthers() {
    assertThat(new EnterpriseGenerator(42, START).generate(5000)).isEqualTo(registry);
    assertThat(new EnterpriseGenerator(43, START).generate(50))
        .doesNotContainAnyElementsOf(registry.subList(0, 50));
  }

  @Test
  void zonesAreWeightedWithZhongguancunLargest() {
    Map<String, Long> byZone =
        registry.stream()
            .collect(Collectors.groupingBy(Enterprise::getZone, Collectors.counting()));
    assertThat(byZone).containsOnlyKeys("ZGC", "ZJ", "XA", "BH", "SIP");
    long zgc = byZone.get("ZGC");
    assertThat(byZone.values()).allMatch(n -> n <= zgc);
    assertThat(zgc).isBetween(1800L, 2200L);
  }

  @Test
  void industryMixLeansToTechnology() {
    Map<String, Long> byIndustry =
        registry.stream()
            .collect(Collectors.groupingBy(Enterprise::getIndustryCode, Collectors.counting()));
    assertThat(byIndustry)
        .containsKeys(
            "C39", "C35", "C27", "I65", "I64", "M73", "M75", "F51", "F52", "H61", "H62", "K701",
            "K702", "L72", "R90", "C16", "A01", "E48", "G54");
    assertThat(byIndustry.values().stream().max(Long::compare)).contains(byIndustry.get("I65"));
    assertThat(registry).allMatch(e -> e.getIndustryCode().matches("[A-T]\\d{2,4}"));
  }

  /** Classes by domain.md's thresholds for three bands, written out independently here. */
  @Test
  void sizeFiguresMatchTheSizeMix() {
    Map<String, Function<Enterprise, String>> classifiers =
        Map.of(
            "I65", e -> byStaffAndRevenue(e, 10, 500_000, 100, 10_000_000, 300, 100_000_000),
            "C39", e -> byStaffAndRevenue(e, 20, 3_000_000, 300, 20_000_000, 1000, 400_000_000),
            "M73", e -> byStaffAndRevenue(e, 10, 0, 100, 0, 300, 0));
    for (var entry : classifiers.entrySet()) {
      List<Enterprise> companies =
          registry.stream()
              .filter(
                  e ->
                      e.getIndustryCode().equals(entry.getKey())
                          && e.getCreditCode().startsWith("91"))
              .toList();
      Map<String, Long> classes =
          companies.stream()
              .collect(Collectors.groupingBy(entry.getValue(), Collectors.counting()));
      double n = companies.size();
      assertThat(classes).as(entry.getKey()).containsKeys("MICRO", "SMALL", "MEDIUM", "LARGE");
      assertThat(classes.get("MICRO") / n).as(entry.getKey() + " micro").isBetween(0.33, 0.57);
      assertThat(classes.get("SMALL") / n).as(entry.getKey() + " small").isBetween(0.22, 0.44);
      assertThat(classes.get("MEDIUM") / n).as(entry.getKey() + " medium").isBetween(0.08, 0.25);
      assertThat(classes.get("LARGE") / n).as(entry.getKey() + " large").isBetween(0.02, 0.12);
    }
  }

  @Test
  void individualBusinessesAreMicroWithoutCertificates() {
    for (Enterprise e : registry) {
      if (e.getCreditCode().startsWith("92")) {
        assertThat(
                SizeTable.classify(
                    e.getIndustryCode(), e.getEmployees(), e.getRevenue(), e.getTotalAssets()))
            .as(e.getName())
            .isEqualTo(SizeClass.MICRO);
        assertThat(e.getHighTechCertifiedOn()).isNull();
        assertThat(e.getTechSmeYears()).isEmpty();
      }
    }
  }

  @Test
  void datesCertificatesAndTaxFactsAreRealistic() {
    long certified = 0;
    for (Enterprise e : registry) {
      assertThat(e.getRegisteredOn())
          .isBetween(LocalDate.of(1995, 1, 1), LocalDate.of(2021, 12, 31));
      assertThat(e.getUpdatedAt()).isEqualTo(START);
      assertThat(e.getEmployees()).isPositive();
      assertThat(e.getRevenue().signum()).isPositive();
      if (e.getHighTechCertifiedOn() != null) {
        certified++;
        assertThat(e.getHighTechCertifiedOn())
            .isBetween(LocalDate.of(2016, 1, 1), LocalDate.of(2022, 5, 1))
            .isAfter(e.getRegisteredOn());
      }
      for (int year : e.getTechSmeYears()) {
        assertThat(year)
            .isBetween(2017, 2022)
            .isGreaterThanOrEqualTo(e.getRegisteredOn().getYear());
        assertThat(e.getEmployees()).isLessThanOrEqualTo(500);
      }
    }
    assertThat(certified / (double) registry.size()).isBetween(0.33, 0.47);
    assertThat(registry.stream().filter(e -> !e.getTechSmeYears().isEmpty()).count())
        .isGreaterThan(500);
    assertThat(registry.stream().filter(e -> !e.getTaxResident()).count()).isBetween(20L, 200L);
    assertThat(registry.stream().filter(e -> e.getTaxAssessment() == TaxAssessment.DEEMED).count())
        .isBetween(50L, 400L);
  }

  @Test
  void namesAreChineseAndEndLikeTheirKind() {
    for (Enterprise e : registry) {
      assertThat(e.getName()).matches("[\\u4e00-\\u9fa5]{6,}");
      if (e.getCreditCode().startsWith("91")) {
        assertThat(e.getName()).endsWith("有限公司");
      }
    }
    assertThat(registry.stream().map(Enterprise::getName).distinct().count()).isGreaterThan(4900);
  }

  @Test
  void changedVersionGrewAndKeepsItsCode() {
    EnterpriseGenerator generator = new EnterpriseGenerator(7, START);
    Enterprise before = generator.next();
    Instant later = START.plusSeconds(86_400 * 40);
    Enterprise after = generator.changed(before, later);
    assertThat(after.getCreditCode()).isEqualTo(before.getCreditCode());
    assertThat(after.getUpdatedAt()).isEqualTo(later);
    assertThat(after.getEmployees()).isGreaterThan(before.getEmployees());
    assertThat(after.getRevenue()).isGreaterThan(before.getRevenue());
    assertThat(after.getRevenue().scale()).isEqualTo(2);
    assertThat(AvroRoundTrip.roundTrip(after)).isEqualTo(after);
  }

  @Test
  void unregisteredCodesAreValidAndNew() {
    EnterpriseGenerator generator = new EnterpriseGenerator(42, START);
    Set<String> codes =
        registry.stream().map(Enterprise::getCreditCode).collect(Collectors.toSet());
    generator.generate(5000);
    for (int i = 0; i < 100; i++) {
      String code = generator.unregisteredCreditCode();
      assertThat(IndependentCreditCode.valid(code)).isTrue();
      assertThat(codes).doesNotContain(code);
    }
  }

  @Test
  void everyEnterpriseSerialises() {
    for (Enterprise e : registry) {
      assertThat(AvroRoundTrip.roundTrip(e)).isEqualTo(e);
    }
  }

  private static String byStaffAndRevenue(
      Enterprise e,
      long smallStaff,
      long smallRevenue,
      long mediumStaff,
      long mediumRevenue,
      long largeStaff,
      long largeRevenue) {
    int staff = e.getEmployees();
    BigDecimal revenue = e.getRevenue();
    if (staff >= largeStaff && revenue.compareTo(BigDecimal.valueOf(largeRevenue)) >= 0) {
      return "LARGE";
    }
    if (staff >= mediumStaff && revenue.compareTo(BigDecimal.valueOf(mediumRevenue)) >= 0) {
      return "MEDIUM";
    }
    if (staff >= smallStaff && revenue.compareTo(BigDecimal.valueOf(smallRevenue)) >= 0) {
      return "SMALL";
    }
    return "MICRO";
  }
}
