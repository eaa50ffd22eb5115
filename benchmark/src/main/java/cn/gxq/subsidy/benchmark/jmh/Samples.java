package cn.gxq.subsidy.benchmark.jmh;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.demo.DemoScenario;
import cn.gxq.subsidy.demo.Generated;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Demo records the microbenchmarks share: the same mix the end-to-end run uses. */
final class Samples {

  static final int SIZE = 1024;

  final DemoScenario scenario =
      DemoScenario.standard(20221L, 2_000, Instant.parse("2022-01-04T01:00:00Z"));
  final List<Generated> applications = scenario.applicationGenerator().take(SIZE);
  final List<Enterprise> registry = scenario.registry();
  final Map<String, Enterprise> byCode =
      registry.stream().collect(Collectors.toMap(Enterprise::getCreditCode, Function.identity()));
}
