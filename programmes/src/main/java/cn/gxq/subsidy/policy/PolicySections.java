package cn.gxq.subsidy.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code "programmes"} object of a policy file: one section per programme, each bound by its
 * programme to its own records with Jackson. A programme added to the catalogue brings its section
 * and its records; this file does not change.
 */
public final class PolicySections {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();

  private final String file;
  private final Map<String, JsonNode> sections;

  PolicySections(String file, Map<String, JsonNode> sections) {
    this.file = file;
    this.sections = new TreeMap<>(sections);
  }

  public static PolicySections none(String file) {
    return new PolicySections(file, Map.of());
  }

  public Set<String> names() {
    return sections.keySet();
  }

  /**
   * Binds one programme's section to its record type.
   *
   * @throws PolicyException naming the file and the entry when it is missing or does not bind
   */
  public <T> T bind(String name, Class<T> type) {
    final JsonNode section = sections.get(name);
    final String at = file + ": programmes." + name;
    if (section == null) {
      throw new PolicyException(at + ": is missing");
    }
    try {
      return MAPPER.treeToValue(section, type);
    } catch (JsonMappingException e) {
      throw new PolicyException(at + path(e) + ": " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new PolicyException(at + ": " + e.getMessage(), e);
    }
  }

  /** Refuses a section no programme claims: most likely a typo in its name. */
  public void onlyClaimedBy(Set<String> claimed) {
    for (String name : sections.keySet()) {
      if (!claimed.contains(name)) {
        throw new PolicyException(
            file
                + ": programmes."
                + name
                + ": no programme of the catalogue reads this section; expected one of "
                + new TreeMap<>(claimed.stream().collect(Collectors.toMap(n -> n, n -> n)))
                    .keySet());
      }
    }
  }

  private static String path(JsonMappingException e) {
    final StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      path.append(
          ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
    }
    return path.toString();
  }
}
