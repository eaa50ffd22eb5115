package cn.gxq.subsidy.registry;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Decides whether a candidate schema may follow earlier versions, using Avro's own reader/writer
 * rules.
 */
final class CompatibilityChecker {

  private CompatibilityChecker() {}

  /**
   * The incompatibilities of {@code candidate} with {@code earlier} (oldest first) under {@code
   * level}; empty means compatible. Non-transitive levels look at the latest earlier version only.
   */
  static List<String> incompatibilities(
      final CompatibilityLevel level, final Schema candidate, final List<Schema> earlier) {
    final List<String> problems = new ArrayList<>();
    if (level == CompatibilityLevel.NONE || earlier.isEmpty()) {
      return problems;
    }
    final int from = level.transitive() ? 0 : earlier.size() - 1;
    for (int i = earlier.size() - 1; i >= from; i--) {
      final Schema old = earlier.get(i);
      final String against = level.transitive() ? "version " + (i + 1) : "the latest version";
      if (level.backward()) {
        // Backward: consumers on the new schema read what producers wrote with the old one.
        problems.addAll(
            describe(
                SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
                "BACKWARD",
                against));
      }
      if (level.forward()) {
        problems.addAll(
            describe(
                SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
                "FORWARD",
                against));
      }
    }
    return problems;
  }

  private static List<String> describe(
      final SchemaPairCompatibility pair, final String direction, final String against) {
    final List<String> out = new ArrayList<>();
    if (pair.getType() == SchemaCompatibilityType.COMPATIBLE) {
      return out;
    }
    for (Incompatibility i : pair.getResult().getIncompatibilities()) {
      out.add(
          direction
              + " incompatible with "
              + against
              + ": "
              + i.getType()
              + " at "
              + i.getLocation()
              + ": "
              + i.getMessage());
    }
    if (out.isEmpty()) {
      out.add(direction + " incompatible with " + against + ": " + pair.getDescription());
    }
    return out;
  }
}
