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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every catalogue programme's rules under every policy version, built once. An application revision
 * is judged by the version in force on its {@code submittedAt} date in China Standard Time (domain,
 * "Policy versions"); a revision submitted before the first version's date is judged by the first.
 * Immutable and thread-safe.
 */
public final class Rulebook {

  /** Which version is in force on a day. */
  private final PolicyBook book;

  /** Each version's rules of every programme, by version name. */
  private final Map<String, Map<Programme, ProgrammeRules<?>>> versions = new HashMap<>();

  /** Judges each revision by the version of the book in force on its submission date. */
  public Rulebook(PolicyBook book) {
    this.book = book;
    for (String name : book.versions()) {
      versions.put(name, build(book.version(name)));
    }
  }

  /**
   * Judges every revision by one version, whatever its date: a candidate policy in a what-if, or a
   * test that pins its numbers.
   */
  public Rulebook(Policy policy) {
    this(PolicyBook.of(policy));
  }

  /** The bundled policy versions, each in force from its date. */
  public static Rulebook fromDefaultPolicy() {
    return new Rulebook(PolicyBook.loadDefault());
  }

  private static Map<Programme, ProgrammeRules<?>> build(Policy policy) {
    final Set<String> claimed =
        Catalogue.programmes().stream()
            .map(ProgrammeDefinition::policySection)
            .collect(Collectors.toSet());
    policy.programmes().onlyClaimedBy(claimed);
    final Map<Programme, ProgrammeRules<?>> rules = new EnumMap<>(Programme.class);
    for (ProgrammeDefinition<?> programme : Catalogue.programmes()) {
      rules.put(programme.programme(), programme.rules(policy));
    }
    return rules;
  }

  /** The newest version's name. */
  public String policyVersion() {
    return book.current().version();
  }

  /** The versions, oldest first, e.g. {@code 2022.1 from 2022-01-01}. */
  public List<String> versionsInForce() {
    return book.versions().stream()
        .map(book::version)
        .map(p -> p.version() + " from " + p.effectiveFrom())
        .toList();
  }

  /** A programme's rules under the newest version. */
  public ProgrammeRules<?> rulesFor(Programme programme) {
    return rules(versions.get(policyVersion()), programme);
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
    final Map<Programme, ProgrammeRules<?>> version =
        versionAt(ApplicationFields.submittedAt(application));
    return decide(rules(version, programme.programme()), application, enterpriseAsOfSubmission);
  }

  private Map<Programme, ProgrammeRules<?>> versionAt(Instant submittedAt) {
    final Policy current = book.current();
    if (submittedAt == null) {
      return versions.get(current.version()); // the rules reject it as invalid; any version says so
    }
    final LocalDate day = submittedAt.atZone(current.timeZone()).toLocalDate();
    return versions.get(book.inForceOn(day).version());
  }

  private static ProgrammeRules<?> rules(
      Map<Programme, ProgrammeRules<?>> version, Programme programme) {
    final ProgrammeRules<?> rules = version.get(programme);
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
