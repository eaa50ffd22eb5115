package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.contract.DeadLetter;
import java.util.Objects;

/**
 * A step's output: either the value to pass on, or a dead letter. The topology splits on it, so a
 * bad record leaves the stream without ever stopping it.
 */
public record Routed<T>(T value, DeadLetter deadLetter) {

  public Routed {
    if ((value == null) == (deadLetter == null)) {
      throw new IllegalArgumentException("exactly one of value and dead letter");
    }
  }

  public static <T> Routed<T> ok(T value) {
    return new Routed<>(Objects.requireNonNull(value, "value"), null);
  }

  public static <T> Routed<T> dead(DeadLetter deadLetter) {
    return new Routed<>(null, Objects.requireNonNull(deadLetter, "deadLetter"));
  }

  public boolean isDead() {
    return deadLetter != null;
  }
}
