package cn.gxq.subsidy.programme.rddeduction;

import static cn.gxq.subsidy.policy.ChangedPolicy.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.policy.ChangedPolicy;
import cn.gxq.subsidy.policy.PolicyBook;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RdDeductionPolicyTest {

  @TempDir Path dir;

  @Test
  void bundledPolicyHasTheRateTable() {
    PolicyBook book = PolicyBook.loadDefault();
    RdDeductionPolicy p = RdDeductionPolicy.of(book.version("2022.1"));
    assertThat(p.rate(2021, RdEnterpriseKind.MANUFACTURING).orElseThrow().rate())
        .isEqualByComparingTo("1.00");
    assertThat(p.rate(2021, RdEnterpriseKind.TECH_SME).orElseThrow().rate())
        .isEqualByComparingTo("0.75");
    RdRate others2022 = p.rate(2022, RdEnterpriseKind.OTHER).orElseThrow();
    assertThat(others2022.rate()).isEqualByComparingTo("0.75");
    assertThat(others2022.latePeriod().from()).isEqualTo(LocalDate.of(2022, 10, 1));
    assertThat(others2022.latePeriod().months()).isEqualTo(3);
    // 2023年第7号 was published in March 2023: only the version in force from 2023 knows it.
    assertThat(p.rate(2023, RdEnterpriseKind.OTHER)).isEmpty();
    assertThat(
            RdDeductionPolicy.of(book.current())
                .rate(2030, RdEnterpriseKind.OTHER)
                .orElseThrow()
                .rate())
        .isEqualByComparingTo("1.00");
    assertThat(p.otherRelatedRatio()).isEqualByComparingTo("0.10");
    assertThat(p.overseasCostShare()).isEqualByComparingTo("0.80");
    assertThat(p.overseasCapOfDomestic().toString()).isEqualTo("2/3");
    assertThat(p.excludedIncomeShareLimit()).isEqualByComparingTo("0.50");
  }

  @Test
  void documentationFieldsAreSkipped() {
    RdDeductionPolicy p =
        RdDeductionPolicy.of(
            ChangedPolicy.load(
                dir,
                c ->
                    ((ObjectNode) c.get("rdDeduction").get("rates").get(0))
                        .put("note", "for people")));
    assertThat(p.rates()).hasSize(9);
  }

  @Test
  void rateOutOfRangeNamesFileAndEntry() {
    assertRefused(
        dir,
        RdDeductionPolicy::of,
        p ->
            ((ObjectNode) p.get("rdDeduction").get("rates").get(3))
                .set("rate", new DecimalNode(new BigDecimal("75"))),
        "policy-2022.1.json: rdDeduction.rates[3].rate: must be between 0 and 5, was 75");
  }

  @Test
  void badIndustryPatternIsNamed() {
    assertRefused(
        dir,
        RdDeductionPolicy::of,
        p -> ((ArrayNode) p.get("rdDeduction").get("excludedIndustries")).add("tobacco"),
        "policy-2022.1.json: rdDeduction.excludedIndustries[8]: not a GB/T 4754");
  }

  @Test
  void missingRateForASupportedYearIsCaught() {
    assertRefused(
        dir,
        RdDeductionPolicy::of,
        p -> ((ArrayNode) p.get("rdDeduction").get("rates")).remove(4),
        "policy-2022.1.json: rdDeduction.rates: no TECH_SME rate for tax year 2021, which taxYears"
            + " supports");
  }

  @Test
  void fractionsAreExact() {
    assertRefused(
        dir,
        RdDeductionPolicy::of,
        p -> ((ObjectNode) p.get("rdDeduction").get("overseas")).put("capShareOfDomestic", "3/0"),
        "policy-2022.1.json: rdDeduction.overseas.capShareOfDomestic: must be a number or a"
            + " fraction");
    assertRefused(
        dir,
        RdDeductionPolicy::of,
        p -> ((ObjectNode) p.get("rdDeduction").get("overseas")).put("capShareOfDomestic", "6"),
        "policy-2022.1.json: rdDeduction.overseas.capShareOfDomestic: must be between 0 and 5");
  }

  @Test
  void rowsAndPeriodsAreChecked() {
    assertRefused(
        dir,
        RdDeductionPolicy::of,
        p ->
            ((ArrayNode) p.get("rdDeduction").get("rates"))
                .add(p.get("rdDeduction").get("rates").get(0)),
        "policy-2022.1.json: rdDeduction.rates[9]: tax years 2018–2020 overlap an earlier"
            + " MANUFACTURING row");
    assertRefused(
        dir,
        RdDeductionPolicy::of,
        p ->
            ((ObjectNode) p.get("rdDeduction").get("rates").get(8).get("latePeriod"))
                .put("from", "2022-10-02"),
        "policy-2022.1.json: rdDeduction.rates[8].latePeriod: must run from the first day of a"
            + " month");
    assertRefused(
        dir,
        RdDeductionPolicy::of,
        p ->
            ((ArrayNode) p.get("rdDeduction").get("equipmentExtras"))
                .add(p.get("rdDeduction").get("equipmentExtras").get(0)),
        "policy-2022.1.json: rdDeduction.equipmentExtras[1]: tax year 2022 listed twice");
  }
}
