package cn.gxq.subsidy.programme.innovationloan;

import static cn.gxq.subsidy.policy.ChangedPolicy.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.policy.PolicyBook;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InnovationLoanPolicyTest {

  @TempDir Path dir;

  @Test
  void bundledPolicyHasTheProjectDefaults() {
    InnovationLoanPolicy p = InnovationLoanPolicy.of(PolicyBook.loadDefault().version("2022.1"));
    assertThat(p.tierFor(80).orElseThrow().cap()).isEqualByComparingTo("10000000");
    assertThat(p.tierFor(79).orElseThrow().cap()).isEqualByComparingTo("5000000");
    assertThat(p.tierFor(60).orElseThrow().cap()).isEqualByComparingTo("3000000");
    assertThat(p.tierFor(59)).isEmpty();
    assertThat(p.indicators()).hasSize(LoanIndicator.values().length);
    assertThat(p.minTermMonths()).isEqualTo(1);
    assertThat(p.maxTermMonths()).isEqualTo(360);
  }

  @Test
  void loanIndicatorsMustFitTheirGroup() {
    assertRefused(
        dir,
        InnovationLoanPolicy::of,
        p ->
            ((ObjectNode) p.get("innovationLoan").get("indicators").get(4).get("bands").get(0))
                .put("points", 6),
        "policy-2022.1.json: innovationLoan.indicators: group technology can score 51 points, more"
            + " than its maximum 50");
    assertRefused(
        dir,
        InnovationLoanPolicy::of,
        p -> ((ObjectNode) p.get("innovationLoan").get("groups")).put("auxiliary", 9),
        "policy-2022.1.json: innovationLoan.groups: group maxima must add up to maxScore 100, add"
            + " up to 99");
    assertRefused(
        dir,
        InnovationLoanPolicy::of,
        p -> ((ObjectNode) p.get("innovationLoan").get("indicators").get(1)).put("group", "luck"),
        "policy-2022.1.json: innovationLoan.indicators[1].group: luck is not one of the groups");
  }

  @Test
  void unknownIndicatorAndUnorderedBandsAreNamed() {
    assertRefused(
        dir,
        InnovationLoanPolicy::of,
        p ->
            ((ObjectNode) p.get("innovationLoan").get("indicators").get(0))
                .put("key", "rdIntensty"),
        "policy-2022.1.json: innovationLoan.indicators[0].key: unknown indicator rdIntensty");
    assertRefused(
        dir,
        InnovationLoanPolicy::of,
        p ->
            ((ObjectNode) p.get("innovationLoan").get("indicators").get(0).get("bands").get(1))
                .put("atLeast", 0.2),
        "policy-2022.1.json: innovationLoan.indicators[0].bands[1]: bands must go");
    assertRefused(
        dir,
        InnovationLoanPolicy::of,
        p ->
            ((ObjectNode) p.get("innovationLoan").get("indicators").get(0).get("bands").get(0))
                .put("above", 0.2),
        "policy-2022.1.json: innovationLoan.indicators[0].bands[0]: needs exactly one of atLeast,"
            + " above");
  }

  @Test
  void everyIndicatorOnce() {
    assertRefused(
        dir,
        InnovationLoanPolicy::of,
        p ->
            ((ObjectNode) p.get("innovationLoan").get("indicators").get(1))
                .put("key", "rdIntensity"),
        "policy-2022.1.json: innovationLoan.indicators[1].key: indicator rdIntensity listed twice");
    assertRefused(
        dir,
        InnovationLoanPolicy::of,
        p -> ((ArrayNode) p.get("innovationLoan").get("indicators")).remove(13),
        "policy-2022.1.json: innovationLoan.indicators: provincialAwards is missing");
  }

  @Test
  void tiersGoDownAndCapsAreMoney() {
    assertRefused(
        dir,
        InnovationLoanPolicy::of,
        p -> ((ObjectNode) p.get("innovationLoan").get("tiers").get(1)).put("minScore", 90),
        "policy-2022.1.json: innovationLoan.tiers[1]: tiers must go from the highest minScore");
    assertRefused(
        dir,
        InnovationLoanPolicy::of,
        p ->
            ((ObjectNode) p.get("innovationLoan").get("tiers").get(0))
                .put("cap", new BigDecimal("10000000.001")),
        "policy-2022.1.json: innovationLoan.tiers[0].cap: must be yuan to the fen");
  }
}
