package cn.gxq.subsidy.policy;

import com.fasterxml.jackson.databind.JsonNode;
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

  private final String file;
  private final Map<String, JsonNode> sections;

  PolicySections(String file, Map<String, JsonNode> sections) {
    this.file = file;
    this.sections = new TreeMap<>(sections);
  }

  /**
   * Binds one programme's section to its record type.
   *
   * @throws PolicyException naming the file and the entry when it is missing or does not bind
   */
  public <T> T bind(String name, Class<T> type) {
    final JsonNode section = sections.get(name);
    if (section == null) {
      throw new PolicyException(file + ": programmes." + name + ": is missing");
    }
    return PolicyJson.bind(file, "programmes." + name, section, type);
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
}
