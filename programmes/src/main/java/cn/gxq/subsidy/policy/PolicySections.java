package cn.gxq.subsidy.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The programmes' sections of a policy file, each bound by its programme to its own records with
 * Jackson. A programme added to the catalogue brings its section, under {@code "programmes"}, and
 * its records; this file does not change. The first three programmes' sections sit at the top of
 * the file ({@code rentRelief}, {@code rdDeduction}, {@code innovationLoan}), where they were
 * before {@code "programmes"} existed.
 */
public final class PolicySections {

  private final String file;
  private final Map<String, JsonNode> programmes;
  private final Map<String, JsonNode> topLevel;

  PolicySections(String file, Map<String, JsonNode> programmes, Map<String, JsonNode> topLevel) {
    this.file = file;
    this.programmes = new TreeMap<>(programmes);
    this.topLevel = new TreeMap<>(topLevel);
  }

  /**
   * Binds one programme's section under {@code "programmes"} to its record type.
   *
   * @throws PolicyException naming the file and the entry when it is missing or does not bind
   */
  public <T> T bind(String name, Class<T> type) {
    return bind(programmes, "programmes." + name, name, type);
  }

  /**
   * Binds one programme's section at the top of the file to its record type.
   *
   * @throws PolicyException naming the file and the entry when it is missing or does not bind
   */
  public <T> T bindTopLevel(String name, Class<T> type) {
    return bind(topLevel, name, name, type);
  }

  private <T> T bind(Map<String, JsonNode> sections, String at, String name, Class<T> type) {
    final JsonNode section = sections.get(name);
    if (section == null) {
      throw new PolicyException(file + ": " + at + ": is missing");
    }
    return PolicyJson.bind(file, at, section, type);
  }

  /**
   * Refuses a section no programme claims: most likely a typo in its name.
   *
   * @param claimed the sections the catalogue's programmes bind
   */
  public void onlyClaimedBy(Set<String> claimed) {
    for (String name : programmes.keySet()) {
      requireClaimed(claimed, "programmes." + name, name);
    }
    for (String name : topLevel.keySet()) {
      requireClaimed(claimed, name, name);
    }
  }

  private void requireClaimed(Set<String> claimed, String at, String name) {
    if (!claimed.contains(name)) {
      throw new PolicyException(
          file
              + ": "
              + at
              + ": no programme of the catalogue reads this section; expected one of "
              + new TreeSet<>(claimed));
    }
  }
}
