package cn.gxq.subsidy.whatif;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.architecture.HouseRules;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.math.BigDecimal;
import java.nio.file.Path;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.kstream.Named;
import org.junit.jupiter.api.Test;

/**
 * The what-if module's architecture. That it uses neither the app nor the embedded stack, Maven
 * guarantees (it does not depend on them); what Maven does not: its classes stay in its package,
 * the comparison counts money without floating point, and the replay reaches the topology only
 * through its typed hooks, never by a processor's name.
 */
class ArchitectureTest {

  private static final String WHATIF = "cn.gxq.subsidy.whatif";

  /** This module's main classes, and nothing from the classpath. */
  private static final JavaClasses MAIN =
      new ClassFileImporter().importPath(Path.of("target", "classes"));

  static ArchRule staysInItsPackage() {
    return classes()
        .should()
        .resideInAPackage(WHATIF + "..")
        .because("a class in another module's package would reach its package-private parts");
  }

  /**
   * A processor's name is the topology's own: a replay that found processors by name would silently
   * stop keeping live's order when one is renamed. It uses {@code ReplayHooks} instead.
   */
  static ArchRule namesNoProcessor() {
    return noClasses()
        .should()
        .callMethod(Named.class, "as", String.class)
        .orShould()
        .callMethod(TopologyDescription.Node.class, "name")
        .because("the replay hooks into the topology through ReplayHooks, not by names");
  }

  @Test
  void everyClassStaysInTheWhatIfPackage() {
    staysInItsPackage().check(MAIN);
  }

  @Test
  void theReplayNamesNoProcessor() {
    namesNoProcessor().check(MAIN);
  }

  /** The comparison and its report add up money; the progress line's rate may be approximate. */
  @Test
  void theComparisonNeverUsesFloatingPoint() {
    HouseRules.noFloatingPoint(
            resideInAPackage(WHATIF)
                .and(DescribedPredicate.not(equivalentTo(ReplayProgress.class))))
        .check(MAIN);
  }

  /** Deliberately wrong: finds a processor by its name, as the replay once did. */
  static final class FindsTheLedgerByName {
    boolean isLedger(TopologyDescription.Node node) {
      return node.name().equals("ledger");
    }

    BigDecimal approvedShare(double share) {
      return BigDecimal.valueOf(share);
    }
  }

  @Test
  void theRulesCatchDeliberateViolations() {
    final JavaClasses fixture = new ClassFileImporter().importClasses(FindsTheLedgerByName.class);
    assertThat(namesNoProcessor().evaluate(fixture).getFailureReport().toString())
        .contains("FindsTheLedgerByName.isLedger", "name()");
    assertThat(
            HouseRules.noFloatingPoint(resideInAPackage(WHATIF))
                .evaluate(fixture)
                .getFailureReport()
                .toString())
        .contains("approvedShare");
  }
}
