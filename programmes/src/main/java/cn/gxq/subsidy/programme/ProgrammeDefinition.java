package cn.gxq.subsidy.programme;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.contract.ApplicationKind;
import cn.gxq.subsidy.contract.MoneyKind;
import cn.gxq.subsidy.policy.Policy;
import cn.gxq.subsidy.rules.ProgrammeRules;
import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * Everything the platform needs to know of one programme, in one place: its contract (code, record,
 * topic slug, kind of money, names) and how to build its rules from a policy version. The {@link
 * Catalogue} lists one per programme; nothing else names programmes one by one.
 *
 * @param policySection the name of its section in a policy file: under {@code "programmes"}, or at
 *     the file's top level for the first three programmes
 */
public record ProgrammeDefinition<A extends SpecificRecord>(
    Programme programme,
    String slug,
    Class<A> recordClass,
    MoneyKind moneyKind,
    String nameZh,
    String nameEn,
    String policySection,
    Function<Policy, ? extends ProgrammeRules<A>> rulesOf)
    implements ApplicationKind {

  public ProgrammeDefinition {
    Objects.requireNonNull(programme, "programme");
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(recordClass, "recordClass");
    Objects.requireNonNull(moneyKind, "moneyKind");
    Objects.requireNonNull(policySection, "policySection");
    Objects.requireNonNull(rulesOf, "rulesOf");
  }

  /** This programme's rules under one policy version. */
  public ProgrammeRules<A> rules(Policy policy) {
    return rulesOf.apply(policy);
  }
}
