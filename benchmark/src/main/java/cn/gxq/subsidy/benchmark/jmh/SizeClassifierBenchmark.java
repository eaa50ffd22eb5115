package cn.gxq.subsidy.benchmark.jmh;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.policy.PolicyBook;
import cn.gxq.subsidy.rules.IndustryCode;
import cn.gxq.subsidy.rules.SizeClassifier;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The 工信部联企业〔2011〕300号 size classifier over the demo registry's industries and sizes. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SizeClassifierBenchmark {

  private SizeClassifier classifier;
  private List<Enterprise> enterprises;
  private List<IndustryCode> industries;
  private int next;

  @Setup
  public void setUp() {
    classifier = new SizeClassifier(PolicyBook.loadDefault().current().sizeBands());
    enterprises = new Samples().registry.subList(0, Samples.SIZE);
    industries =
        enterprises.stream()
            .map(e -> IndustryCode.parse(e.getIndustryCode()).orElseThrow())
            .toList();
  }

  @Benchmark
  public SizeClassifier.Classification classify() {
    next = (next + 1) & (Samples.SIZE - 1);
    final Enterprise e = enterprises.get(next);
    return classifier.classify(
        industries.get(next), e.getEmployees(), e.getRevenue(), e.getTotalAssets());
  }
}
