package cn.gxq.subsidy.serde;

import java.io.Closeable;
import org.apache.avro.Schema;

/**
 * The two operations of the Confluent Schema Registry the serde needs. Implementations are
 * thread-safe and cache, so callers may use them on every record.
 */
public interface SchemaRegistryClient extends Closeable {

  /**
   * Registers a schema under a subject, or finds it when it is already there.
   *
   * @return the schema's global id; the same schema always yields the same id
   * @throws SchemaRegistryException when the registry refuses or cannot be reached
   */
  int register(String subject, Schema schema);

  /**
   * The schema with this id.
   *
   * @throws SchemaRegistryException with {@link SchemaRegistryException#isSchemaNotFound()} when
   *     the id is unknown, or another failure when the registry refuses or cannot be reached
   * @throws org.apache.avro.SchemaParseException when the id names a schema that is not Avro
   */
  Schema schemaById(int id);

  /** Releases resources; the default does nothing. */
  @Override
  default void close() {}
}
