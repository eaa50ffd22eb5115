package cn.gxq.subsidy.serde;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.avro.Schema;

/**
 * A registry in memory with the semantics of the Confluent one: ids are global by schema content
 * and start at 1, a subject keeps its versions in order, an unknown id answers 404 / 40403. For
 * unit and TopologyTestDriver tests.
 */
public final class InMemorySchemaRegistryClient implements SchemaRegistryClient {

  private final Map<Schema, Integer> idsBySchema = new HashMap<>();
  private final Map<Integer, Schema> schemasById = new HashMap<>();
  private final Map<String, List<Schema>> versionsBySubject = new HashMap<>();

  @Override
  public synchronized int register(final String subject, final Schema schema) {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(schema, "schema");
    final Integer id =
        idsBySchema.computeIfAbsent(
            schema,
            s -> {
              final int next = idsBySchema.size() + 1;
              schemasById.put(next, s);
              return next;
            });
    final List<Schema> versions =
        versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
    if (!versions.contains(schema)) {
      versions.add(schema);
    }
    return id;
  }

  @Override
  public synchronized Schema schemaById(final int id) {
    final Schema schema = schemasById.get(id);
    if (schema == null) {
      throw new SchemaRegistryException(
          404, SchemaRegistryException.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }
    return schema;
  }

  /** The schemas registered under a subject, oldest first; empty when none. */
  public synchronized List<Schema> versions(final String subject) {
    return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
  }
}
