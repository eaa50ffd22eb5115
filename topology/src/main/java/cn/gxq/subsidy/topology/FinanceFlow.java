package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Movement;
import cn.gxq.subsidy.avro.MovementMoney;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.Settlement;
import cn.gxq.subsidy.avro.internal.FinanceEvent;
import cn.gxq.subsidy.avro.internal.MoneyAccount;
import cn.gxq.subsidy.contract.Topics;
import cn.gxq.subsidy.finance.MovementBook;
import cn.gxq.subsidy.programme.Catalogue;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * What finance books, beside the decisions (domain.md, "Money movements"):
 *
 * <pre>
 *  decisions ─────────────────────────┐
 *  settlements ─ intake (by application) ┴═▶ finance (accounts) ─▶ movements
 *                                                 └─ deltas by bucket and day ═▶ control totals
 * </pre>
 *
 * Decisions and settlements of one application meet in one task through one repartition, so they
 * are partitioned alike whatever the settlements topic's partition count; a refused settlement goes
 * to the dead-letter topic with its reason. Decisions that can move no money (recognitions, first
 * decisions approving nothing) do not make the trip, and those that do cross as their booking
 * (about a tenth of the decision's bytes), not the whole decision the decisions topic carries.
 */
final class FinanceFlow {

  static final String BY_APPLICATION = "finance-by-application";
  static final String BY_DAY = "control-totals-by-day";

  private FinanceFlow() {}

  static void add(
      StreamsBuilder builder,
      KStream<String, Decision> decisions,
      Topics topics,
      SubsidySerdes serdes,
      TopologySettings settings,
      PipelineObserver observer) {
    final KStream<String, FinanceEvent> settlements =
        settlements(builder, topics, serdes, observer);
    builder.addStateStore(
        settings.kept(
            Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(FinanceProcessor.ACCOUNTS),
                Serdes.String(),
                serdes.of(MoneyAccount.class))));
    decisions
        .filterNot(
            (id, d) -> MovementBook.movesNothing(d, moneyOf(d)), Named.as("decision-moves-nothing"))
        .mapValues(
            d -> FinanceEvent.newBuilder().setBooking(MovementBook.booking(d)).build(),
            Named.as("decision-to-finance"))
        .merge(settlements, Named.as("merge-settlements"))
        .repartition(
            Repartitioned.with(Serdes.String(), serdes.of(FinanceEvent.class))
                .withName(BY_APPLICATION))
        .process(
            () -> new FinanceProcessor(serdes.of(Settlement.class).deserializer()),
            Named.as("finance"),
            FinanceProcessor.ACCOUNTS)
        .split(Named.as("finance-"))
        .branch(
            (key, out) -> out.movement() != null,
            Branched.withConsumer(
                movements ->
                    movements
                        .mapValues(FinanceOutput::movement, Named.as("movement"))
                        .to(
                            topics.movements(),
                            Produced.with(Serdes.String(), serdes.of(Movement.class))
                                .withName("write-movements")),
                "movements"))
        .branch(
            (key, out) -> out.controlDelta() != null,
            Branched.withConsumer(
                deltas -> controlTotals(builder, deltas, topics, serdes, settings), "control"))
        .defaultBranch(
            Branched.withConsumer(
                refused ->
                    SubsidyTopology.writeDeadLetters(
                        refused.mapValues(
                            out -> Routed.<Void>dead(out.deadLetter()), Named.as("refusal")),
                        topics,
                        "finance",
                        observer),
                "refused"));
  }

  /** What the decision's programme books its amounts as; null for a recognition. */
  static MovementMoney moneyOf(Decision decision) {
    return moneyOf(decision.getProgramme());
  }

  static MovementMoney moneyOf(Programme programme) {
    return Catalogue.of(programme).moneyKind().booked();
  }

  /** Finance's settlements, decoded and keyed by application; the undecodable dead-lettered. */
  private static KStream<String, FinanceEvent> settlements(
      StreamsBuilder builder, Topics topics, SubsidySerdes serdes, PipelineObserver observer) {
    return SubsidyTopology.deadLettersOf(
        builder.stream(
                topics.settlements(),
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-settlements"))
            .process(
                () -> new SettlementIntake(serdes.of(Settlement.class).deserializer()),
                Named.as("intake-settlements")),
        topics,
        "settlements",
        observer);
  }

  private static void controlTotals(
      StreamsBuilder builder,
      KStream<String, FinanceOutput> deltas,
      Topics topics,
      SubsidySerdes serdes,
      TopologySettings settings) {
    // Cached: a bucket's day takes many deltas within one commit, and its changelog needs only the
    // last sum of each (the sums go out as they change all the same, forwarded by the processor).
    builder.addStateStore(
        settings.kept(
            Stores.keyValueStoreBuilder(
                    Stores.persistentKeyValueStore(LedgerStores.CONTROL_TOTALS),
                    Serdes.String(),
                    serdes.of(ControlTotals.class))
                .withCachingEnabled()));
    deltas
        .mapValues(FinanceOutput::controlDelta, Named.as("control-delta"))
        .repartition(
            Repartitioned.with(Serdes.String(), serdes.of(ControlTotals.class)).withName(BY_DAY))
        .process(
            ControlTotalsProcessor::new,
            Named.as("sum-control-totals"),
            LedgerStores.CONTROL_TOTALS)
        .to(
            topics.controlTotals(),
            Produced.with(Serdes.String(), serdes.of(ControlTotals.class))
                .withName("write-control-totals"));
  }
}
