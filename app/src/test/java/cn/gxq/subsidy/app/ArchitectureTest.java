package cn.gxq.subsidy.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The architecture the README describes, as rules the build enforces. Each rule is also shown to
 * fail on a deliberately bad fixture class (package {@code archfixture}), so none passes vacuously.
 */
class ArchitectureTest {

  private static final String DECISION_LOGIC_TOPOLOGY = "cn.gxq.subsidy.topology..";

  /** The programmes module: the catalogue, policy data and rules; pure Java. */
  private static final String[] PROGRAMMES = {
    "cn.gxq.subsidy.programme..", "cn.gxq.subsidy.rules..", "cn.gxq.subsidy.policy.."
  };

  private static final String[] DECISION_LOGIC = {
    DECISION_LOGIC_TOPOLOGY,
    "cn.gxq.subsidy.programme..",
    "cn.gxq.subsidy.rules..",
    "cn.gxq.subsidy.policy.."
  };
  private static final String[] SCHEMAS = {
    "cn.gxq.subsidy.avro..",
    "cn.gxq.subsidy.serde..",
    "cn.gxq.subsidy.json..",
    "cn.gxq.subsidy.contract.."
  };

  private static final JavaClasses MAIN =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("cn.gxq.subsidy");
  private static final JavaClasses FIXTURES =
      new ClassFileImporter().importPackages("cn.gxq.subsidy.archfixture");

  /** Decision logic runs anywhere Kafka Streams runs: no HTTP, CLI, broker start-up, Connect. */
  static ArchRule decisionLogicHasNoRuntimeCode(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.javalin..",
            "picocli..",
            "jakarta.servlet..",
            "org.eclipse.jetty..",
            "java.net.http..",
            "io.micrometer..",
            "cn.gxq.subsidy.app..",
            "cn.gxq.subsidy.broker..",
            "cn.gxq.subsidy.registry..",
            "cn.gxq.subsidy.connectors..",
            "org.apache.kafka.connect..",
            "kafka.server..",
            "org.apache.kafka.server..")
        .because("the topology module is decision logic, tested without a broker or a server");
  }

  /** Rules decide by event time from the record, never by when they happen to run. */
  static ArchRule noWallClock(String... packages) {
    return noClasses()
        .that()
        .resideInAnyPackage(packages)
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .callMethod(OffsetDateTime.class, "now")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .orShould()
        .callConstructor(java.util.Date.class)
        .because("decisions must not depend on when a record happens to be processed");
  }

  /** Money is BigDecimal: no binary floating point in fields or results of the rules. */
  static ArchRule noFloatingPointFields(String... packages) {
    return noFields()
        .that()
        .areDeclaredInClassesThat()
        .resideInAnyPackage(packages)
        .should()
        .haveRawType(double.class)
        .orShould()
        .haveRawType(float.class)
        .orShould()
        .haveRawType(Double.class)
        .orShould()
        .haveRawType(Float.class)
        .because("money and rates are decimals (BigDecimal), never double or float");
  }

  static ArchRule noFloatingPointResults(String... packages) {
    return noMethods()
        .that()
        .areDeclaredInClassesThat()
        .resideInAnyPackage(packages)
        .should()
        .haveRawReturnType(double.class)
        .orShould()
        .haveRawReturnType(float.class)
        .because("money and rates are decimals (BigDecimal), never double or float");
  }

  @Test
  void theTopologyModuleDependsOnNoRuntimeCode() {
    decisionLogicHasNoRuntimeCode(DECISION_LOGIC).check(MAIN);
  }

  @Test
  void theSchemasModuleDependsOnNoDecisionLogic() {
    noClasses()
        .that()
        .resideInAnyPackage(SCHEMAS)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(DECISION_LOGIC)
        .orShould()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cn.gxq.subsidy.app..",
            "cn.gxq.subsidy.demo..",
            "cn.gxq.subsidy.broker..",
            "cn.gxq.subsidy.registry..")
        .check(MAIN);
  }

  /**
   * The catalogue and the rules run without Kafka, so the connectors, the demo and any tool can use
   * them without Kafka Streams.
   */
  @Test
  void theProgrammesModuleDependsOnNoKafka() {
    noClasses()
        .that()
        .resideInAnyPackage(PROGRAMMES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.apache.kafka..", "cn.gxq.subsidy.topology..", "cn.gxq.subsidy.ledger..")
        .check(MAIN);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("cn.gxq.subsidy.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void rulesNeverReadTheWallClock() {
    noWallClock(DECISION_LOGIC).check(MAIN);
  }

  @Test
  void rulesNeverUseFloatingPoint() {
    noFloatingPointFields("cn.gxq.subsidy.rules..", "cn.gxq.subsidy.policy..").check(MAIN);
    noFloatingPointResults("cn.gxq.subsidy.rules..", "cn.gxq.subsidy.policy..").check(MAIN);
  }

  @Test
  void eachRuleCatchesADeliberateViolation() {
    assertThatThrownBy(() -> noWallClock("cn.gxq.subsidy.archfixture.rules..").check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Instant.now()");
    assertThatThrownBy(
            () ->
                decisionLogicHasNoRuntimeCode("cn.gxq.subsidy.archfixture.topology..")
                    .check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("io.javalin");
    assertThatThrownBy(
            () -> noFloatingPointFields("cn.gxq.subsidy.archfixture.rules..").check(FIXTURES))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("double");
  }
}
