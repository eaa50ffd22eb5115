package cn.gxq.subsidy.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The records of the schema log: JSON keys and values, UTF-8 strings.
 *
 * <h2>Formats</h2>
 *
 * <pre>
 * registration  key   {"magic":0,"keytype":"SCHEMA","subject":"s","request":"&lt;uuid&gt;"}
 *               value {"subject":"s","schemaType":"AVRO","schema":"...","compatibility":"BACKWARD"}
 * subject level key   {"magic":0,"keytype":"CONFIG","subject":"s"}
 * global level  key   {"magic":0,"keytype":"CONFIG"}
 *               value {"compatibility":"FULL"}    (a null value clears the level)
 * </pre>
 *
 * <h2>Why these keys are safe under compaction</h2>
 *
 * Compaction keeps only the last record of each key, so a key may repeat only where "the last one
 * wins" is the meaning of the record:
 *
 * <ul>
 *   <li>A level record replaces the previous level of the same subject (or the global one). Keeping
 *       only the last is exactly the current configuration.
 *   <li>A registration is a request whose outcome (version, id, accepted or refused) is decided
 *       when it is applied, from the registrations before it. If two instances raced on the same
 *       subject and the keys were only subject and version, compaction would keep the losing record
 *       and drop the applied one, and a later replay would assign different versions and ids. Each
 *       registration therefore carries a unique request id in its key: registrations are never
 *       compacted away and their order is never changed.
 *   <li>A registration carries the compatibility level that was in force when it was requested,
 *       because level records can be compacted away: deciding with "the level at that point of the
 *       log" would give another answer on a replay after compaction. The decision depends only on
 *       earlier registrations and on the record itself, both of which every replay sees unchanged.
 * </ul>
 *
 * Records of unknown shape are skipped by every instance alike, so they cannot make instances
 * disagree.
 */
final class LogRecords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAGIC = 0;

  private LogRecords() {}

  /** A record of the log, decoded. */
  sealed interface LogRecord permits Registration, LevelChange {}

  /**
   * A request to register {@code schema} under {@code subject}, decided at apply time with {@code
   * level}.
   */
  record Registration(String requestId, String subject, String schema, CompatibilityLevel level)
      implements LogRecord {}

  /**
   * A new level for a subject ({@code subject} null: the global level); {@code level} null clears
   * it.
   */
  record LevelChange(String subject, CompatibilityLevel level) implements LogRecord {}

  static String key(final Registration r) {
    final ObjectNode key = JSON.createObjectNode();
    key.put("magic", MAGIC)
        .put("keytype", "SCHEMA")
        .put("subject", r.subject())
        .put("request", r.requestId());
    return write(key);
  }

  static String value(final Registration r) {
    final ObjectNode value = JSON.createObjectNode();
    value
        .put("subject", r.subject())
        .put("schemaType", AvroSchemas.AVRO)
        .put("schema", r.schema())
        .put("compatibility", r.level().name());
    return write(value);
  }

  static String key(final LevelChange c) {
    // Field order is fixed: compaction compares key bytes, so one subject must always give the same
    // key.
    final ObjectNode key = JSON.createObjectNode();
    key.put("magic", MAGIC).put("keytype", "CONFIG");
    if (c.subject() != null) {
      key.put("subject", c.subject());
    }
    return write(key);
  }

  static String value(final LevelChange c) {
    return c.level() == null
        ? null
        : write(JSON.createObjectNode().put("compatibility", c.level().name()));
  }

  /** Decodes a record; empty for records this version does not understand. */
  static Optional<LogRecord> decode(final String key, final String value) {
    try {
      final JsonNode k = JSON.readTree(key);
      final String type = k.path("keytype").asText("");
      if ("CONFIG".equals(type)) {
        final String subject = k.hasNonNull("subject") ? k.get("subject").asText() : null;
        if (value == null) {
          return Optional.of(new LevelChange(subject, null));
        }
        return CompatibilityLevel.parse(JSON.readTree(value).path("compatibility").asText(null))
            .map(level -> new LevelChange(subject, level));
      }
      if ("SCHEMA".equals(type) && value != null) {
        final JsonNode v = JSON.readTree(value);
        final Optional<CompatibilityLevel> level =
            CompatibilityLevel.parse(v.path("compatibility").asText(null));
        if (level.isEmpty() || !v.hasNonNull("schema") || !v.hasNonNull("subject")) {
          return Optional.empty();
        }
        return Optional.of(
            new Registration(
                k.path("request").asText(""),
                v.get("subject").asText(),
                v.get("schema").asText(),
                level.get()));
      }
      return Optional.empty();
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String write(final JsonNode node) {
    try {
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a log record", e);
    }
  }
}
