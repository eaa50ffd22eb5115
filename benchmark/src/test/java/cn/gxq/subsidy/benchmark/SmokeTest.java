package cn.gxq.subsidy.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.serde.AvroSerializer;
import cn.gxq.subsidy.serde.InMemorySchemaRegistryClient;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's own arithmetic and parsing; the measurements themselves run by bin/benchmark. */
class SmokeTest {

  @Test
  void decisionReaderReadsIdRevisionAndStatusOfARealDecision() {
    final Decision decision =
        Decision.newBuilder()
            .setApplicationId("RR-2022-000042")
            .setRevision(3)
            .setSequence(4)
            .setProgramme(Programme.RENT_RELIEF)
            .setCreditCode("91110108000000001A")
            .setEnterpriseName("北京示例科技有限公司")
            .setZone(null)
            .setYear(2022)
            .setStatus(DecisionStatus.WAITLISTED)
            .setRequestedAmount(new BigDecimal("1.00"))
            .setApprovedAmount(new BigDecimal("0.00"))
            .setReasons(List.of())
            .setDetails(Map.of())
            .setPolicyVersion("2022.1")
            .setSubmittedAt(Instant.EPOCH)
            .setDecidedAt(Instant.EPOCH)
            .build();
    final byte[] bytes =
        new AvroSerializer<>(Decision.class, new InMemorySchemaRegistryClient(), false)
            .serialize("d", decision);

    assertThat(new DecisionReader().read(bytes))
        .isEqualTo(new DecisionReader.Head("RR-2022-000042", 3, DecisionStatus.WAITLISTED));
  }

  @Test
  void percentilesAreNearestRank() {
    final LatencyLog log = new LatencyLog();
    for (int ms = 100; ms >= 1; ms--) {
      log.add(ms * 1_000_000L);
    }
    assertThat(log.percentileMillis(50)).isEqualTo(50.0);
    assertThat(log.percentileMillis(99)).isEqualTo(99.0);
    assertThat(log.percentileMillis(100)).isEqualTo(100.0);
    assertThat(new LatencyLog().percentileMillis(50)).isNaN();
  }

  @Test
  void quickShrinksSizesAndExplicitOptionsWin() {
    final Options quick =
        Options.parse(
            new String[] {
              "--quick", "--partitions", "6", "--streams-config", "num.stream.threads=2"
            },
            Path.of("t"));
    assertThat(quick.records()).isEqualTo(100_000);
    assertThat(quick.partitions()).isEqualTo(6);
    assertThat(quick.streamsConfig())
        .containsEntry("num.stream.threads", "2")
        // the commit interval is the application's own (SubsidyTopology.baseConfig), not the
        // benchmark's: what is measured is what run ships
        .doesNotContainKey("commit.interval.ms");
    assertThat(Options.parse(new String[] {"--records", "1,000"}, Path.of("t")).records())
        .isEqualTo(1000);
    assertThatThrownBy(() -> Options.parse(new String[] {"--phases", "nope"}, Path.of("t")))
        .hasMessageContaining("unknown phase");
  }

  @Test
  void heapSnapshotsSurviveTheirLineFormat() {
    final HeapMonitor.Snapshot snapshot = new HeapMonitor().start().snapshot();
    assertThat(HeapMonitor.Snapshot.parse(snapshot.line())).isEqualTo(snapshot);
    assertThat(snapshot.peakUsed()).isPositive();
  }

  @Test
  void profileIsAFlagAndLoadAveragesParse() {
    assertThat(Options.parse(new String[] {"--quick", "--profile"}, Path.of("t")).profile())
        .isTrue();
    assertThat(Options.parse(new String[] {"--quick"}, Path.of("t")).profile()).isFalse();
    assertThat(Report.oneMinute("1.52 0.90 0.40")).isEqualTo(1.52);
    assertThat(Report.oneMinute("unknown")).isEqualTo(-1);
  }

  @Test
  void settlingIsOffUnlessAskedForAndWantsSeconds() {
    assertThat(Options.parse(new String[] {"--quick"}, Path.of("t")).settleSeconds()).isZero();
    assertThat(Options.parse(new String[] {"--settle", "90"}, Path.of("t")).settleSeconds())
        .isEqualTo(90);
    assertThatThrownBy(() -> Options.parse(new String[] {"--settle", "-1"}, Path.of("t")))
        .hasMessageContaining("--settle wants seconds");
  }

  @Test
  void cpuPerRecordIsUnknownWhereCpuWasNotMeasured() {
    assertThat(new Throughput("x", 1000, 0, 1, null, 2.5).cpuMillisPerRecord()).isEqualTo(2.5);
    assertThat(new Throughput("x", 1000, 0, 1, null).cpuMillisPerRecord()).isEqualTo(-1);
  }
}
