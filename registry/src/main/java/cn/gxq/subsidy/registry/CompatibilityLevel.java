package cn.gxq.subsidy.registry;

import java.util.Locale;
import java.util.Optional;

/**
 * The compatibility levels of the Confluent Schema Registry; the registry default is {@link
 * #BACKWARD}.
 */
public enum CompatibilityLevel {
  NONE(false, false, false),
  BACKWARD(true, false, false),
  BACKWARD_TRANSITIVE(true, false, true),
  FORWARD(false, true, false),
  FORWARD_TRANSITIVE(false, true, true),
  FULL(true, true, false),
  FULL_TRANSITIVE(true, true, true);

  /** The level of a registry nobody has configured. */
  public static final CompatibilityLevel DEFAULT = BACKWARD;

  private final boolean backward;
  private final boolean forward;
  private final boolean transitive;

  CompatibilityLevel(final boolean backward, final boolean forward, final boolean transitive) {
    this.backward = backward;
    this.forward = forward;
    this.transitive = transitive;
  }

  /** The new schema must read data written with the old ones. */
  boolean backward() {
    return backward;
  }

  /** The old schemas must read data written with the new one. */
  boolean forward() {
    return forward;
  }

  /** Checked against every earlier version rather than the latest only. */
  boolean transitive() {
    return transitive;
  }

  /** Parses a level name case-insensitively; empty when the name is not a level. */
  static Optional<CompatibilityLevel> parse(final String name) {
    if (name == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(valueOf(name.trim().toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
