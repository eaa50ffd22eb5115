package cn.gxq.subsidy.demo;

import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import java.math.BigDecimal;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;

/**
 * Later versions of an application: an amendment or withdrawal (same id, next revision) and a
 * duplicate claim (new id, revision 1, same content). The generated classes share no interface, so
 * this is the one place that knows the three types.
 */
final class Revisions {
  private Revisions() {}

  /** Next revision with its amount scaled by {@code factor}. */
  static SpecificRecord amend(SpecificRecord a, Instant at, double factor) {
    if (a instanceof RentReliefApplication r) {
      return RentReliefApplication.newBuilder(r)
          .setRevision(r.getRevision() + 1)
          .setSubmittedAt(at)
          .setMonthlyRent(changed(r.getMonthlyRent(), factor))
          .build();
    }
    if (a instanceof RdDeductionApplication r) {
      return RdDeductionApplication.newBuilder(r)
          .setRevision(r.getRevision() + 1)
          .setSubmittedAt(at)
          .setPersonnel(changed(r.getPersonnel(), factor))
          .build();
    }
    InnovationLoanApplication r = (InnovationLoanApplication) a;
    return InnovationLoanApplication.newBuilder(r)
        .setRevision(r.getRevision() + 1)
        .setSubmittedAt(at)
        .setRequestedAmount(creditLine(r.getRequestedAmount(), factor))
        .build();
  }

  /** Scaled; a zero amount becomes a positive one (the applicant adds what was left out). */
  private static BigDecimal changed(BigDecimal amount, double factor) {
    return amount.signum() == 0
        ? Money.yuan(Math.round(100_000 * factor))
        : Money.times(amount, factor);
  }

  /** Credit lines move in steps of 10万; a change never rounds back to the same line. */
  private static BigDecimal creditLine(BigDecimal line, double factor) {
    if (line.signum() <= 0) {
      return changed(line, factor);
    }
    BigDecimal step = Money.yuan(100_000L);
    BigDecimal next = Money.roundTo(line.doubleValue() * factor, 100_000);
    if (next.compareTo(line) != 0) {
      return next;
    }
    return factor > 1 || line.compareTo(step) <= 0 ? line.add(step) : line.subtract(step);
  }

  static SpecificRecord withdraw(SpecificRecord a, Instant at) {
    if (a instanceof RentReliefApplication r) {
      return RentReliefApplication.newBuilder(r)
          .setRevision(r.getRevision() + 1)
          .setSubmittedAt(at)
          .setWithdrawn(true)
          .build();
    }
    if (a instanceof RdDeductionApplication r) {
      return RdDeductionApplication.newBuilder(r)
          .setRevision(r.getRevision() + 1)
          .setSubmittedAt(at)
          .setWithdrawn(true)
          .build();
    }
    InnovationLoanApplication r = (InnovationLoanApplication) a;
    return InnovationLoanApplication.newBuilder(r)
        .setRevision(r.getRevision() + 1)
        .setSubmittedAt(at)
        .setWithdrawn(true)
        .build();
  }

  static SpecificRecord duplicate(SpecificRecord a, String newId, Instant at) {
    if (a instanceof RentReliefApplication r) {
      return RentReliefApplication.newBuilder(r)
          .setApplicationId(newId)
          .setRevision(1)
          .setWithdrawn(false)
          .setSubmittedAt(at)
          .build();
    }
    if (a instanceof RdDeductionApplication r) {
      return RdDeductionApplication.newBuilder(r)
          .setApplicationId(newId)
          .setRevision(1)
          .setWithdrawn(false)
          .setSubmittedAt(at)
          .build();
    }
    InnovationLoanApplication r = (InnovationLoanApplication) a;
    return InnovationLoanApplication.newBuilder(r)
        .setApplicationId(newId)
        .setRevision(1)
        .setWithdrawn(false)
        .setSubmittedAt(at)
        .build();
  }
}
