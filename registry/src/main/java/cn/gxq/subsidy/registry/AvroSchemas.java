package cn.gxq.subsidy.registry;

import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;

/** Parses schema text from requests and the log into {@link ParsedSchema}s. */
final class AvroSchemas {

  static final String AVRO = "AVRO";

  private AvroSchemas() {}

  /**
   * Parses Avro schema text.
   *
   * @throws RegistryException 42201 when the text is not a valid Avro schema
   */
  static ParsedSchema parse(final String text) {
    if (text == null || text.isBlank()) {
      throw RegistryException.invalidSchema("the request has no schema");
    }
    try {
      // A fresh parser per schema: named types of one schema must not leak into the next.
      final Schema schema = new Schema.Parser().setValidateDefaults(true).parse(text);
      return new ParsedSchema(schema, schema.toString());
    } catch (SchemaParseException | NullPointerException | IllegalArgumentException e) {
      throw RegistryException.invalidSchema(e.getMessage());
    }
  }

  /**
   * A parsed Avro schema and its normalized text, Avro's own JSON rendering of the parsed schema.
   *
   * <p>The normalized text is the schema's identity: it ignores white space and attribute order
   * but, unlike Avro's parsing canonical form, keeps defaults, docs, aliases and logical types, so
   * adding a default is a new version rather than "the same schema".
   */
  record ParsedSchema(Schema avro, String normalized) {}
}
