package cn.gxq.subsidy.programme;

import cn.gxq.subsidy.avro.Enterprise;
import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.contract.ApplicationFields;
import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.policy.PolicyBook;
import cn.gxq.subsidy.rules.Outcome;
import cn.gxq.subsidy.rules.ProgrammeRules;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every catalogue programme's rules under every policy version, built once. An application revision
 * is judged by the version in force on its {@code submittedAt} date in China Standard Time (domain,
 * "Policy versions"); a revision submitted before the first version's date is judged by the first.
 * Immutable and thread-safe.
 */
public final class Rulebook {

  /** Versions by the date they take effect. */
  private final NavigableMap<LocalDate, Version> byDate = new TreeMap<>();

  private record Version(Policy policy, Map<Programme, ProgrammeRules<?>> rules) {}

  /** Judges each revision by the version of the book in force on its submission date. */
  public Rulebook(PolicyBook book) {
    for (String name : book.versions()) {
      final Policy policy = book.version(name);
      byDate.put(policy.effectiveFrom(), build(policy));
    }
  }

  /**
   * Judges every revision by one version, whatever its date: a candidate policy in a what-if, or a
   * test that pins its numbers.
   */
  public Rulebook(Policy policy) {
    byDate.put(LocalDate.MIN, build(policy));
  }

  /** The bundled policy versions, each in force from its date. */
  public static Rulebook fromDefaultPolicy() {
    return new Rulebook(PolicyBook.loadDefault());
  }

  private static Version build(Policy policy) {
    final Set<String> claimed =
        Catalogue.programmes().stream()
            .map(ProgrammeDefinition::policySection)
            .collect(Collectors.toSet());
    policy.programmes().onlyClaimedBy(claimed);
    final Map<Programme, ProgrammeRules<?>> rules = new EnumMap<>(Programme.class);
    for (ProgrammeDefinition<?> programme : Catalogue.programmes()) {
      rules.put(programme.programme(), programme.rules(policy));
    }
    return new Version(policy, rules);
  }

  /** The newest version's name. */
  public String policyVersion() {
    return byDate.lastEntry().getValue().policy().version();
  }

  /** The versions, oldest first, e.g. {@code 2022.1 from 2022-01-01}. */
  public List<String> versionsInForce() {
    return byDate.values().stream()
        .map(v -> v.policy().version() + " from " + v.policy().effectiveFrom())
        .toList();
  }

  /** A programme's rules under the newest version. */
  public ProgrammeRules<?> rulesFor(Programme programme) {
    return rules(byDate.lastEntry().getValue(), programme);
  }

  /**
   * Decides an application of any programme by its programme's rules under the version in force on
   * its submission date.
   *
   * @param enterpriseAsOfSubmission the registry entry as it stood at the application's
   *     submittedAt, or null when not registered then
   * @throws IllegalArgumentException for a record that is no programme's application
   */
  public Outcome decide(SpecificRecord application, Enterprise enterpriseAsOfSubmission) {
    final ProgrammeDefinition<?> programme = Catalogue.of(application);
    final Version version = versionAt(ApplicationFields.submittedAt(application));
    return decide(rules(version, programme.programme()), application, enterpriseAsOfSubmission);
  }

  private Version versionAt(Instant submittedAt) {
    if (submittedAt == null) {
      return byDate.lastEntry().getValue(); // the rules reject it as invalid; any version says so
    }
    final Version first = byDate.firstEntry().getValue();
    final LocalDate day = submittedAt.atZone(first.policy().timeZone()).toLocalDate();
    final Map.Entry<LocalDate, Version> inForce = byDate.floorEntry(day);
    return inForce == null ? first : inForce.getValue();
  }

  private static ProgrammeRules<?> rules(Version version, Programme programme) {
    final ProgrammeRules<?> rules = version.rules().get(programme);
    if (rules == null) {
      throw new IllegalArgumentException("programme " + programme + " is not decided here");
    }
    return rules;
  }

  @SuppressWarnings("unchecked")
  private static <A extends SpecificRecord> Outcome decide(
      ProgrammeRules<A> rules, SpecificRecord application, Enterprise enterprise) {
    return rules.decide((A) application, enterprise);
  }
}
