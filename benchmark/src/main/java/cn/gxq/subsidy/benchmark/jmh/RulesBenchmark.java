package cn.gxq.subsidy.benchmark.jmh;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.demo.Generated;
import cn.gxq.subsidy.programme.ApplicationHeader;
import cn.gxq.subsidy.programme.Catalogue;
import cn.gxq.subsidy.programme.ProgrammeDefinition;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.rules.Outcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Each programme's rules on its demo applications (valid, invalid, unregistered and revised). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RulesBenchmark {

  /**
   * Every programme of the catalogue: JMH needs constants here, so CatalogueEverywhereTest
   * (connectors) holds this list to {@code Catalogue.programmes()}, and the set-up refuses a code
   * the catalogue does not decide (e.g. {@code -p programme=UNKNOWN}).
   */
  @Param({"RENT_RELIEF", "RD_SUPER_DEDUCTION", "INNOVATION_CREDIT_LOAN", "TECH_SME_EVALUATION"})
  public Programme programme;

  private final Rulebook rulebook = Rulebook.fromDefaultPolicy();
  private final List<SpecificRecord> applications = new ArrayList<>();
  private final List<Enterprise> enterprises = new ArrayList<>();
  private int next;

  @Setup
  public void setUp() {
    final ProgrammeDefinition<?> definition = Catalogue.of(programme);
    final Samples samples = new Samples();
    for (Generated g : samples.applications) {
      if (definition.recordClass().isInstance(g.value())) {
        applications.add(g.value());
        enterprises.add(samples.byCode.get(ApplicationHeader.of(g.value()).creditCode()));
      }
    }
    if (applications.isEmpty()) {
      throw new IllegalStateException("the demo scenario has no application of " + programme);
    }
  }

  @Benchmark
  public Outcome decide() {
    next = next + 1 == applications.size() ? 0 : next + 1;
    return rulebook.decide(applications.get(next), enterprises.get(next));
  }
}
