package cn.gxq.subsidy.connectors;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.architecture.HouseRules;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The connectors' architecture (app's ArchitectureTest does not see this module): the edges use the
 * catalogue and the schemas, never the decision pipeline; the Connect converter plugin needs only
 * what its plugin folder ships. The house rules come from {@link HouseRules}; the rules of this
 * module are shown failing on {@code archfixture.connectors}.
 */
class ArchitectureTest {

  private static final String CONNECTORS = "cn.gxq.subsidy.connectors";

  private static final JavaClasses MAIN = HouseRules.mainClasses(CONNECTORS);

  /**
   * The converter runs inside a Connect worker from {@code target/plugins/subsidy-avro-converter}:
   * its own classes, the schemas module, Avro, Jackson and Avro's commons (see the POM); Kafka and
   * SLF4J come from the worker. Anything else (the catalogue, the rules, the intake bridge) would
   * be a ClassNotFoundException in the worker, which no unit test on this classpath would see.
   */
  static ArchRule theConverterNeedsOnlyItsPluginFolder(String root) {
    return classes()
        .that()
        .resideInAPackage(root + ".avro..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(
            root + ".avro..",
            "cn.gxq.subsidy.avro..",
            "cn.gxq.subsidy.serde..",
            "cn.gxq.subsidy.json..",
            "cn.gxq.subsidy.contract..",
            "org.apache.avro..",
            "com.fasterxml.jackson..",
            "org.apache.kafka.connect..",
            "org.apache.kafka.common..",
            "org.slf4j..",
            "java..")
        .because("the converter's plugin folder holds only these (connectors/pom.xml)");
  }

  /** The edges feed and read the contract's topics; the decisions are the application's. */
  static ArchRule theEdgesUseNoDecisionPipeline(String root) {
    return noClasses()
        .that()
        .resideInAPackage(root + "..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cn.gxq.subsidy.topology..",
            "cn.gxq.subsidy.ledger..",
            "cn.gxq.subsidy.app..",
            "cn.gxq.subsidy.benchmark..",
            "cn.gxq.subsidy.demo..",
            "cn.gxq.subsidy.broker..",
            "cn.gxq.subsidy.registry..")
        .because("connectors use the programmes catalogue and the schemas only");
  }

  @Test
  void theConverterPluginNeedsOnlyWhatItsFolderShips() {
    theConverterNeedsOnlyItsPluginFolder(CONNECTORS).check(MAIN);
  }

  @Test
  void theConnectorsUseTheCatalogueAndSchemasNeverThePipeline() {
    theEdgesUseNoDecisionPipeline(CONNECTORS).check(MAIN);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching(CONNECTORS + ".(*)..").should().beFreeOfCycles().check(MAIN);
  }

  /** Money crosses the edges as decimals, as in the rules. */
  @Test
  void noFloatingPoint() {
    HouseRules.noFloatingPoint(CONNECTORS + "..").check(MAIN);
  }

  /**
   * The bridge refuses event times far in the future by an injected {@code Clock} (the tests pin
   * it); only the entry point makes the system clock.
   */
  @Test
  void onlyTheEntryPointReadsTheWallClock() {
    final DescribedPredicate<com.tngtech.archunit.core.domain.JavaClass> butTheEntryPoint =
        resideInAPackage(CONNECTORS + "..")
            .and(DescribedPredicate.not(nameEndingWith("Main")))
            .as("connectors classes but *Main");
    HouseRules.noWallClock(butTheEntryPoint).check(MAIN);
  }

  @Test
  void theRulesOfThisModuleCatchDeliberateViolations() {
    final String root = "cn.gxq.subsidy.archfixture.connectors";
    final JavaClasses fixtures = new ClassFileImporter().importPackages(root);
    assertThat(report(theConverterNeedsOnlyItsPluginFolder(root), fixtures))
        .contains("CatalogueConverter", "cn.gxq.subsidy.programme.Catalogue");
    assertThat(report(theEdgesUseNoDecisionPipeline(root), fixtures))
        .contains("BrokerBridge", "cn.gxq.subsidy.broker.EmbeddedKafkaBroker");
  }

  private static String report(ArchRule rule, JavaClasses classes) {
    return rule.evaluate(classes).getFailureReport().toString();
  }
}
