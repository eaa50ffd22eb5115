package cn.gxq.subsidy.policy;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads policy files and binds their entries to the policy records with Jackson. Every field is
 * required unless its record says otherwise, unknown fields are refused (but {@code source} and
 * {@code note}, which document an entry for people, are skipped everywhere), and every error names
 * the file and the entry, e.g. {@code policy-2022.1.json: rentRelief.years[0].reliefMonth: unknown
 * field}.
 */
final class PolicyJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          // keep 1.00 as written rather than normalising it to 1
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .defaultSetterInfo(JsonSetter.Value.construct(Nulls.FAIL, Nulls.FAIL))
          .addModule(
              new SimpleModule()
                  .addDeserializer(
                      LocalDate.class,
                      new FromText<>(LocalDate::parse, "must be a date YYYY-MM-DD"))
                  .addDeserializer(
                      ZoneId.class,
                      new FromText<>(ZoneId::of, "must be a time zone, e.g. Asia/Shanghai")))
          .addHandler(new DocumentationFields())
          .build();

  /** A location inside a message, e.g. a start marker's: "[Source: …; line: 2, column: 5]". */
  private static final Pattern SOURCE_LOCATION =
      Pattern.compile("\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)]");

  private PolicyJson() {}

  /** Reads a whole file and binds it to its record. */
  static <T> T load(String file, InputStream in, Class<T> type) {
    return bind(file, "", read(file, in), type);
  }

  private static JsonNode read(String file, InputStream in) {
    try (in) {
      final JsonNode node = MAPPER.readTree(in);
      if (node == null || node.isMissingNode()) {
        throw new PolicyException(file + ": empty file");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new PolicyException(file + ": not valid JSON" + where(e) + ": " + problem(e), e);
    } catch (IOException e) {
      throw new PolicyException(file + ": cannot be read: " + e.getMessage(), e);
    }
  }

  /** Where Jackson stopped, as a person counts: line and column, from 1. */
  private static String where(JsonProcessingException e) {
    final JsonLocation at = e.getLocation();
    return at == null || at.getLineNr() < 1
        ? ""
        : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
  }

  /**
   * Jackson's own words without its source descriptions: with the source left out of locations (it
   * would echo the file) they read "[Source: REDACTED (`StreamReadFeature...` disabled)".
   */
  private static String problem(JsonProcessingException e) {
    return SOURCE_LOCATION
        .matcher(e.getOriginalMessage().lines().findFirst().orElse(""))
        .replaceAll("line $1, column $2");
  }

  /**
   * Binds an entry of a file to its record.
   *
   * @param at the entry's path in the file ({@code rentRelief}), empty for the whole file
   * @throws PolicyException naming the file and the entry that does not bind or fails a check
   */
  static <T> T bind(String file, String at, JsonNode entry, Class<T> type) {
    try {
      return MAPPER.treeToValue(entry, type);
    } catch (UnrecognizedPropertyException e) {
      throw fail(file, at, e, "", "unknown field (expected one of " + known(e) + ")");
    } catch (InvalidNullException e) {
      throw fail(file, at, e, "", "is missing");
    } catch (ValueInstantiationException e) {
      // a record's constructor refused what was bound: its check says which field and why
      final Throwable cause = e.getCause() != null ? e.getCause() : e;
      final String field = cause instanceof PolicyChecks.Failure f ? f.field() : "";
      throw fail(file, at, e, field, cause.getMessage());
    } catch (JsonMappingException e) {
      throw fail(file, at, e, "", e.getOriginalMessage());
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PolicyException(file + ": " + (at.isEmpty() ? "" : at + ": ") + e.getMessage(), e);
    }
  }

  private static PolicyException fail(
      String file, String at, JsonMappingException e, String field, String problem) {
    final StringBuilder path = new StringBuilder(at);
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    if (!field.isEmpty()) {
      path.append(path.length() == 0 || field.startsWith("[") ? "" : ".").append(field);
    }
    return new PolicyException(file + ": " + (path.length() == 0 ? "" : path + ": ") + problem, e);
  }

  private static String known(UnrecognizedPropertyException e) {
    final TreeSet<String> names = new TreeSet<>();
    e.getKnownPropertyIds().forEach(id -> names.add(id.toString()));
    return String.join(", ", names);
  }

  /** {@code source} and {@code note} document an entry for people; the rules read neither. */
  private static final class DocumentationFields extends DeserializationProblemHandler {
    @Override
    public boolean handleUnknownProperty(
        DeserializationContext ctxt,
        JsonParser p,
        JsonDeserializer<?> deserializer,
        Object beanOrClass,
        String propertyName)
        throws IOException {
      if (!propertyName.equals("source") && !propertyName.equals("note")) {
        return false;
      }
      p.skipChildren();
      return true;
    }
  }

  /** A value written as text, e.g. a date; the message says what the text should be. */
  private static final class FromText<T> extends JsonDeserializer<T> {
    private final Function<String, T> parse;
    private final String expected;

    FromText(Function<String, T> parse, String expected) {
      this.parse = parse;
      this.expected = expected;
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      try {
        return parse.apply(p.getValueAsString());
      } catch (RuntimeException e) {
        throw JsonMappingException.from(p, expected + ", was " + p.getText(), e);
      }
    }
  }
}
