package cn.gxq.subsidy.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation problems of one application, so the applicant sees them all at once. Every
 * message names the field, says what was found and what to do.
 */
public final class Checks {
  private final List<Finding> findings = new ArrayList<>();

  public void add(ReasonCode code, String message) {
    findings.add(new Finding(code, message));
  }

  public void invalid(String field, String problem) {
    add(ReasonCode.INVALID_FIELD, field + ": " + problem + "; correct it and resubmit");
  }

  public void creditCode(String code) {
    CreditCode.problem(code)
        .ifPresent(
            p ->
                add(
                    ReasonCode.INVALID_CREDIT_CODE,
                    "creditCode "
                        + (code == null ? "" : code + " ")
                        + p
                        + "; copy the 18-character code from the business licence and resubmit"));
  }

  public void required(String field, String value) {
    if (value == null || value.isBlank()) {
      invalid(field, "is missing or blank");
    }
  }

  public boolean present(String field, Object value) {
    if (value == null) {
      invalid(field, "is missing");
      return false;
    }
    return true;
  }

  public void nonNegative(String field, BigDecimal amount) {
    if (present(field, amount) && amount.signum() < 0) {
      invalid(field, "must be 0 or more, was " + amount.toPlainString());
    } else {
      notAbsurd(field, amount);
    }
  }

  public void positive(String field, BigDecimal amount) {
    if (present(field, amount) && amount.signum() <= 0) {
      invalid(field, "must be more than 0, was " + amount.toPlainString());
    } else {
      notAbsurd(field, amount);
    }
  }

  private void notAbsurd(String field, BigDecimal amount) {
    if (amount != null && amount.compareTo(Money.MAX_AMOUNT) > 0) {
      invalid(
          field,
          "is "
              + amount.toPlainString()
              + " yuan, above the "
              + Money.MAX_AMOUNT.toPlainString()
              + " any one amount may be (is it in fen, not yuan?)");
    }
  }

  public void share(String field, BigDecimal share) {
    if (present(field, share) && (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0)) {
      invalid(
          field,
          "must be a share between 0 and 1 (e.g. 0.2500 for 25%), was " + share.toPlainString());
    }
  }

  public void between(String field, int value, int min, int max) {
    if (value < min || value > max) {
      invalid(field, "must be between " + min + " and " + max + ", was " + value);
    }
  }

  public void atLeast(String field, int value, int min) {
    if (value < min) {
      invalid(field, "must be " + min + " or more, was " + value);
    }
  }

  public void inOrder(String startField, LocalDate start, String endField, LocalDate end) {
    // Non-short-circuit on purpose: both fields must be checked so both can be reported.
    @SuppressWarnings("ShortCircuitBoolean")
    boolean both = present(startField, start) & present(endField, end);
    if (both && end.isBefore(start)) {
      invalid(endField, "is " + end + ", before " + startField + " " + start);
    }
  }

  public void unsupportedYear(String field, int year, String supported) {
    add(
        ReasonCode.UNSUPPORTED_YEAR,
        field
            + " "
            + year
            + " is not covered by this programme (supported: "
            + supported
            + "); apply under the programme for that year, or correct "
            + field);
  }

  public boolean failed() {
    return !findings.isEmpty();
  }

  public List<Finding> findings() {
    return List.copyOf(findings);
  }
}
