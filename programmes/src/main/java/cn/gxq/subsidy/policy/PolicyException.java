package cn.gxq.subsidy.policy;

/**
 * Policy data could not be loaded. The message names the file and the entry, e.g. {@code
 * policy-2022.1.json: rdDeduction.rates[3].rate: must be between 0 and 5, was 75}.
 */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
