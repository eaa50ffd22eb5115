package cn.gxq.subsidy.topology;

import static cn.gxq.subsidy.topology.DecisionPipelineTest.codes;
import static cn.gxq.subsidy.topology.Fixtures.at;
import static cn.gxq.subsidy.topology.Fixtures.bucket;
import static cn.gxq.subsidy.topology.Fixtures.budget;
import static cn.gxq.subsidy.topology.Fixtures.creditCode;
import static cn.gxq.subsidy.topology.Fixtures.rentRelief;
import static cn.gxq.subsidy.topology.Fixtures.smallSoftwareFirm;
import static cn.gxq.subsidy.topology.Fixtures.yuan;
import static cn.gxq.subsidy.topology.TechSmeAndPolicyVersionPipelineTest.techSme;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.DecisionStatus;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.avro.internal.BucketState;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.ledger.BudgetLedger;
import cn.gxq.subsidy.ledger.LineIndex;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The platform's own limits, met through the whole pipeline: each ends in a decision (or, for a sum
 * over zones, in a sum left as it was), and the stream goes on. The stores start near the limit.
 */
class CapacityPipelineTest {

  private final TopologyHarness harness = new TopologyHarness();

  @BeforeEach
  void registry() {
    for (int n = 1; n <= 4; n++) {
      harness.register(smallSoftwareFirm(creditCode(n), "ZGC", at("2022-01-01T00:00:00Z")).build());
    }
  }

  @AfterEach
  void close() {
    harness.close();
  }

  private <V> KeyValueStore<String, V> store(String name) {
    return harness.driver.getKeyValueStore(name);
  }

