package cn.gxq.subsidy.policy;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The layout of a policy file as Jackson binds it; {@link #policy} makes it the {@link Policy} the
 * rules read. Its {@code title}, {@code note} and {@code source} are for people. Any other
 * top-level entry is a programme's section (the first programmes' sections sit there, e.g. {@code
 * rentRelief}), left for the programme to bind; one that no programme claims is refused when the
 * rules are built.
 */
@JsonIgnoreProperties({"title", "note", "source"})
record PolicyFile(
    String version,
    LocalDate effectiveFrom,
    List<String> sources,
    Calendar calendar,
    EnterprisePolicy enterprise,
    SizeClasses sizeClasses,
    @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, JsonNode> programmes,
    @JsonAnySetter @JsonSetter(nulls = Nulls.AS_EMPTY) Map<String, JsonNode> topLevel) {

  /**
   * Any name a person would give a version or a draft ({@code 2022.1}, {@code 2022.1-draft}, {@code
   * 2023.1 草案}): it names the version in decisions and, for a version of the book, its file.
   * Versions are ordered by {@code effectiveFrom}, never by their names.
   */
  private static final Pattern VERSION =
      Pattern.compile("[^\\p{Cntrl}/\\\\\\s][^\\p{Cntrl}/\\\\]{0,63}");

  PolicyFile {
    if (version == null
        || !VERSION.matcher(version).matches()
        || !version.equals(version.strip())) {
      throw PolicyChecks.invalid(
          "version",
          "must be a name of 1 to 64 characters without / or \\, control characters or spaces at"
              + " either end, e.g. 2022.1 or 2022.1-draft, was "
              + (version == null ? "missing" : "'" + version + "'"));
    }
  }

  /**
   * @param timeZone where calendar questions are answered
   */
  record Calendar(ZoneId timeZone) {}

  /** The size table: first match wins, so the catch-all {@code *} band must come last. */
  record SizeClasses(List<SizeBand> bands) {
    SizeClasses {
      for (int i = 0; i < bands.size(); i++) {
        final boolean catchAll =
            bands.get(i).industries().stream().anyMatch(p -> p.kind() == IndustryPattern.Kind.ANY);
        final boolean last = i == bands.size() - 1;
        if (catchAll && !last) {
          throw PolicyChecks.invalid(
              "bands[" + i + "]", "\"*\" (all others) must be the last band");
        }
        if (last && !catchAll) {
          throw PolicyChecks.invalid(
              "bands[" + i + "].industries", "the last band must be \"*\" (all others)");
        }
      }
    }
  }

  Policy policy(String file) {
    return new Policy(
        version,
        calendar.timeZone(),
        enterprise,
        sizeClasses.bands(),
        effectiveFrom,
        sources,
        new PolicySections(file, programmes, topLevel));
  }
}
