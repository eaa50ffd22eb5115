package cn.gxq.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyBookTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static ObjectNode bundled() throws IOException {
    try (InputStream in =
        PolicyBookTest.class.getClassLoader().getResourceAsStream("policy/policy-2022.1.json")) {
      return (ObjectNode) JSON.readTree(in);
    }
  }

  /** Writes the bundled policy, changed, as policy-<version>.json in the temp dir. */
  private Path write(String version, Consumer<ObjectNode> change) throws IOException {
    ObjectNode policy = bundled();
    policy.put("version", version);
    change.accept(policy);
    Path file = dir.resolve("policy-" + version + ".json");
    Files.writeString(file, JSON.writeValueAsString(policy), StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void bundledPolicyLoadsWithDomainNumbers() {
    PolicyBook book = PolicyBook.loadDefault();
    Policy p = book.version("2022.1");
    assertThat(book.versions()).containsExactly("2022.1", "2023.1");
    assertThat(book.current().version()).isEqualTo("2023.1");
    assertThat(p.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
    assertThat(p.enterprise().highTechValidityYears()).isEqualTo(3);
    assertThat(p.enterprise().highTechIncomeTaxRate()).isEqualByComparingTo("0.15");
    assertThat(p.enterprise().standardIncomeTaxRate()).isEqualByComparingTo("0.25");
    assertThat(p.enterprise().individualBusinessTypePrefix()).isEqualTo("92");
    assertThat(p.rentRelief().year(2022)).contains(new RentReliefYear(2022, 3, 6));
    assertThat(p.rentRelief().year(2021)).isEmpty();
    assertThat(p.rdDeduction().rate(2021, RdEnterpriseKind.MANUFACTURING).orElseThrow().rate())
        .isEqualByComparingTo("1.00");
    assertThat(p.rdDeduction().rate(2021, RdEnterpriseKind.TECH_SME).orElseThrow().rate())
        .isEqualByComparingTo("0.75");
    RdRate others2022 = p.rdDeduction().rate(2022, RdEnterpriseKind.OTHER).orElseThrow();
    assertThat(others2022.rate()).isEqualByComparingTo("0.75");
    assertThat(others2022.latePeriod().from()).isEqualTo(LocalDate.of(2022, 10, 1));
    assertThat(others2022.latePeriod().months()).isEqualTo(3);
    // 2023年第7号 was published in March 2023: only the version in force from 2023 knows it.
    assertThat(p.rdDeduction().rate(2023, RdEnterpriseKind.OTHER)).isEmpty();
    assertThat(book.current().rdDeduction().rate(2030, RdEnterpriseKind.OTHER).orElseThrow().rate())
        .isEqualByComparingTo("1.00");
    assertThat(p.rdDeduction().otherRelatedRatio()).isEqualByComparingTo("0.10");
    assertThat(p.rdDeduction().overseasCostShare()).isEqualByComparingTo("0.80");
    assertThat(p.rdDeduction().overseasCapOfDomestic().toString()).isEqualTo("2/3");
    assertThat(p.rdDeduction().excludedIncomeShareLimit()).isEqualByComparingTo("0.50");
    assertThat(p.innovationLoan().tierFor(80).orElseThrow().cap()).isEqualByComparingTo("10000000");
    assertThat(p.innovationLoan().tierFor(79).orElseThrow().cap()).isEqualByComparingTo("5000000");
    assertThat(p.innovationLoan().tierFor(60).orElseThrow().cap()).isEqualByComparingTo("3000000");
    assertThat(p.innovationLoan().tierFor(59)).isEmpty();
    assertThat(p.innovationLoan().indicators()).hasSize(LoanIndicator.values().length);
    assertThat(p.sizeBands()).hasSize(15);
    assertThat(p.effectiveFrom()).isEqualTo(LocalDate.of(2022, 1, 1));
    assertThat(p.sources()).anyMatch(s -> s.contains("发改财金〔2022〕271号"));
  }

  @Test
  void eachVersionIsInForceFromItsDateUntilTheNext() {
    PolicyBook book = PolicyBook.loadDefault();
    assertThat(book.version("2023.1").effectiveFrom()).isEqualTo(LocalDate.of(2023, 1, 1));
    assertThat(book.inForceOn(LocalDate.of(2022, 12, 31)).version()).isEqualTo("2022.1");
    assertThat(book.inForceOn(LocalDate.of(2023, 1, 1)).version()).isEqualTo("2023.1");
    assertThat(book.inForceOn(LocalDate.of(2030, 6, 1)).version()).isEqualTo("2023.1");
    // before the first version: the first judges (it says which years it covers)
    assertThat(book.inForceOn(LocalDate.of(2019, 1, 1)).version()).isEqualTo("2022.1");
  }

  @Test
  void aNewerVersionMustTakeEffectLater() throws IOException {
    write("2022.9", p -> p.put("effectiveFrom", "2022-09-01"));
    write("2022.10", p -> p.put("effectiveFrom", "2022-09-01"));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "policy-2022.10.json: effectiveFrom: 2022-09-01 must be after 2022-09-01 of the"
                + " earlier version 2022.9; a newer version takes effect later");
  }

  @Test
  void aProgrammeSectionThatDoesNotBindNamesFileAndEntry() throws IOException {
    write(
        "2022.7",
        p ->
            ((ObjectNode) p.get("programmes").get("techSmeEvaluation").get("techStaffShare").get(1))
                .put("points", "sixteen"));
    Policy policy = PolicyBook.load(dir).current();
    assertThatThrownBy(
            () ->
                policy
                    .programmes()
                    .bind(
                        "techSmeEvaluation", cn.gxq.subsidy.programme.techsme.TechSmePolicy.class))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith(
            "policy-2022.7.json: programmes.techSmeEvaluation.techStaffShare[1].points:");
    assertThatThrownBy(() -> policy.programmes().bind("subsidisedLunches", Object.class))
        .hasMessage("policy-2022.7.json: programmes.subsidisedLunches: is missing");
  }

  @Test
  void unknownVersionIsRefused() {
    assertThatThrownBy(() -> PolicyBook.loadDefault().version("1999.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1999.1");
  }

  @Test
  void operatorDirectoryCurrentIsTheHighestVersion() throws IOException {
    write("2022.9", p -> {});
    write(
        "2022.10",
        p -> {
          p.put("effectiveFrom", "2022-10-01");
          ((ObjectNode) p.get("rdDeduction").get("rates").get(2))
              .put("rate", new BigDecimal("0.80"));
        });
    Files.writeString(dir.resolve("README.txt"), "not a policy");
    PolicyBook book = PolicyBook.load(dir);
    assertThat(book.versions()).containsExactly("2022.9", "2022.10");
    assertThat(book.current().version()).isEqualTo("2022.10");
    assertThat(book.current().rdDeduction().rate(2019, RdEnterpriseKind.OTHER).orElseThrow().rate())
        .isEqualByComparingTo("0.80");
    assertThat(
            book.version("2022.9")
                .rdDeduction()
                .rate(2019, RdEnterpriseKind.OTHER)
                .orElseThrow()
                .rate())
        .isEqualByComparingTo("0.75");
  }

  @Test
  void rateOutOfRangeNamesFileAndEntry() throws IOException {
    write(
        "2022.1",
        p ->
            ((ObjectNode) p.get("rdDeduction").get("rates").get(3))
                .set("rate", new DecimalNode(new BigDecimal("75"))));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "policy-2022.1.json: rdDeduction.rates[3].rate: must be between 0 and 5, was 75");
  }

  @Test
  void missingEntryIsNamed() throws IOException {
    write(
        "2022.1",
        p -> ((ObjectNode) p.get("enterprise").get("highTechCertificate")).remove("validityYears"));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .hasMessage("policy-2022.1.json: enterprise.highTechCertificate.validityYears: is missing");
  }

  @Test
  void misspeltFieldIsRejected() throws IOException {
    write(
        "2022.1",
        p -> ((ObjectNode) p.get("rentRelief").get("years").get(0)).put("reliefMonth", 3));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .hasMessageStartingWith(
            "policy-2022.1.json: rentRelief.years[0].reliefMonth: unknown field");
  }

  @Test
  void badIndustryPatternIsNamed() throws IOException {
    write(
        "2022.1", p -> ((ArrayNode) p.get("rdDeduction").get("excludedIndustries")).add("tobacco"));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .hasMessageStartingWith(
            "policy-2022.1.json: rdDeduction.excludedIndustries[8]: not a GB/T 4754");
  }

  @Test
  void sizeThresholdsMustNotIncreaseDownTheClasses() throws IOException {
    write(
        "2022.1",
        p ->
            ((ObjectNode) p.get("sizeClasses").get("bands").get(1).get("small")).put("staff", 400));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .hasMessageStartingWith(
            "policy-2022.1.json: sizeClasses.bands[1]: staff: lower bounds must not increase");
  }

  @Test
  void missingRateForASupportedYearIsCaught() throws IOException {
    write("2022.1", p -> ((ArrayNode) p.get("rdDeduction").get("rates")).remove(4));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .hasMessage(
            "policy-2022.1.json: rdDeduction.rates: no TECH_SME rate for tax year 2021, which taxYears supports");
  }

  @Test
  void loanIndicatorsMustFitTheirGroup() throws IOException {
    write(
        "2022.1",
        p ->
            ((ObjectNode) p.get("innovationLoan").get("indicators").get(4).get("bands").get(0))
                .put("points", 6));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .hasMessageContaining("group technology can score 51 points, more than its maximum 50");
  }

  @Test
  void unknownIndicatorAndUnorderedBandsAreNamed() throws IOException {
    write(
        "2022.1",
        p ->
            ((ObjectNode) p.get("innovationLoan").get("indicators").get(0))
                .put("key", "rdIntensty"));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .hasMessage(
            "policy-2022.1.json: innovationLoan.indicators[0].key: unknown indicator rdIntensty");
    write(
        "2022.1",
        p ->
            ((ObjectNode) p.get("innovationLoan").get("indicators").get(0).get("bands").get(1))
                .put("atLeast", 0.2));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .hasMessageStartingWith(
            "policy-2022.1.json: innovationLoan.indicators[0].bands[1]: bands must go");
  }

  @Test
  void versionMustMatchFileName() throws IOException {
    Path file = write("2022.2", p -> {});
    Files.move(file, dir.resolve("policy-2022.3.json"));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .hasMessageStartingWith("policy-2022.3.json: version: must match the file name");
  }

  @Test
  void brokenJsonAndEmptyDirectory() throws IOException {
    assertThatThrownBy(() -> PolicyBook.load(dir)).hasMessageContaining("no policy-*.json files");
    Files.writeString(dir.resolve("policy-2022.1.json"), "{\"version\": \"2022.1\",");
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .hasMessageStartingWith("policy-2022.1.json: not valid JSON");
  }

  @Test
  void fractionsAreExact() throws IOException {
    write(
        "2022.1",
        p -> ((ObjectNode) p.get("rdDeduction").get("overseas")).put("capShareOfDomestic", "3/0"));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .hasMessageStartingWith(
            "policy-2022.1.json: rdDeduction.overseas.capShareOfDomestic: must be a number or a fraction");
  }

  @Test
  void documentationFieldsAreSkippedButOtherUnknownFieldsRefused() throws IOException {
    write(
        "2022.1",
        p -> ((ObjectNode) p.get("rdDeduction").get("rates").get(0)).put("note", "for people"));
    assertThat(PolicyBook.load(dir).current().rdDeduction().rates()).hasSize(9);
    assertRefused(p -> p.put("titel", "x"), "policy-2022.1.json: titel: unknown field");
  }

  @Test
  void crossFieldChecksNameTheEntry() throws IOException {
    assertRefused(
        p -> p.put("effectiveFrom", "2022-13-01"),
        "policy-2022.1.json: effectiveFrom: must be a date YYYY-MM-DD, was 2022-13-01");
    assertRefused(
        p -> ((ObjectNode) p.get("calendar")).put("timeZone", "Mars/Olympus"),
        "policy-2022.1.json: calendar.timeZone: must be a time zone");
    assertRefused(
        p -> ((ObjectNode) p.get("enterprise")).put("individualBusinessTypePrefix", "9"),
        "policy-2022.1.json: enterprise.individualBusinessTypePrefix: must be two USCC characters");
    assertRefused(
        p -> ((ArrayNode) p.get("sizeClasses").get("bands")).remove(14),
        "policy-2022.1.json: sizeClasses.bands[13].industries: the last band must be \"*\"");
    assertRefused(
        p ->
            ((ObjectNode) p.get("sizeClasses").get("bands").get(1).get("small"))
                .put("staff", new BigDecimal("2.5")),
        "policy-2022.1.json: sizeClasses.bands[1].small.staff: must be a whole number, was 2.5");
    assertRefused(
        p ->
            ((ArrayNode) p.get("rentRelief").get("years"))
                .add(p.get("rentRelief").get("years").get(0)),
        "policy-2022.1.json: rentRelief.years[1]: year 2022 listed twice");
  }

  @Test
  void rdDeductionChecksNameTheEntry() throws IOException {
    assertRefused(
        p ->
            ((ArrayNode) p.get("rdDeduction").get("rates"))
                .add(p.get("rdDeduction").get("rates").get(0)),
        "policy-2022.1.json: rdDeduction.rates[9]: tax years 2018–2020 overlap an earlier MANUFACTURING row");
    assertRefused(
        p ->
            ((ObjectNode) p.get("rdDeduction").get("rates").get(8).get("latePeriod"))
                .put("from", "2022-10-02"),
        "policy-2022.1.json: rdDeduction.rates[8].latePeriod: must run from the first day of a month");
    assertRefused(
        p ->
            ((ArrayNode) p.get("rdDeduction").get("equipmentExtras"))
                .add(p.get("rdDeduction").get("equipmentExtras").get(0)),
        "policy-2022.1.json: rdDeduction.equipmentExtras[1]: tax year 2022 listed twice");
    assertRefused(
        p -> ((ObjectNode) p.get("rdDeduction").get("overseas")).put("capShareOfDomestic", "6"),
        "policy-2022.1.json: rdDeduction.overseas.capShareOfDomestic: must be between 0 and 5");
  }

  @Test
  void innovationLoanChecksNameTheEntry() throws IOException {
    assertRefused(
        p -> ((ObjectNode) p.get("innovationLoan").get("groups")).put("auxiliary", 9),
        "policy-2022.1.json: innovationLoan.groups: group maxima must add up to maxScore 100, add up to 99");
    assertRefused(
        p ->
            ((ObjectNode) p.get("innovationLoan").get("indicators").get(1))
                .put("key", "rdIntensity"),
        "policy-2022.1.json: innovationLoan.indicators[1].key: indicator rdIntensity listed twice");
    assertRefused(
        p -> ((ObjectNode) p.get("innovationLoan").get("indicators").get(1)).put("group", "luck"),
        "policy-2022.1.json: innovationLoan.indicators[1].group: luck is not one of the groups");
    assertRefused(
        p -> ((ArrayNode) p.get("innovationLoan").get("indicators")).remove(13),
        "policy-2022.1.json: innovationLoan.indicators: provincialAwards is missing");
    assertRefused(
        p ->
            ((ObjectNode) p.get("innovationLoan").get("indicators").get(0).get("bands").get(0))
                .put("above", 0.2),
        "policy-2022.1.json: innovationLoan.indicators[0].bands[0]: needs exactly one of atLeast, above");
    assertRefused(
        p -> ((ObjectNode) p.get("innovationLoan").get("tiers").get(1)).put("minScore", 90),
        "policy-2022.1.json: innovationLoan.tiers[1]: tiers must go from the highest minScore");
    assertRefused(
        p ->
            ((ObjectNode) p.get("innovationLoan").get("tiers").get(0))
                .put("cap", new BigDecimal("10000000.001")),
        "policy-2022.1.json: innovationLoan.tiers[0].cap: must be yuan to the fen");
  }

  private void assertRefused(Consumer<ObjectNode> change, String messageStart) throws IOException {
    write("2022.1", change);
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith(messageStart);
  }
}
