package cn.gxq.subsidy.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * Each house rule fails on a deliberately bad class (package {@code archfixture}, as it would sit
 * in {@code rules}, {@code programme}, {@code ledger} or {@code topology}), so none passes
 * vacuously where a module applies it.
 */
class HouseRulesTest {

  private static final JavaClasses FIXTURES =
      new ClassFileImporter().importPackages("cn.gxq.subsidy.archfixture");

  @Test
  void noWallClockCatchesARuleAndALedgerReadingIt() {
    assertThat(violations(HouseRules.noWallClock("cn.gxq.subsidy.archfixture.rules..")))
        .contains("ClockReadingRule.lateApplication", "Instant.now()");
    assertThat(violations(HouseRules.noWallClock("cn.gxq.subsidy.archfixture.ledger..")))
        .contains("DoubleBudgetLedger.draw", "System.currentTimeMillis()");
  }

  @Test
  void noFloatingPointCatchesADoubleFieldResultOrParameterInRulesAndLedger() {
    assertThat(violations(HouseRules.noFloatingPoint("cn.gxq.subsidy.archfixture.rules..")))
        .contains("Field <cn.gxq.subsidy.archfixture.rules.ClockReadingRule.rate> has raw type");
    final String programme =
        violations(HouseRules.noFloatingPoint("cn.gxq.subsidy.archfixture.programme.."));
    assertThat(programme)
        .contains("Method <cn.gxq.subsidy.archfixture.programme.FloatRateRules.reliefShare(int)>")
        .contains("FloatRateRules.relief(java.math.BigDecimal, float)> has raw parameter types");
    final String ledger =
        violations(HouseRules.noFloatingPoint("cn.gxq.subsidy.archfixture.ledger.."));
    assertThat(ledger)
        .contains("Field <cn.gxq.subsidy.archfixture.ledger.DoubleBudgetLedger.remaining>")
        .contains("Method <cn.gxq.subsidy.archfixture.ledger.DoubleBudgetLedger.remaining()>")
        .contains(
            "Constructor <cn.gxq.subsidy.archfixture.ledger.DoubleBudgetLedger.<init>(double)>");
  }

  @Test
  void noRuntimeCodeCatchesDecisionLogicReachingForHttp() {
    assertThat(violations(HouseRules.noRuntimeCode("cn.gxq.subsidy.archfixture.topology..")))
        .contains("HttpLeak", "java.net.http.HttpRequest");
  }

  @Test
  void aRuleOverPackagesWithoutClassesFailsRatherThanPassing() {
    // A misspelt or moved package must not make a rule pass by matching nothing.
    assertThatThrownBy(() -> HouseRules.noFloatingPoint("cn.gxq.subsidy.nosuch..").check(FIXTURES))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void mainClassesLeaveOutTestClasses() {
    final JavaClasses main = HouseRules.mainClasses("cn.gxq.subsidy");
    assertThat(main.contain(HouseRules.class)).isFalse();
    assertThat(main.containPackage("cn.gxq.subsidy.archfixture")).isFalse();
    assertThat(main.containPackage("cn.gxq.subsidy.rules")).isTrue();
  }

  private static String violations(ArchRule rule) {
    final var result = rule.evaluate(FIXTURES);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    return result.getFailureReport().toString();
  }
}
