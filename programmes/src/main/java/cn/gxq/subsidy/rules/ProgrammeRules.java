package cn.gxq.subsidy.rules;

import cn.gxq.subsidy.avro.Enterprise;
import org.apache.avro.specific.SpecificRecord;

/**
 * The rules of one programme as a pure function: no clock, no I/O, no state. Validation comes first
 * (credit code, amounts, dates, supported year), then registration, then eligibility and amount.
 * Withdrawals, revisions, duplicate claims and budgets are not the rules' business: the topology
 * handles them. Which programme and record the rules are for, their {@code ProgrammeDefinition}
 * says; the rules do not repeat it.
 */
public interface ProgrammeRules<A extends SpecificRecord> {

  /**
   * Decides one revision of an application.
   *
   * @param application one revision of an application
   * @param enterprise the registry entry as it stood at the application's submittedAt, or null when
   *     the enterprise was not registered then
   */
  Outcome decide(A application, Enterprise enterprise);
}
