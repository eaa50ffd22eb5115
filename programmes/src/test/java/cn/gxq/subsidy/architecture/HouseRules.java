package cn.gxq.subsidy.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noCodeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The house rules of CONTRIBUTING.md, defined once, for the {@code ArchitectureTest} of every
 * module that depends on {@code programmes} (its test-jar: app, connectors). Each module says where
 * a rule applies; {@code HouseRulesTest} shows each rule failing on a deliberately bad class of
 * package {@code cn.gxq.subsidy.archfixture}, so none passes vacuously.
 */
public final class HouseRules {

  /**
   * Where decisions are made: the programmes' rules, shared rule pieces, dated policy data, and the
   * ledger's accounting and finance's movements (topology module).
   */
  public static final String[] DECISION_LOGIC = {
    "cn.gxq.subsidy.programme..",
    "cn.gxq.subsidy.rules..",
    "cn.gxq.subsidy.policy..",
    "cn.gxq.subsidy.ledger..",
    "cn.gxq.subsidy.finance.."
  };

  /** Main code only: neither test classes nor test-jars (such as this one, with its fixtures). */
  public static final ImportOption MAIN_CODE_ONLY =
      location ->
          ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
              && !location.contains("-tests.jar");

  private static final DescribedPredicate<JavaClass> FLOATING_POINT =
      DescribedPredicate.describe(
          "double or float",
          c ->
              c.isEquivalentTo(double.class)
                  || c.isEquivalentTo(float.class)
                  || c.isEquivalentTo(Double.class)
                  || c.isEquivalentTo(Float.class));

  private static final String DECIMALS = "money and rates are decimals (BigDecimal), never double";

  private HouseRules() {}

  /** The main classes of these packages and below, from every module on the classpath. */
  public static JavaClasses mainClasses(String... packages) {
    return new ClassFileImporter().withImportOption(MAIN_CODE_ONLY).importPackages(packages);
  }

  /** Decision logic runs anywhere Kafka Streams runs: no HTTP, CLI, broker start-up, Connect. */
  public static ArchRule noRuntimeCode(String... packages) {
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
            "cn.gxq.subsidy.benchmark..",
            "org.apache.kafka.connect..",
            "kafka.server..",
            "org.apache.kafka.server..")
        .because("decision logic is tested without a broker or a server");
  }

  /** Decisions go by event time from the record, never by when they happen to run. */
  public static ArchRule noWallClock(String... packages) {
    return noWallClock(resideInAnyPackage(packages));
  }

  public static ArchRule noWallClock(DescribedPredicate<? super JavaClass> classes) {
    return noClasses()
        .that(classes)
        .should()
        .callMethod(System.class, "currentTimeMillis")
        .orShould()
        .callMethod(System.class, "nanoTime")
        .orShould()
        .callMethod(Instant.class, "now")
        .orShould()
        .callMethod(LocalDate.class, "now")
        .orShould()
        .callMethod(LocalTime.class, "now")
        .orShould()
        .callMethod(LocalDateTime.class, "now")
        .orShould()
        .callMethod(ZonedDateTime.class, "now")
        .orShould()
        .callMethod(OffsetDateTime.class, "now")
        .orShould()
        .callMethod(Year.class, "now")
        .orShould()
        .callMethod(YearMonth.class, "now")
        .orShould()
        .callMethod(Clock.class, "systemUTC")
        .orShould()
        .callMethod(Clock.class, "systemDefaultZone")
        .orShould()
        .callConstructor(java.util.Date.class)
        .orShould()
        .callMethodWhere(
            DescribedPredicate.describe(
                "a call to currentSystemTimeMs() (a Kafka Streams context's wall clock)",
                call -> call.getName().equals("currentSystemTimeMs")))
        .because("decisions must not depend on when a record happens to be processed");
  }

  /**
   * Money is BigDecimal: no binary floating point in fields, results or parameters. A class may
   * have no field or method, but every class has a constructor: over packages without any class,
   * the rule fails rather than passing.
   */
  public static ArchRule noFloatingPoint(String... packages) {
    return noFloatingPoint(resideInAnyPackage(packages));
  }

  public static ArchRule noFloatingPoint(DescribedPredicate<? super JavaClass> classes) {
    return CompositeArchRule.of(
            noFields()
                .that()
                .areDeclaredInClassesThat(classes)
                .should()
                .haveRawType(FLOATING_POINT)
                .because(DECIMALS)
                .allowEmptyShould(true))
        .and(
            noMethods()
                .that()
                .areDeclaredInClassesThat(classes)
                .should()
                .haveRawReturnType(FLOATING_POINT)
                .because(DECIMALS)
                .allowEmptyShould(true))
        .and(
            noCodeUnits()
                .that()
                .areDeclaredInClassesThat(classes)
                .should()
                .haveRawParameterTypes(
                    DescribedPredicate.describe(
                        "a double or float among them",
                        (List<JavaClass> types) -> types.stream().anyMatch(FLOATING_POINT)))
                .because(DECIMALS));
  }
}
