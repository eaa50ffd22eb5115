package cn.gxq.subsidy.programme.rentrelief;

import static cn.gxq.subsidy.policy.ChangedPolicy.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.policy.PolicyBook;
import cn.gxq.subsidy.policy.SizeClass;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RentReliefPolicyTest {

  @TempDir Path dir;

  @Test
  void bundledPolicyHasTheNumbersOf271() {
    RentReliefPolicy p = RentReliefPolicy.of(PolicyBook.loadDefault().version("2022.1"));
    assertThat(p.year(2022)).contains(new RentReliefYear(2022, 3, 6));
    assertThat(p.year(2021)).isEmpty();
    assertThat(p.eligibleSizeClasses()).containsOnly(SizeClass.SMALL, SizeClass.MICRO);
  }

  @Test
  void misspeltFieldIsRejected() {
    assertRefused(
        dir,
        RentReliefPolicy::of,
        p -> ((ObjectNode) p.get("rentRelief").get("years").get(0)).put("reliefMonth", 3),
        "policy-2022.1.json: rentRelief.years[0].reliefMonth: unknown field");
  }

  @Test
  void aYearListedTwiceIsNamed() {
    assertRefused(
        dir,
        RentReliefPolicy::of,
        p ->
            ((ArrayNode) p.get("rentRelief").get("years"))
                .add(p.get("rentRelief").get("years").get(0)),
        "policy-2022.1.json: rentRelief.years[1]: year 2022 listed twice");
  }
}
