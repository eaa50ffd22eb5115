package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Reason;
import cn.gxq.subsidy.avro.internal.Assessment;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.rules.Finding;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.Rulebook;
import cn.gxq.subsidy.rules.Verdict;
import cn.gxq.subsidy.serde.WireFormatException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
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
  private ProcessorContext<String, Routed<Proposal>> context;

  Assessor(Deserializer<SpecificRecord> decoder, Rulebook rulebook) {
    this.decoder = decoder;
    this.rulebook = rulebook;
  }

  @Override
  public void init(ProcessorContext<String, Routed<Proposal>> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, Submission> record) {
    final DeadLetter.Source source = DeadLetter.Source.of(record.headers());
    final byte[] bytes = record.value().application();
    final Proposal proposal;
    try {
      final SpecificRecord application = decoder.deserialize(source.topic(), bytes);
      proposal = propose(application, record.value().enterprise());
    } catch (WireFormatException e) {
      // Decoded once already at intake; only a registry that lost a schema gets here.
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

  private Proposal propose(SpecificRecord application, Enterprise enterprise) {
    final ApplicationHeader header = ApplicationHeader.of(application);
    // The rules run for withdrawals too: they name the year and claim the withdrawal releases.
    final Outcome outcome = rulebook.decide(application, enterprise);
    final Assessment assessment =
        header.withdrawn()
            ? Assessment.WITHDRAWN
            : outcome.verdict() == Verdict.ELIGIBLE ? Assessment.ELIGIBLE : Assessment.REJECTED;
    final List<Reason> reasons = new ArrayList<>();
    for (Finding finding : outcome.findings()) {
      reasons.add(new Reason(finding.code().name(), finding.message()));
    }
    return Proposal.newBuilder()
        .setApplicationId(header.applicationId())
        .setRevision(header.revision())
        .setProgramme(header.programme())
        .setCreditCode(header.creditCode())
        .setEnterpriseName(enterprise == null ? null : enterprise.getName())
        .setZone(enterprise == null ? null : enterprise.getZone())
        .setYear(outcome.year())
        .setAssessment(assessment)
        .setClaimKey(outcome.claimKey())
        .setRequestedAmount(
            outcome.requestedAmount() == null ? null : money(outcome.requestedAmount()))
        .setEligibleAmount(
            assessment == Assessment.ELIGIBLE ? money(outcome.eligibleAmount()) : ZERO)
        .setReasons(reasons)
        .setDetails(new HashMap<>(outcome.details()))
        .setPolicyVersion(outcome.policyVersion())
        .setSubmittedAt(header.submittedAt())
        .build();
  }

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  /** Avro's decimal(18,2) needs scale 2 exactly; the rules round, this only fixes the scale. */
  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }

  private void forwardDead(Record<String, Submission> record, DeadLetter letter) {
    context.forward(record.withValue(Routed.dead(letter)));
  }
}
