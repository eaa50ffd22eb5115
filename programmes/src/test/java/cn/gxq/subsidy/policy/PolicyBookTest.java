package cn.gxq.subsidy.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyBookTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Writes the bundled policy, changed, as policy-<version>.json in the temp dir. */
  private Path write(String version, Consumer<ObjectNode> change) throws IOException {
    ObjectNode policy = ChangedPolicy.bundled();
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
  void eachVersionTakesEffectOnADayOfItsOwn() throws IOException {
    write("2022.9", p -> p.put("effectiveFrom", "2022-09-01"));
    write("2022.10", p -> p.put("effectiveFrom", "2022-09-01"));
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .isInstanceOf(PolicyException.class)
        .hasMessage(
            "policy-2022.9.json: effectiveFrom: 2022-09-01 is also the date of version 2022.10;"
                + " each version takes effect on a day of its own");
  }

  @Test
  void versionsAreOrderedByTheirDatesNotTheirNames() throws IOException {
    write("b-later-name", p -> p.put("effectiveFrom", "2022-01-01"));
    write("a-earlier-name", p -> p.put("effectiveFrom", "2022-10-01"));
    PolicyBook book = PolicyBook.load(dir);
    assertThat(book.versions()).containsExactly("b-later-name", "a-earlier-name");
    assertThat(book.current().version()).isEqualTo("a-earlier-name");
    assertThat(book.inForceOn(LocalDate.of(2022, 9, 30)).version()).isEqualTo("b-later-name");
  }

  @Test
  void aDraftMayBeCalledAnythingAPersonWould() throws IOException {
    assertThat(PolicyBook.loadFile(write("2022.1-draft", p -> {})).version())
        .isEqualTo("2022.1-draft");
    assertThat(PolicyBook.loadFile(write("2023.1 草案 b", p -> {})).version())
        .isEqualTo("2023.1 草案 b");
    assertThatThrownBy(() -> PolicyBook.loadFile(write("x", p -> p.put("version", "a/b"))))
        .hasMessageStartingWith("policy-x.json: version: must be a name of 1 to 64 characters");
    assertThatThrownBy(() -> PolicyBook.loadFile(write("y", p -> p.put("version", " 2022.1"))))
        .hasMessageContaining("was ' 2022.1'");
  }

  @Test
  void aCandidateTakesThePlaceOfTheVersionOfItsDateAndTheOthersStay() throws IOException {
    PolicyBook bundled = PolicyBook.loadDefault();
    Policy draft = PolicyBook.loadFile(write("2022.1-draft", p -> {}));
    PolicyBook.Candidacy c = bundled.withCandidate(draft, null);
    assertThat(c.replaced().version()).isEqualTo("2022.1");
    assertThat(c.book().versions()).containsExactly("2022.1-draft", "2023.1");
    assertThat(c.book().inForceOn(LocalDate.of(2022, 6, 1))).isSameAs(draft);
    assertThat(c.book().inForceOn(LocalDate.of(2023, 6, 1))).isSameAs(bundled.version("2023.1"));
    // the bundled book itself is unchanged
    assertThat(bundled.versions()).containsExactly("2022.1", "2023.1");
  }

  @Test
  void aCandidateReplacesTheVersionItNamesEvenOnAnotherDate() throws IOException {
    Policy draft =
        PolicyBook.loadFile(write("2023.1-late", p -> p.put("effectiveFrom", "2023-03-01")));
    PolicyBook.Candidacy c = PolicyBook.loadDefault().withCandidate(draft, "2023.1");
    assertThat(c.replaced().version()).isEqualTo("2023.1");
    assertThat(c.book().describe())
        .isEqualTo("2022.1 from 2022-01-01, 2023.1-late from 2023-03-01");
    assertThat(c.book().inForceOn(LocalDate.of(2023, 2, 1)).version()).isEqualTo("2022.1");
  }

  @Test
  void aCandidateOnANewDateIsAddedAndTakesEffectThen() throws IOException {
    Policy draft = PolicyBook.loadFile(write("2024.1", p -> p.put("effectiveFrom", "2024-01-01")));
    PolicyBook.Candidacy c = PolicyBook.loadDefault().withCandidate(draft, null);
    assertThat(c.replaced()).isNull();
    assertThat(c.book().versions()).containsExactly("2022.1", "2023.1", "2024.1");
  }

  @Test
  void aCandidateMustNameAVersionOfTheBookAndKeepANameOfItsOwn() throws IOException {
    PolicyBook bundled = PolicyBook.loadDefault();
    Policy draft = PolicyBook.loadFile(write("2022.1-draft", p -> {}));
    assertThatThrownBy(() -> bundled.withCandidate(draft, "2021.1"))
        .hasMessage(
            "--replaces: no version 2021.1 in the book; its versions: 2022.1 from 2022-01-01,"
                + " 2023.1 from 2023-01-01");
    Policy renamed =
        PolicyBook.loadFile(write("2023.1", p -> p.put("effectiveFrom", "2024-01-01")));
    assertThatThrownBy(() -> bundled.withCandidate(renamed, null))
        .hasMessageStartingWith("policy-2023.1.json: version: 2023.1 is already a version");
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
  void operatorDirectoryCurrentIsTheLatestToTakeEffect() throws IOException {
    write("2022.9", p -> {});
    write(
        "2022.10",
        p -> {
          p.put("effectiveFrom", "2022-10-01");
          ((ObjectNode) p.get("enterprise").get("incomeTax"))
              .put("standardRate", new BigDecimal("0.20"));
        });
    Files.writeString(dir.resolve("README.txt"), "not a policy");
    PolicyBook book = PolicyBook.load(dir);
    assertThat(book.versions()).containsExactly("2022.9", "2022.10");
    assertThat(book.current().version()).isEqualTo("2022.10");
    assertThat(book.current().enterprise().standardIncomeTaxRate()).isEqualByComparingTo("0.20");
    assertThat(book.version("2022.9").enterprise().standardIncomeTaxRate())
        .isEqualByComparingTo("0.25");
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
  void documentationFieldsAreSkippedButOtherUnknownFieldsRefused() throws IOException {
    write(
        "2022.1",
        p -> ((ObjectNode) p.get("sizeClasses").get("bands").get(0)).put("note", "for people"));
    assertThat(PolicyBook.load(dir).current().sizeBands()).hasSize(15);
    assertRefused(
        p -> ((ObjectNode) p.get("calendar")).put("timezone", "Asia/Shanghai"),
        "policy-2022.1.json: calendar.timezone: unknown field");
    // An unknown top-level entry may be a programme's section: the catalogue's programmes say.
    write("2022.1", p -> p.put("titel", "x"));
    Policy policy = PolicyBook.load(dir).current();
    Set<String> claimed =
        Set.of("rentRelief", "rdDeduction", "innovationLoan", "techSmeEvaluation");
    assertThatThrownBy(() -> policy.programmes().onlyClaimedBy(claimed))
        .hasMessage(
            "policy-2022.1.json: titel: no programme of the catalogue reads this section; expected"
                + " one of [innovationLoan, rdDeduction, rentRelief, techSmeEvaluation]");
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
  }

  private void assertRefused(Consumer<ObjectNode> change, String messageStart) throws IOException {
    write("2022.1", change);
    assertThatThrownBy(() -> PolicyBook.load(dir))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith(messageStart);
  }
}
