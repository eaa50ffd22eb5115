package cn.gxq.subsidy.app;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.app.metrics.PipelineMetrics;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Programme;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineMetricsTest {

  private static final Instant NOW = Instant.parse("2026-11-29T00:00:00Z");

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final PipelineMetrics metrics =
      new PipelineMetrics(registry, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void latencySumsOfApplicationsYearsOldStayExact() {
    // The demo's applications are dated 2022: each is about four years old on the wall clock.
    final Instant submitted = Instant.parse("2022-03-01T00:00:00Z");
    final int decisions = 1000;
    for (int i = 0; i < decisions; i++) {
      metrics.decided(decision("RR-" + i, submitted, submitted));
    }
    final double expected = decisions * (double) Duration.between(submitted, NOW).toSeconds();
    final String text = registry.scrape();

    assertThat(
            HttpApiTest.sum(text, "subsidy_decision_processing_latency_seconds_sum", "RENT_RELIEF"))
        .isCloseTo(expected, org.assertj.core.data.Percentage.withPercentage(0.001));
    assertThat(
            HttpApiTest.sum(
                text, "subsidy_decision_processing_latency_seconds_count", "RENT_RELIEF"))
        .isEqualTo(decisions);
  }

  @Test
  void eventLatencyBucketsReachThirtyDays() {
    final Instant submitted = Instant.parse("2022-03-01T00:00:00Z");
    metrics.decided(decision("RR-now", submitted, submitted));
    metrics.decided(decision("RR-waited", submitted, submitted.plus(Duration.ofDays(10))));
    final String text = registry.scrape();

    // Each below the top finite bucket: the histogram tells them apart.
    for (String le : List.of("le=\"0.001\"", "le=\"3600.0\"")) {
      assertThat(
              HttpApiTest.sum(
                  text, "subsidy_decision_event_latency_seconds_bucket", "RENT_RELIEF", le))
          .as(le)
          .isEqualTo(1);
    }
    assertThat(
            HttpApiTest.sum(
                text,
                "subsidy_decision_event_latency_seconds_bucket",
                "RENT_RELIEF",
                "le=\"1209600.0\""))
        .isEqualTo(2);
    assertThat(
            HttpApiTest.sum(
                text,
                "subsidy_decision_event_latency_seconds_bucket",
                "RENT_RELIEF",
                "le=\"2592000.0\""))
        .isEqualTo(2);
    assertThat(HttpApiTest.sum(text, "subsidy_decision_event_latency_seconds_sum", "RENT_RELIEF"))
        .isEqualTo(Duration.ofDays(10).toSeconds());
  }

  private static Decision decision(String id, Instant submitted, Instant decided) {
    return Decision.newBuilder()
        .setApplicationId(id)
        .setRevision(1)
        .setSequence(1)
        .setProgramme(Programme.RENT_RELIEF)
        .setCreditCode("91110108000000001A")
        .setYear(2022)
        .setStatus(DecisionStatus.APPROVED)
        .setApprovedAmount(new BigDecimal("100.00"))
        .setReasons(List.of())
        .setDetails(Map.of())
        .setPolicyVersion("2022.1")
        .setSubmittedAt(submitted)
        .setDecidedAt(decided)
        .build();
  }
}
