package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Reason;
import cn.gxq.subsidy.avro.internal.Assessment;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.programme.ApplicationHeader;
import cn.gxq.subsidy.programme.Rulebook;
import cn.gxq.subsidy.rules.Finding;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** What the rules make of an application and its enterprise as of submission: a proposal. */
public final class Proposals {

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  /**
   * Details key: the {@code updatedAt} of the registry version the revision was judged with, absent
   * when the enterprise was not registered then. It identifies the version for an audit and for a
   * what-if replay (see {@link RegistryPins}).
   */
  public static final String REGISTRY_VERSION = "registryVersion";

  private Proposals() {}

  public static Proposal of(SpecificRecord application, Enterprise enterprise, Rulebook rulebook) {
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
        .setDetails(details(outcome, enterprise))
        .setPolicyVersion(outcome.policyVersion())
        .setSubmittedAt(header.submittedAt())
        .build();
  }

  private static Map<String, String> details(Outcome outcome, Enterprise enterprise) {
    final Map<String, String> details = new HashMap<>(outcome.details());
    if (enterprise != null && enterprise.getUpdatedAt() != null) {
      details.put(REGISTRY_VERSION, enterprise.getUpdatedAt().toString());
    }
    return details;
  }

  /** Avro's decimal(18,2) needs scale 2 exactly; the rules round, this only fixes the scale. */
  private static BigDecimal money(BigDecimal amount) {
    return amount.setScale(2, RoundingMode.HALF_UP);
  }
}
