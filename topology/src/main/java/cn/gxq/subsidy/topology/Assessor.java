package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.contract.DeadLetter;
import cn.gxq.subsidy.contract.DeadLetterCode;
import cn.gxq.subsidy.programme.ApplicationHeader;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.serde.WireFormatException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.VersionedKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the programme's rules to an application and the enterprise as of its submission, and
 * passes the result on to the router (still keyed by credit code). A rule that throws is a bug, not
 * a reason to stop deciding everybody else: that one record is dead-lettered with the cause.
 */
final class Assessor implements Processor<String, Submission, String, Routed<Proposal>> {

  private static final Logger LOG = LoggerFactory.getLogger(Assessor.class);

  private final Deserializer<SpecificRecord> decoder;
  private final Rulebook rulebook;
  private final RegistryPins pins;
  private ProcessorContext<String, Routed<Proposal>> context;
  private PinnedRegistry pinned;

  Assessor(Deserializer<SpecificRecord> decoder, Rulebook rulebook, RegistryPins pins) {
    this.decoder = decoder;
    this.rulebook = rulebook;
    this.pins = pins;
  }

  @Override
  public void init(ProcessorContext<String, Routed<Proposal>> context) {
    this.context = context;
    if (pins != RegistryPins.NONE) {
      final VersionedKeyValueStore<String, Enterprise> registry =
          context.getStateStore(LedgerStores.ENTERPRISES);
      pinned = new PinnedRegistry(pins, registry);
    }
  }

  @Override
  public void process(Record<String, Submission> record) {
    final DeadLetter.Source source = DeadLetter.Source.of(record.headers());
    final byte[] bytes = record.value().application();
    final Proposal proposal;
    try {
      final SpecificRecord application = decoder.deserialize(source.topic(), bytes);
      final Enterprise enterprise =
          pinned == null
              ? record.value().enterprise()
              : pinned.enterprise(
                  record.key(), ApplicationHeader.of(application), record.value().enterprise());
      proposal = Proposals.of(application, enterprise, rulebook);
    } catch (WireFormatException e) {
      // The intake checked the whole body as it read the header: only a registry that lost a
      // schema, or a value no skip looks at (an enum index out of range), gets here.
      forwardDead(
          record,
          source.deadLetter(bytes, DeadLetterCode.valueOf(e.code().name()), e.getMessage()));
      return;
    } catch (RuntimeException e) {
      LOG.error("Rule failure on {}-{}@{}", source.topic(), source.partition(), source.offset(), e);
      forwardDead(
          record,
          source.deadLetter(
              bytes,
              DeadLetterCode.RULE_FAILURE,
              e.getClass().getSimpleName() + ": " + e.getMessage()));
      return;
    }
    context.forward(record.withValue(Routed.ok(proposal)));
  }

  private void forwardDead(Record<String, Submission> record, DeadLetter letter) {
    context.forward(record.withValue(Routed.dead(letter)));
  }
}
