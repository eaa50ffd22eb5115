package cn.gxq.subsidy.registry;

import cn.gxq.subsidy.registry.AvroSchemas.ParsedSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.avro.Schema;

/**
 * The registry's state, built only by applying log records in order. Every instance applying the
 * same log reaches the same state, so ids and versions agree. Not thread-safe: {@link SchemaLog}
 * guards it.
 *
 * <p>Versions of a subject are numbered 1, 2, … without gaps (nothing is ever deleted); ids are
 * global, one per distinct normalized schema, handed out 1, 2, … in the order registrations are
 * applied.
 */
final class SchemaState {

  private final Map<String, List<Integer>> idsBySubject = new TreeMap<>();
  private final Map<Integer, ParsedSchema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByNormalized = new HashMap<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private CompatibilityLevel globalLevel = CompatibilityLevel.DEFAULT;
  private int maxId;

  /**
   * What registering a schema under a subject does (or did): an existing or new version, or a
   * refusal.
   */
  record Decision(Kind kind, String subject, int version, int id, List<String> problems) {
    enum Kind {
      EXISTING,
      CREATED,
      INCOMPATIBLE
    }

    static Decision incompatible(final String subject, final List<String> problems) {
      return new Decision(Kind.INCOMPATIBLE, subject, 0, 0, List.copyOf(problems));
    }
  }

  /** One version of one subject. */
  record SubjectVersion(String subject, int version, int id, String schema) {}

  /**
   * Applies one record of the log. Registrations return their decision; level changes and
   * registrations whose schema does not parse (skipped alike by every instance) return nothing.
   */
  Optional<Decision> apply(final LogRecords.LogRecord record) {
    if (record instanceof LogRecords.LevelChange change) {
      setLevel(change.subject(), change.level());
      return Optional.empty();
    }
    final LogRecords.Registration registration = (LogRecords.Registration) record;
    final ParsedSchema schema;
    try {
      schema = AvroSchemas.parse(registration.schema());
    } catch (RegistryException e) {
      return Optional.empty();
    }
    return Optional.of(register(registration.subject(), schema, registration.level()));
  }

  /**
   * Decides a registration without changing anything; {@link #register} makes the same decision and
   * applies it.
   */
  Decision decide(final String subject, final ParsedSchema schema, final CompatibilityLevel level) {
    final List<Integer> ids = idsBySubject.getOrDefault(subject, List.of());
    final Integer knownId = idsByNormalized.get(schema.normalized());
    if (knownId != null && ids.contains(knownId)) {
      return new Decision(
          Decision.Kind.EXISTING, subject, ids.indexOf(knownId) + 1, knownId, List.of());
    }
    final List<String> problems =
        CompatibilityChecker.incompatibilities(level, schema.avro(), schemas(ids));
    if (!problems.isEmpty()) {
      return Decision.incompatible(subject, problems);
    }
    final int id = knownId != null ? knownId : maxId + 1;
    return new Decision(Decision.Kind.CREATED, subject, ids.size() + 1, id, List.of());
  }

  /**
   * Applies a registration request from the log, checked with the level that was in force when it
   * was made.
   */
  Decision register(
      final String subject, final ParsedSchema schema, final CompatibilityLevel level) {
    final Decision decision = decide(subject, schema, level);
    if (decision.kind() == Decision.Kind.CREATED) {
      idsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(decision.id());
      if (decision.id() > maxId) {
        maxId = decision.id();
        schemasById.put(decision.id(), schema);
        idsByNormalized.put(schema.normalized(), decision.id());
      }
    }
    return decision;
  }

  /**
   * Sets (or with {@code null}, clears) a subject's level; a {@code null} subject means the global
   * level.
   */
  void setLevel(final String subject, final CompatibilityLevel level) {
    if (subject == null) {
      globalLevel = level == null ? CompatibilityLevel.DEFAULT : level;
    } else if (level == null) {
      subjectLevels.remove(subject);
    } else {
      subjectLevels.put(subject, level);
    }
  }

  CompatibilityLevel globalLevel() {
    return globalLevel;
  }

  Optional<CompatibilityLevel> subjectLevel(final String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  /** The level that governs a subject: its own, else the global one. */
  CompatibilityLevel effectiveLevel(final String subject) {
    return subjectLevels.getOrDefault(subject, globalLevel);
  }

  List<String> subjects() {
    return List.copyOf(idsBySubject.keySet());
  }

  boolean hasSubject(final String subject) {
    return idsBySubject.containsKey(subject);
  }

  /** Version numbers of a subject, oldest first; empty when the subject is unknown. */
  List<Integer> versions(final String subject) {
    final int count = idsBySubject.getOrDefault(subject, List.of()).size();
    final List<Integer> versions = new ArrayList<>(count);
    for (int v = 1; v <= count; v++) {
      versions.add(v);
    }
    return versions;
  }

  /** A version of a subject; {@code version} {@code -1} means the latest. */
  Optional<SubjectVersion> version(final String subject, final int version) {
    final List<Integer> ids = idsBySubject.getOrDefault(subject, List.of());
    final int v = version == -1 ? ids.size() : version;
    if (v < 1 || v > ids.size()) {
      return Optional.empty();
    }
    final int id = ids.get(v - 1);
    return Optional.of(new SubjectVersion(subject, v, id, schemasById.get(id).normalized()));
  }

  /** The version of a subject holding this schema, if it is registered there. */
  Optional<SubjectVersion> lookup(final String subject, final ParsedSchema schema) {
    final List<Integer> ids = idsBySubject.getOrDefault(subject, List.of());
    final Integer id = idsByNormalized.get(schema.normalized());
    if (id == null || !ids.contains(id)) {
      return Optional.empty();
    }
    return version(subject, ids.indexOf(id) + 1);
  }

  /** Every (subject, version) holding the schema with this id, subjects in order. */
  List<SubjectVersion> versionsOf(final int id) {
    final List<SubjectVersion> out = new ArrayList<>();
    idsBySubject.forEach(
        (subject, ids) -> {
          for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == id) {
              out.add(new SubjectVersion(subject, i + 1, id, schemasById.get(id).normalized()));
            }
          }
        });
    return out;
  }

  /** The Avro schemas of a subject, oldest first; empty when the subject is unknown. */
  List<Schema> schemasOf(final String subject) {
    return schemas(idsBySubject.getOrDefault(subject, List.of()));
  }

  Optional<ParsedSchema> schemaById(final int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  private List<Schema> schemas(final List<Integer> ids) {
    final List<Schema> out = new ArrayList<>(ids.size());
    for (int id : ids) {
      out.add(schemasById.get(id).avro());
    }
    return out;
  }
}
