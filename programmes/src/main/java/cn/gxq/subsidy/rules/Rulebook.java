package cn.gxq.subsidy.rules;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.InnovationLoanApplication;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.avro.RdDeductionApplication;
import cn.gxq.subsidy.avro.RentReliefApplication;
import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.policy.PolicyBook;
import org.apache.avro.specific.SpecificRecord;

/** The three programmes' rules, all built from one policy version. Immutable and thread-safe. */
public final class Rulebook {
  private final String policyVersion;
  private final RentReliefRules rentRelief;
  private final RdDeductionRules rdDeduction;
  private final InnovationLoanRules innovationLoan;

  public Rulebook(Policy policy) {
    this.policyVersion = policy.version();
    this.rentRelief = RentReliefRules.from(policy);
    this.rdDeduction = RdDeductionRules.from(policy);
    this.innovationLoan = InnovationLoanRules.from(policy);
  }

  /** Rules of the newest bundled policy version. */
  public static Rulebook fromDefaultPolicy() {
    return new Rulebook(PolicyBook.loadDefault().current());
  }

  public String policyVersion() {
    return policyVersion;
  }

  public ProgrammeRules<?> rulesFor(Programme programme) {
    return switch (programme) {
      case RENT_RELIEF -> rentRelief;
      case RD_SUPER_DEDUCTION -> rdDeduction;
      case INNOVATION_CREDIT_LOAN -> innovationLoan;
    };
  }

  /**
   * The programme an application belongs to.
   *
   * @throws IllegalArgumentException for a record that is no application
   */
  public static Programme programmeOf(SpecificRecord application) {
    if (application instanceof RentReliefApplication) {
      return Programme.RENT_RELIEF;
    }
    if (application instanceof RdDeductionApplication) {
      return Programme.RD_SUPER_DEDUCTION;
    }
    if (application instanceof InnovationLoanApplication) {
      return Programme.INNOVATION_CREDIT_LOAN;
    }
    throw new IllegalArgumentException(
        "not an application: " + (application == null ? "null" : application.getClass().getName()));
  }

  /**
   * Decides an application of any programme by its programme's rules.
   *
   * @param enterpriseAsOfSubmission the registry entry as it stood at the application's
   *     submittedAt, or null when not registered then
   */
  public Outcome decide(SpecificRecord application, Enterprise enterpriseAsOfSubmission) {
    if (application instanceof RentReliefApplication a) {
      return rentRelief.decide(a, enterpriseAsOfSubmission);
    }
    if (application instanceof RdDeductionApplication a) {
      return rdDeduction.decide(a, enterpriseAsOfSubmission);
    }
    if (application instanceof InnovationLoanApplication a) {
      return innovationLoan.decide(a, enterpriseAsOfSubmission);
    }
    throw new IllegalArgumentException(
        "not an application: " + (application == null ? "null" : application.getClass().getName()));
  }
}