  @Test
  void aFullRegistrationSeriesRejectsTheNextEvaluationAndKeepsTheNumbersGiven() {
    // The router (one partition here) has drawn 999,998 serials of 2022 + Haidian (110108).
    store(LedgerStores.REGISTRATIONS).put("2022110108", 999_998);

    harness.submitAny(techSme("TS-1", creditCode(1), 1, at("2022-06-01T02:00:00Z")));
    harness.submitAny(techSme("TS-2", creditCode(2), 1, at("2022-06-02T02:00:00Z")));
    harness.submitAny(techSme("TS-1", creditCode(1), 2, at("2022-06-03T02:00:00Z")));
    harness.submitAny(techSme("TS-3", creditCode(2), 1, at("2022-06-04T02:00:00Z")));

    final List<Decision> decisions = harness.newDecisions();
    assertThat(decisions).hasSize(4);
    assertThat(decisions.get(0).getStatus()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(decisions.get(0).getDetails())
        .containsEntry("registrationNumber", "2022110108999999");

    final Decision full = decisions.get(1);
    assertThat(full.getStatus()).isEqualTo(DecisionStatus.REJECTED);
    assertThat(codes(full)).containsExactly("CAPACITY_REACHED", "ELIGIBLE");
    assertThat(full.getReasons().get(0).getMessage())
        .contains("registration series 2022110108 is full on router partition 0")
        .contains("all 999999 of its serials");
    assertThat(full.getDetails())
        .containsEntry("capacityLimit", "registrationSeries")
        .doesNotContainKey("registrationNumber")
        .doesNotContainKey("registrationSeries");

    // A revision of the same claim keeps its number.
    assertThat(decisions.get(2).getStatus()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(decisions.get(2).getDetails())
        .containsEntry("registrationNumber", "2022110108999999");
    // The rejected one gave its claim back: another application of the enterprise is not a
    // duplicate, it meets the same full series.
    assertThat(codes(decisions.get(3))).containsExactly("CAPACITY_REACHED", "ELIGIBLE");
  }

  private static BucketState holding(String approved, long nextTicket) {
    final Totals totals =
        BudgetLedger.emptyTotals(new BucketKey("ZGC", Programme.RENT_RELIEF, 2022));
    totals.setApprovedAmount(yuan(approved));
    return BucketState.newBuilder()
        .setTotals(totals)
        .setNextTicket(nextTicket)
        .setWaitingAmount(yuan("0.00"))
        .setBudgetUpdatedAt(null)
        .build();
  }

  @Test
  void aBucketHoldingAllItCanCarryRejectsWhatWouldTakeItPastAndKeepsItsApprovals() {
    // No budget (unlimited); 5,000.00 short of the 10,000,000,000,000.00 a bucket can carry.
    store(LedgerStores.BUCKETS).put(bucket("ZGC"), holding("9999999995000.00", 1));

    harness.submit(
        rentRelief("RR-1", creditCode(1), "1000.00", at("2022-03-01T00:00:00Z")).build());
    harness.submit(
        rentRelief("RR-2", creditCode(2), "1000.00", at("2022-03-02T00:00:00Z")).build());
    // RR-1 raised to 2,000.00 a month: 6,000.00 with 9,999,999,995,000.00 held besides.
    harness.submit(
        rentRelief("RR-1", creditCode(1), "2000.00", at("2022-03-03T00:00:00Z"))
            .setRevision(2)
            .build());
    harness.submit(rentRelief("RR-3", creditCode(3), "500.00", at("2022-03-04T00:00:00Z")).build());

    final List<Decision> decisions = harness.newDecisions();
    assertThat(decisions)
        .extracting(Decision::getApplicationId, Decision::getStatus)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("RR-1", DecisionStatus.APPROVED),
            org.assertj.core.groups.Tuple.tuple("RR-2", DecisionStatus.REJECTED),
            org.assertj.core.groups.Tuple.tuple("RR-1", DecisionStatus.REJECTED),
            org.assertj.core.groups.Tuple.tuple("RR-3", DecisionStatus.APPROVED));
    // 9,999,999,998,000.00 held + 3,000.00 = 10,000,000,001,000.00 > 10,000,000,000,000.00.
    final Decision refused = decisions.get(1);
    assertThat(codes(refused)).containsExactly("CAPACITY_REACHED", "ELIGIBLE");
    assertThat(refused.getReasons().get(0).getMessage())
        .contains("holds 9999999998000.00 approved and waiting")
        .contains("this application's 3000.00")
        .contains("more than the 10000000000000.00 one bucket can carry");
    assertThat(refused.getDetails()).containsEntry("capacityLimit", "bucketAmount");
    assertThat(refused.getApprovedAmount()).isEqualByComparingTo("0.00");
    // 9,999,999,995,000.00 + 1,500.00 fits once RR-1's raise let its 3,000.00 go.
    final Totals zgc = harness.publishedTotals().get(bucket("ZGC"));
    assertThat(zgc.getApprovedAmount()).isEqualByComparingTo("9999999996500.00");
    assertThat(zgc.getRejected()).isEqualTo(2);
  }

  @Test
  void aLineWithoutTicketsLeftRejectsNewcomersButNotTheRevisionsOfThoseInIt() {
    harness.allot(budget("ZGC", "10000.00", at("2022-02-01T00:00:00Z")));
    harness.submit(
        rentRelief("RR-1", creditCode(1), "1000.00", at("2022-03-01T00:00:00Z")).build());
    harness.newDecisions();
    // Every ticket but the last has been handed out.
    final KeyValueStore<String, BucketState> buckets = store(LedgerStores.BUCKETS);
    final BucketState state = buckets.get(bucket("ZGC"));
    state.setNextTicket(LineIndex.MAX_TICKET);
    buckets.put(bucket("ZGC"), state);

    harness.submit(
        rentRelief("RR-2", creditCode(2), "1000.00", at("2022-03-02T00:00:00Z")).build());
    harness.submit(rentRelief("RR-3", creditCode(3), "100.00", at("2022-03-03T00:00:00Z")).build());
    harness.submit(
        rentRelief("RR-1", creditCode(1), "900.00", at("2022-03-04T00:00:00Z"))
            .setRevision(2)
            .build());

    final List<Decision> decisions = harness.newDecisions();
    // RR-2 takes the last ticket: 3,000.00 fits in 7,000.00.
    assertThat(decisions.get(0).getApplicationId()).isEqualTo("RR-2");
    assertThat(decisions.get(0).getStatus()).isEqualTo(DecisionStatus.APPROVED);
    final Decision refused = decisions.get(1);
    assertThat(refused.getApplicationId()).isEqualTo("RR-3");
    assertThat(refused.getStatus()).isEqualTo(DecisionStatus.REJECTED);
    assertThat(codes(refused)).containsExactly("CAPACITY_REACHED", "ELIGIBLE");
    assertThat(refused.getReasons().get(0).getMessage())
        .contains("has handed out all 4194303 places its line can hold");
    assertThat(refused.getDetails()).containsEntry("capacityLimit", "bucketTickets");
    // RR-1 keeps its ticket: its lowered amount stands approved.
    assertThat(decisions.get(2).getApplicationId()).isEqualTo("RR-1");
    assertThat(decisions.get(2).getStatus()).isEqualTo(DecisionStatus.APPROVED);
    assertThat(decisions.get(2).getApprovedAmount()).isEqualByComparingTo("2700.00");
  }

  @Test
  void aSumOverZonesThatWouldNotFitTheContractsDecimalKeepsItsLastValueAndTheStreamGoesOn() {
    final Totals nearlyFull =
        BudgetLedger.emptyTotals(new BucketKey("ALL", Programme.RENT_RELIEF, 2022));
    nearlyFull.setApprovedAmount(yuan("9999999999999000.00"));
    final KeyValueStore<String, Totals> all = store(LedgerStores.ALL_TOTALS);
    all.put("ALL:RENT_RELIEF:2022", nearlyFull);

    harness.submit(
        rentRelief("RR-1", creditCode(1), "1000.00", at("2022-03-01T00:00:00Z")).build());
    final Map<String, Totals> totals = harness.publishedTotals();

    assertThat(harness.newDecisions())
        .extracting(Decision::getStatus)
        .containsExactly(DecisionStatus.APPROVED);
    assertThat(totals.get(bucket("ZGC")).getApprovedAmount()).isEqualByComparingTo("3000.00");
    assertThat(totals).doesNotContainKey("ALL:RENT_RELIEF:2022");
    final KeyValueStore<String, Totals> sums = store(LedgerStores.ALL_TOTALS);
    assertThat(sums.get("ALL:RENT_RELIEF:2022").getApprovedAmount())
        .isEqualByComparingTo("9999999999999000.00");

    // Another programme's sum is untouched by it and still published.
    harness.submitAny(techSme("TS-1", creditCode(4), 1, at("2022-06-01T02:00:00Z")));
    assertThat(harness.publishedTotals()).containsKey("ALL:TECH_SME_EVALUATION:2022");
  }
}
