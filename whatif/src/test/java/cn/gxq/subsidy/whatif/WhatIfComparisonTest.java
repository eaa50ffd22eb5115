package cn.gxq.subsidy.whatif;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.DecisionStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WhatIfComparisonTest {

  private static final String ZGC = "ZGC:RENT_RELIEF:2022";
  private static final String XA = "XA:INNOVATION_CREDIT_LOAN:2022";

  @Test
  void countsEachApplicationsCurrentDecisionPerBucketAndListsOnlyRealChanges() {
    final Map<String, DecidedApplication> live =
        Map.of(
            "A", approved("A", ZGC, "30000.00"),
            "B", approved("B", ZGC, "30000.00"),
            "C", decided("C", ZGC, DecisionStatus.REJECTED, "0.00", "NOT_SMALL_OR_MICRO"),
            "D", approved("D", XA, "1000000.00"));
    final Map<String, DecidedApplication> candidate =
        Map.of(
            "A", approved("A", ZGC, "60000.00"),
            "B", decided("B", ZGC, DecisionStatus.WAITLISTED, "0.00", "BUDGET_EXHAUSTED"),
            "C", decided("C", ZGC, DecisionStatus.REJECTED, "0.00", "NOT_SMALL_OR_MICRO"),
            // the same amount written with another scale is no change
            "D", approved("D", XA, "1000000.0"));

    final WhatIfComparison.Result result = WhatIfComparison.compare(live, candidate, 5);

    assertThat(result.applications()).isEqualTo(5);
    assertThat(result.changed()).isEqualTo(2);
    assertThat(result.changes())
        .extracting(WhatIfComparison.Change::applicationId)
        .containsExactly("A", "B");
    assertThat(result.buckets())
        .extracting(b -> b.zone() + ":" + b.programme() + ":" + b.year())
        .containsExactly(XA, ZGC);
    final WhatIfComparison.Bucket zgc = result.buckets().get(1);
    assertThat(zgc.live())
        .isEqualTo(new WhatIfComparison.Figures(2, new BigDecimal("60000.00"), 0, 1));
    assertThat(zgc.candidate())
        .isEqualTo(new WhatIfComparison.Figures(1, new BigDecimal("60000.00"), 1, 1));
  }

  @Test
  void losingABudgetOrAClaimAtTheSameAmountIsCompetitionAnythingElseTheRules() {
    final DecidedApplication approved = approved("A", ZGC, "30000.00");
    final DecidedApplication waiting =
        decided("A", ZGC, DecisionStatus.WAITLISTED, "0.00", "BUDGET_EXHAUSTED");
    final DecidedApplication duplicate =
        decided("A", ZGC, DecisionStatus.REJECTED, "0.00", "DUPLICATE_CLAIM");
    final DecidedApplication ineligible =
        decided("A", ZGC, DecisionStatus.REJECTED, "0.00", "NOT_SMALL_OR_MICRO");
    final DecidedApplication asksMore =
        decided(
            "A",
            ZGC,
            DecisionStatus.WAITLISTED,
            "0.00",
            "BUDGET_EXHAUSTED",
            new BigDecimal("60000.00"));

    assertThat(WhatIfComparison.cause(approved, waiting))
        .isEqualTo(WhatIfComparison.Cause.COMPETITION);
    assertThat(WhatIfComparison.cause(duplicate, approved))
        .isEqualTo(WhatIfComparison.Cause.COMPETITION);
    assertThat(WhatIfComparison.cause(approved, ineligible))
        .isEqualTo(WhatIfComparison.Cause.RULES);
    assertThat(WhatIfComparison.cause(approved, asksMore)).isEqualTo(WhatIfComparison.Cause.RULES);
    assertThat(WhatIfComparison.cause(approved, approved("A", ZGC, "60000.00")))
        .isEqualTo(WhatIfComparison.Cause.RULES);
    assertThat(WhatIfComparison.cause(null, approved)).isEqualTo(WhatIfComparison.Cause.RULES);
  }

  @Test
  void whatLiveHadNotDecidedYetIsLeftOutOfChangesAndBucketsAndCounted() {
    final DecidedApplication amended =
        new DecidedApplication(
            "A",
            2,
            2,
            ZGC,
            DecisionStatus.WAITLISTED,
            new BigDecimal("30000.00"),
            new BigDecimal("0.00"),
            List.of("BUDGET_EXHAUSTED"));
    final WhatIfComparison.Result result =
        WhatIfComparison.compare(
            Map.of("A", approved("A", ZGC, "30000.00"), "B", approved("B", ZGC, "30000.00")),
            Map.of(
                "A", amended, // live decided revision 1 only
                "B", approved("B", ZGC, "30000.00"),
                "N", approved("N", ZGC, "30000.00")), // live had not decided it at all
            4);

    assertThat(result.notDecidedLive()).isEqualTo(2);
    assertThat(result.changes()).isEmpty();
    assertThat(result.buckets().get(0).candidate())
        .isEqualTo(new WhatIfComparison.Figures(1, new BigDecimal("30000.00"), 0, 0));
    assertThat(WhatIfReport.table(result)).contains("2 applications left out");
    assertThat(WhatIfReport.json(result).path("notDecidedLive").asLong()).isEqualTo(2);
  }

  @Test
  void anApplicationThatMovedBucketsCountsInEachSidesOwnBucket() {
    final WhatIfComparison.Result result =
        WhatIfComparison.compare(
            Map.of("M", approved("M", ZGC, "30000.00")),
            Map.of("M", approved("M", XA, "30000.00")),
            1);
    assertThat(result.changed()).isZero(); // the same outcome, counted where each side put it
    assertThat(result.buckets())
        .extracting(b -> b.zone() + " " + b.live().approved() + " " + b.candidate().approved())
        .containsExactly("XA 0 1", "ZGC 1 0");
  }

  @Test
  void tableAndJsonShowLiveCandidateAndDifferenceWithMoneyAsExactStrings() {
    final WhatIfComparison.Result result =
        WhatIfComparison.compare(
            Map.of("A", approved("A", ZGC, "30000.00")),
            Map.of("A", approved("A", ZGC, "60000.00")),
            1);

    assertThat(WhatIfReport.table(result))
        .contains(
            "1 revisions replayed; 1 applications changed (status or approved amount): 1 by the rules")
        .containsPattern("ZGC:RENT_RELIEF:2022 +1 +1 +0 +30,000.00 +60,000.00 +\\+30,000.00");
    final JsonNode json = WhatIfReport.json(result);
    assertThat(json.path("changed").asLong()).isEqualTo(1);
    assertThat(json.path("buckets").get(0).path("candidate").path("approvedAmount").asText())
        .isEqualTo("60000.00");
    assertThat(json.path("changes").get(0).path("live").path("reasons").get(0).asText())
        .isEqualTo("ELIGIBLE");
    // The dashboard needs the programme to know whether the amounts are money at all.
    assertThat(json.path("changes").get(0).path("programme").asText()).isEqualTo("RENT_RELIEF");
  }

  private static DecidedApplication approved(String id, String bucket, String amount) {
    return decided(id, bucket, DecisionStatus.APPROVED, amount, "ELIGIBLE");
  }

  private static DecidedApplication decided(
      String id, String bucket, DecisionStatus status, String amount, String reason) {
    return decided(id, bucket, status, amount, reason, new BigDecimal("30000.00"));
  }

  private static DecidedApplication decided(
      String id,
      String bucket,
      DecisionStatus status,
      String amount,
      String reason,
      BigDecimal requested) {
    return new DecidedApplication(
        id, 1, 1, bucket, status, requested, new BigDecimal(amount), List.of(reason));
  }
}
