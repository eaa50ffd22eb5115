package cn.gxq.subsidy.demo;

import java.math.BigDecimal;
import java.time.Instant;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Later versions of an application: a withdrawal (same id, next revision) and a duplicate claim
 * (new id, revision 1, same content), for any programme: every application has the contract's
 * common fields, set here by name. An amendment changes a programme's own amount, so each {@link
 * ProgrammeFactory} makes its own.
 */
final class Revisions {
  private Revisions() {}

  /** Scaled; a zero amount becomes a positive one (the applicant adds what was left out). */
  static BigDecimal changed(BigDecimal amount, double factor) {
    return amount.signum() == 0
        ? Money.yuan(Math.round(100_000 * factor))
        : Money.times(amount, factor);
  }

  static SpecificRecord withdraw(SpecificRecord a, Instant at) {
    SpecificRecord copy = copy(a);
    put(copy, "revision", (Integer) get(a, "revision") + 1);
    put(copy, "submittedAt", at);
    put(copy, "withdrawn", true);
    return copy;
  }

  static SpecificRecord duplicate(SpecificRecord a, String newId, Instant at) {
    SpecificRecord copy = copy(a);
    put(copy, "applicationId", newId);
    put(copy, "revision", 1);
    put(copy, "withdrawn", false);
    put(copy, "submittedAt", at);
    return copy;
  }

  private static SpecificRecord copy(SpecificRecord a) {
    return SpecificData.getForClass(a.getClass()).deepCopy(a.getSchema(), a);
  }

  private static Object get(SpecificRecord a, String field) {
    return a.get(a.getSchema().getField(field).pos());
  }

  private static void put(SpecificRecord a, String field, Object value) {
    a.put(a.getSchema().getField(field).pos(), value);
  }
}
