package cn.gxq.subsidy.whatif;

import cn.gxq.subsidy.avro.internal.Arrival;
import cn.gxq.subsidy.avro.internal.ArrivalKind;
import cn.gxq.subsidy.avro.internal.ArrivalStep;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.contract.CommittedScan;
import cn.gxq.subsidy.topology.ArrivalGates;
import cn.gxq.subsidy.topology.ArrivalJournal;
import cn.gxq.subsidy.topology.RegistryPins;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;

/**
 * The order live's router and ledger met records in, per task, as the arrival journal recorded it
 * up to a what-if's snapshot; and the gates that make the replay's router and ledger meet the same
 * records in the same order (see {@link ArrivalJournal} for why it matters).
 *
 * <p>The journal is read up to the cut ({@link LiveCut}) before the inputs' snapshot is taken, so
 * everything it names lies inside the snapshot. The replay decides what live had met at the cut and
 * nothing more, so that each side is compared on the same records: a record the journal does not
 * name was met by live after the cut, and is not replayed. Should a named record never come (a
 * candidate policy that fails on an application live decided), the replay stalls; {@link
 * #skipMissing()} then lets the most upstream step with held records skip what did not come.
 */
final class LiveOrder implements RegistryPins, ArrivalGates {

  /** Per step, the order of each lane: a router task's partition number, or a bucket. */
  private final Map<ArrivalStep, Map<String, ArrayDeque<String>>> lanes;

  /** Per step, the lane in which live met each identity. */
  private final Map<ArrivalStep, Map<String, String>> metOn = new EnumMap<>(ArrivalStep.class);

  /** Per step and lane, identities named there that the replay met in another lane. */
  private final Map<ArrivalStep, Map<String, Queue<String>>> elsewhere =
      new EnumMap<>(ArrivalStep.class);

  /** The registry version live's join met, by application id and revision (see RegistryPins). */
  private final Map<String, Pin> registryMet;

  private final AtomicLong registryNotFound = new AtomicLong();

  private final boolean ordersBudgets;
  private final Map<ArrivalStep, AtomicLong> held = new EnumMap<>(ArrivalStep.class);
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong beyondCut = new AtomicLong();
  private final Set<String> started = ConcurrentHashMap.newKeySet();
  private volatile ArrivalStep skipping;
  private volatile int skipRound;

  LiveOrder(
      Map<ArrivalStep, Map<String, ArrayDeque<String>>> lanes,
      Map<String, Pin> registryMet,
      boolean ordersBudgets) {
    this.lanes = lanes;
    this.registryMet = registryMet;
    this.ordersBudgets = ordersBudgets;
    for (ArrivalStep step : ArrivalStep.values()) {
      held.put(step, new AtomicLong());
      final Map<String, String> laneOf = new HashMap<>();
      lanes
          .get(step)
          .forEach((lane, order) -> order.forEach(identity -> laneOf.put(identity, lane)));
      metOn.put(step, laneOf);
      elsewhere.put(step, new ConcurrentHashMap<>());
    }
  }

  /**
   * Reads the journal's partitions from their start to {@code ends}. With {@code ordersBudgets}
   * false (the run replaces the budgets) budgets pass the ledger's gate as they come.
   */
  static LiveOrder read(
      Properties client,
      Deserializer<Arrival> decoder,
      Map<TopicPartition, Long> ends,
      boolean ordersBudgets) {
    final Map<ArrivalStep, Map<String, ArrayDeque<String>>> lanes =
        new EnumMap<>(ArrivalStep.class);
    for (ArrivalStep step : ArrivalStep.values()) {
      lanes.put(step, new HashMap<>());
    }
    final Map<String, Pin> registryMet = new HashMap<>();
    CommittedScan.read(
        client,
        ends,
        record -> {
          final Arrival arrival = decoder.deserialize(record.topic(), record.value());
          final Pin pin = ArrivalJournal.registryPin(arrival);
          if (pin != null) {
            registryMet.put(revisionKey(arrival.getSubject(), arrival.getRevision()), pin);
          }
          if (ordersBudgets || arrival.getKind() != ArrivalKind.BUDGET) {
            final String lane =
                arrival.getStep() == ArrivalStep.ROUTER
                    ? Integer.toString(record.partition())
                    : record.key();
            lanes
                .get(arrival.getStep())
                .computeIfAbsent(lane, l -> new ArrayDeque<>())
                .add(ArrivalJournal.identity(arrival));
          }
        });
    return new LiveOrder(lanes, registryMet, ordersBudgets);
  }

  private static String revisionKey(String applicationId, int revision) {
    return applicationId + "#" + revision;
  }

