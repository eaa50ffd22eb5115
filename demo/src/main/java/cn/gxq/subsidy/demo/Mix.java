package cn.gxq.subsidy.demo;

/**
 * Shares of the application stream that are deliberately irregular. Each generated application is
 * exactly one kind; the rest ({@link #regular()}) are ordinary applications, most of them eligible.
 * Shares are of all records emitted, amendments and withdrawals included.
 *
 * @param invalid failing validation: bad check character, negative amount, lease ending before it
 *     starts, unsupported year, share above 1, zero term
 * @param unregistered valid credit codes that are not in the registry
 * @param ineligible registered applicants that fail a programme rule (private landlord, sub-lessor,
 *     excluded industry, deemed-profit taxation, no innovation status, low score, …)
 * @param duplicates a second application (new id) for a claim already made
 * @param amendments a new revision of an earlier application with a changed amount
 * @param withdrawals a new revision of an earlier application with {@code withdrawn = true}
 */
public record Mix(
    double invalid,
    double unregistered,
    double ineligible,
    double duplicates,
    double amendments,
    double withdrawals) {

  public Mix {
    double[] shares = {invalid, unregistered, ineligible, duplicates, amendments, withdrawals};
    double sum = 0;
    for (double s : shares) {
      if (s < 0 || s > 1 || Double.isNaN(s)) {
        throw new IllegalArgumentException(
            "shares must lie in 0..1: " + java.util.Arrays.toString(shares));
      }
      sum += s;
    }
    if (sum > 1 + 1e-9) {
      throw new IllegalArgumentException("shares add up to " + sum + ", more than 1");
    }
  }

  /** 5% invalid, 3% unregistered, 10% ineligible, 5% duplicates, 8% amendments, 3% withdrawals. */
  public static Mix defaults() {
    return new Mix(0.05, 0.03, 0.10, 0.05, 0.08, 0.03);
  }

  /** Regular applications only. */
  public static Mix clean() {
    return new Mix(0, 0, 0, 0, 0, 0);
  }

  /** Share of ordinary applications. */
  public double regular() {
    return Math.max(
        0, 1 - invalid - unregistered - ineligible - duplicates - amendments - withdrawals);
  }

  public Mix withInvalid(double share) {
    return new Mix(share, unregistered, ineligible, duplicates, amendments, withdrawals);
  }

  public Mix withUnregistered(double share) {
    return new Mix(invalid, share, ineligible, duplicates, amendments, withdrawals);
  }

  public Mix withIneligible(double share) {
    return new Mix(invalid, unregistered, share, duplicates, amendments, withdrawals);
  }

  public Mix withDuplicates(double share) {
    return new Mix(invalid, unregistered, ineligible, share, amendments, withdrawals);
  }

  public Mix withAmendments(double share) {
    return new Mix(invalid, unregistered, ineligible, duplicates, share, withdrawals);
  }

  public Mix withWithdrawals(double share) {
    return new Mix(invalid, unregistered, ineligible, duplicates, amendments, share);
  }
}
