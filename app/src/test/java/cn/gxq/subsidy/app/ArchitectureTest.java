package cn.gxq.subsidy.app;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.http.ApiServer;
import cn.gxq.subsidy.app.streams.ReachesUpToHttp;
import cn.gxq.subsidy.architecture.HouseRules;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaPackage;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.junit.jupiter.api.Test;

/**
 * The architecture CONTRIBUTING.md describes, as rules the build enforces, over every module on
 * this test classpath (schemas, programmes, topology, demo, broker, registry, whatif, app); whatif,
 * connectors and benchmark have their own too. The house rules are defined once in {@link
 * HouseRules} (programmes' test-jar), where {@code HouseRulesTest} shows each failing on a
 * deliberately bad class; the topology's own rule is shown failing here, on {@code
 * archfixture.topology}.
 */
class ArchitectureTest {

  private static final String TOPOLOGY = "cn.gxq.subsidy.topology..";

  /** The programmes module: the catalogue, policy data and rules; pure Java. */
  private static final String[] PROGRAMMES = {
    "cn.gxq.subsidy.programme..", "cn.gxq.subsidy.rules..", "cn.gxq.subsidy.policy.."
  };

  /** The rules, the policy, the ledger's accounting and the topology around it. */
  private static final String[] DECISION_LOGIC =
      Stream.concat(Stream.of(HouseRules.DECISION_LOGIC), Stream.of(TOPOLOGY))
          .toArray(String[]::new);

  private static final String[] SCHEMAS = {
    "cn.gxq.subsidy.avro..",
    "cn.gxq.subsidy.serde..",
    "cn.gxq.subsidy.json..",
    "cn.gxq.subsidy.contract.."
  };

  private static final JavaClasses MAIN = HouseRules.mainClasses("cn.gxq.subsidy");

  /**
   * The topology's one wall-clock dependence: {@code BucketLedgerProcessor} publishes the totals of
   * changed buckets on a wall-clock punctuator, so that a quiet stream still publishes its last
   * totals within an interval. The clock decides when totals are published, never what they hold
   * (their {@code updatedAt} is event time), and no class reads the time itself.
   */
  static ArchRule wallClockPunctuationOnlyToPublishTotals(String packages, String publisher) {
    return noClasses()
        .that()
        .resideInAPackage(packages)
        .and()
        .doNotHaveFullyQualifiedName(publisher)
        .should()
        .accessField(PunctuationType.class, PunctuationType.WALL_CLOCK_TIME.name())
        .because("only the publication of totals may be paced by the wall clock");
  }

  @Test
  void decisionLogicDependsOnNoRuntimeCode() {
    HouseRules.noRuntimeCode(DECISION_LOGIC).check(MAIN);
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
            "cn.gxq.subsidy.whatif..",
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
        .resideInAnyPackage("org.apache.kafka..", TOPOLOGY, "cn.gxq.subsidy.ledger..")
        .check(MAIN);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("cn.gxq.subsidy.(*)..").should().beFreeOfCycles().check(MAIN);
  }

  /** The rules, the ledger and the topology never read the wall clock themselves. */
  @Test
  void decisionLogicNeverReadsTheWallClock() {
    HouseRules.noWallClock(DECISION_LOGIC).check(MAIN);
    wallClockPunctuationOnlyToPublishTotals(
            TOPOLOGY, "cn.gxq.subsidy.topology.BucketLedgerProcessor")
        .check(MAIN);
  }

  /**
   * No double or float in the rules, the policy or the ledger; nor in the topology, but for the
   * RocksDB memory settings, whose shares are of a byte budget, not of money.
   */
  @Test
  void decisionLogicNeverUsesFloatingPoint() {
    HouseRules.noFloatingPoint(HouseRules.DECISION_LOGIC).check(MAIN);
    final DescribedPredicate<JavaClass> topologyButRocksDbSettings =
        resideInAnyPackage(TOPOLOGY)
            .and(DescribedPredicate.not(assignableTo(RocksDBConfigSetter.class)))
            .as("classes of the topology but RocksDB settings");
    HouseRules.noFloatingPoint(topologyButRocksDbSettings).check(MAIN);
  }

