package cn.gxq.subsidy.rules;

import java.util.Objects;

/** One reason behind an outcome: a contract code and a message a person can act on. */
public record Finding(ReasonCode code, String message) {
  public Finding {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
  }
}
