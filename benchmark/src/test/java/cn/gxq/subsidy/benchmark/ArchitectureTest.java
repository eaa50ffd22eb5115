package cn.gxq.subsidy.benchmark;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.broker.EmbeddedKafkaBroker;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's architecture (no other module's ArchitectureTest sees it). That no module uses
 * it, Maven guarantees; what it does not: the benchmark's classes stay in its own packages (a class
 * in {@code topology} or {@code rules} would reach their package-private parts and escape their
 * rules), its packages have no cycles, and the JMH microbenchmarks measure code in this JVM, never
 * a broker, a registry or the end-to-end harness.
 */
class ArchitectureTest {

  private static final String BENCHMARK = "cn.gxq.subsidy.benchmark";

  /** This module's main classes (JMH's generated ones included), and nothing from the classpath. */
  private static final JavaClasses MAIN =
      new ClassFileImporter().importPath(Path.of("target", "classes"));

  static ArchRule staysInItsPackages(String root) {
    return classes()
        .should()
        .resideInAPackage(root + "..")
        .because("a benchmark class in another module's package would escape that module's rules");
  }

  static ArchRule microbenchmarksRunInThisJvm(DescribedPredicate<? super JavaClass> jmh) {
    return noClasses()
        .that(jmh)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "cn.gxq.subsidy.broker..",
            "cn.gxq.subsidy.registry..",
            "cn.gxq.subsidy.app..",
            BENCHMARK,
            "org.apache.kafka.clients..",
            "org.apache.kafka.streams")
        .because("a microbenchmark's number is the code's, not a broker's or a network's");
  }

  @Test
  void everyClassStaysInTheBenchmarkPackages() {
    staysInItsPackages(BENCHMARK).check(MAIN);
  }

  @Test
  void packagesHaveNoCycles() {
    slices().matching("cn.gxq.subsidy.(**)").should().beFreeOfCycles().check(MAIN);
  }

  @Test
  void microbenchmarksRunInThisJvm() {
    microbenchmarksRunInThisJvm(resideInAPackage(BENCHMARK + ".jmh..")).check(MAIN);
  }

  /** Deliberately wrong: a microbenchmark starting a broker. */
  static final class BrokerMicrobenchmark {
    EmbeddedKafkaBroker broker() {
      return EmbeddedKafkaBroker.builder().temporaryDataDir().port(0).build();
    }
  }

  @Test
  void theRulesCatchDeliberateViolations() {
    final JavaClasses fixture = new ClassFileImporter().importClasses(BrokerMicrobenchmark.class);
    assertThat(
            microbenchmarksRunInThisJvm(equivalentTo(BrokerMicrobenchmark.class))
                .evaluate(fixture)
                .getFailureReport()
                .toString())
        .contains("BrokerMicrobenchmark.broker()", "EmbeddedKafkaBroker");
    // The fixture sits in cn.gxq.subsidy.benchmark, outside benchmark.jmh.
    assertThat(staysInItsPackages(BENCHMARK + ".jmh").evaluate(fixture).hasViolation()).isTrue();
  }
}