  @Test
  void theTopologyRuleCatchesADeliberateViolation() {
    final JavaClasses fixtures =
        new ClassFileImporter().importPackages("cn.gxq.subsidy.archfixture.topology");
    final ArchRule rule =
        wallClockPunctuationOnlyToPublishTotals(
            "cn.gxq.subsidy.archfixture.topology..",
            "cn.gxq.subsidy.topology.BucketLedgerProcessor");
    assertThat(rule.evaluate(fixtures).getFailureReport().toString())
        .contains("WallClockRejections.init", "PunctuationType.WALL_CLOCK_TIME");
  }

  private static final String APP = "cn.gxq.subsidy.app";

  /**
   * The app's rooms, each depending only on rooms below it: the entry point on the commands, the
   * commands on {@code run}'s start-up steps, the steps on the HTTP API, metrics and security, the
   * API on its people (sign-in, roles), both on the access log (audit), and everything on the
   * Streams application, which depends on none of them.
   */
  static ArchRule roomsDependOneWay() {
    return layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("entry")
        .definedBy(APP)
        .layer("command")
        .definedBy(APP + ".command..")
        .layer("start")
        .definedBy(APP + ".start..")
        .layer("http")
        .definedBy(APP + ".http..")
        .layer("metrics")
        .definedBy(APP + ".metrics..")
        .layer("security")
        .definedBy(APP + ".security..")
        .layer("people")
        .definedBy(APP + ".people..")
        .layer("audit")
        .definedBy(APP + ".audit..")
        .layer("streams")
        .definedBy(APP + ".streams..")
        .layer("reconcile")
        .definedBy(APP + ".reconcile..")
        .whereLayer("entry")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("command")
        .mayOnlyBeAccessedByLayers("entry")
        .whereLayer("start")
        .mayOnlyBeAccessedByLayers("command")
        .whereLayer("http")
        .mayOnlyBeAccessedByLayers("start")
        .whereLayer("metrics")
        .mayOnlyBeAccessedByLayers("start")
        .whereLayer("security")
        .mayOnlyBeAccessedByLayers("command", "start")
        .whereLayer("people")
        .mayOnlyBeAccessedByLayers("command", "start", "http")
        .whereLayer("audit")
        .mayOnlyBeAccessedByLayers("start", "http", "people")
        .whereLayer("streams")
        .mayOnlyBeAccessedByLayers("command", "start", "http", "metrics")
        .whereLayer("reconcile")
        .mayOnlyBeAccessedByLayers("command");
  }

  @Test
  void theAppsRoomsDependOneWay() {
    roomsDependOneWay().check(MAIN);
  }

  /**
   * A room a newcomer can take in at a glance: no package of the app holds more than 15 classes.
   */
  @Test
  void noRoomOfTheAppIsCrowded() {
    for (JavaPackage room : MAIN.getPackage(APP).getSubpackagesInTree()) {
      final long classes =
          room.getClasses().stream()
              .filter(c -> c.isTopLevelClass() && !c.getSimpleName().equals("package-info"))
              .count();
      assertThat(classes).as(room.getName()).isLessThanOrEqualTo(15);
    }
    assertThat(
            MAIN.getPackage(APP).getClasses().stream().filter(JavaClass::isTopLevelClass).count())
        .as(APP)
        .isLessThanOrEqualTo(15);
  }

  @Test
  void theRoomRuleCatchesADeliberateViolation() {
    final JavaClasses fixture =
        new ClassFileImporter().importClasses(ReachesUpToHttp.class, ApiServer.class);
    assertThat(roomsDependOneWay().evaluate(fixture).getFailureReport().toString())
        .contains("ReachesUpToHttp", "ApiServer");
  }
}