  @Override
  public Pin pin(String applicationId, int revision) {
    return registryMet.get(revisionKey(applicationId, revision));
  }

  @Override
  public void notFound(String applicationId, int revision) {
    registryNotFound.incrementAndGet();
  }

  /**
   * Revisions whose registry version live met the replay's registry no longer holds (beyond its
   * history): they met the version as of their submission instead.
   */
  long registryNotFound() {
    return registryNotFound.get();
  }

  /** Entries read, over both steps and all lanes. */
  long size() {
    return lanes.values().stream()
        .flatMap(m -> m.values().stream())
        .mapToLong(ArrayDeque::size)
        .sum();
  }

  /** Records the gates hold back, waiting for records live met before them. */
  long held() {
    return held.values().stream().mapToLong(AtomicLong::get).sum();
  }

  /** Records live met that the replay never did: their places were skipped. */
  long skipped() {
    return skipped.get();
  }

  /**
   * Called when the replay has drained and records are still held: those wait for records that will
   * not come. The most upstream step holding records skips them (a step downstream may still
   * receive what it waits for once the router moves on). False when nothing is held.
   */
  boolean skipMissing() {
    for (ArrivalStep step : ArrivalStep.values()) {
      if (held.get(step).get() > 0) {
        skipping = step;
        skipRound++;
        return true;
      }
    }
    return false;
  }

  @Override
  public <KO, VO> Processor<String, Proposal, KO, VO> beforeRouter(
      Processor<String, Proposal, KO, VO> router) {
    return new OrderGate<>(
        this, ArrivalStep.ROUTER, router, record -> ArrivalJournal.atRouter(record.value()));
  }

  @Override
  public <KO, VO> Processor<String, LedgerCommand, KO, VO> beforeLedger(
      Processor<String, LedgerCommand, KO, VO> ledger) {
    return new OrderGate<>(
        this,
        ArrivalStep.LEDGER,
        ledger,
        record -> ArrivalJournal.atLedger(record.key(), record.value()));
  }

  /** The live order of one lane at one step, taken by the gate of its task once. */
  ArrayDeque<String> start(ArrivalStep step, String lane) {
    if (!started.add(step + "-" + lane)) {
      // The replay's uncaught-exception handler reports this message as the reason it stopped.
      throw new IllegalStateException(
          "the replay's "
              + step.name().toLowerCase(Locale.ROOT)
              + " started "
              + lane
              + " twice, and lost the records it held back to keep live's order;"
              + " run the what-if again");
    }
    return lanes.get(step).getOrDefault(lane, new ArrayDeque<>());
  }

  /** The lane in which live met {@code identity}, or null. */
  String metOn(ArrivalStep step, String identity) {
    return metOn.get(step).get(identity);
  }

  /**
   * The replay met in another lane what live met in {@code lane}: its bucket, judged against the
   * registry as it stands now, is another than live's. That lane goes on without it.
   */
  void metElsewhere(ArrivalStep step, String lane, String identity) {
    metElsewhereThan(step, lane).add(identity);
  }

  /** What the replay met elsewhere of what live met in {@code lane}. */
  Queue<String> metElsewhereThan(ArrivalStep step, String lane) {
    return elsewhere.get(step).computeIfAbsent(lane, l -> new ConcurrentLinkedQueue<>());
  }

  /** Whether live's router met the revision a ledger command carries, before the cut. */
  boolean routedLive(Arrival arrival) {
    return arrival.getStep() == ArrivalStep.LEDGER
        && arrival.getKind() != ArrivalKind.BUDGET
        && metOn(
                ArrivalStep.ROUTER,
                ArrivalJournal.identity(
                    new Arrival(
                        ArrivalStep.ROUTER,
                        ArrivalKind.REVISION,
                        arrival.getSubject(),
                        arrival.getRevision(),
                        arrival.getAt(),
                        null)))
            != null;
  }

  void notMetLive() {
    beyondCut.incrementAndGet();
  }

  /** Records the replay read that live had not met when the what-if began: not replayed. */
  long beyondCut() {
    return beyondCut.get();
  }

  boolean passes(Arrival arrival) {
    return !ordersBudgets && arrival.getKind() == ArrivalKind.BUDGET;
  }

  AtomicLong heldAt(ArrivalStep step) {
    return held.get(step);
  }

  void skipped(int count) {
    skipped.addAndGet(count);
  }

  /** The skip round a gate of {@code step} should act on, or 0. */
  int skipRoundFor(ArrivalStep step) {
    return skipping == step ? skipRound : 0;
  }
}
