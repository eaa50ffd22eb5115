package cn.gxq.subsidy.programme;

import cn.gxq.subsidy.avro.Programme;
import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.programme.innovationloan.InnovationLoan;
import cn.gxq.subsidy.programme.rddeduction.RdDeduction;
import cn.gxq.subsidy.programme.rentrelief.RentRelief;
import cn.gxq.subsidy.programme.techsme.TechSmeEvaluation;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;

/**
 * The programmes this platform decides, in one list. Topics, serdes, the rulebook, {@code
 * produce}/{@code consume}, the HTTP API, the dashboard, the demo and the connectors all iterate
 * it: adding a programme is adding its package and one line here.
 */
public final class Catalogue {

  private static final List<ProgrammeDefinition<?>> PROGRAMMES =
      List.of(
          RentRelief.PROGRAMME,
          RdDeduction.PROGRAMME,
          InnovationLoan.PROGRAMME,
          TechSmeEvaluation.PROGRAMME);

  private static final List<RecordKind> RECORD_KINDS = RecordKind.table(PROGRAMMES);

  /** What may be published to the platform: the government's inputs, then finance's. */
  private static final List<RecordKind> PUBLISHED_KINDS =
      Stream.concat(RECORD_KINDS.stream(), Stream.of(RecordKind.SETTLEMENT)).toList();

  private Catalogue() {}

  public static List<ProgrammeDefinition<?>> programmes() {
    return PROGRAMMES;
  }

  /** Every input record kind: the registry, budgets, then each programme's applications. */
  public static List<RecordKind> recordKinds() {
    return RECORD_KINDS;
  }

  /** Every record kind that may be published: {@link #recordKinds}, then finance's settlements. */
  public static List<RecordKind> publishedKinds() {
    return PUBLISHED_KINDS;
  }

  /**
   * The record kind of a name: a government input ({@code enterprise}, {@code budget}, a
   * programme's slug) or finance's {@code settlement}.
   *
   * @throws IllegalArgumentException naming the kinds there are
   */
  public static RecordKind recordKind(String name) {
    return RecordKind.named(PUBLISHED_KINDS, name);
  }

  /** The programme of a code, empty for a code this build does not know (e.g. UNKNOWN). */
  public static Optional<ProgrammeDefinition<?>> find(Programme code) {
    return PROGRAMMES.stream().filter(p -> p.programme() == code).findFirst();
  }

  /**
   * The programme of a code.
   *
   * @throws IllegalArgumentException for a code this build does not decide
   */
  public static ProgrammeDefinition<?> of(Programme code) {
    return find(code)
        .orElseThrow(
            () -> new IllegalArgumentException("programme " + code + " is not decided here"));
  }

  /** The programme whose applications use this code's name, e.g. {@code RENT_RELIEF}. */
  public static Optional<ProgrammeDefinition<?>> named(String code) {
    return PROGRAMMES.stream().filter(p -> p.programme().name().equals(code)).findFirst();
  }

  /**
   * The programme an application record belongs to.
   *
   * @throws IllegalArgumentException for a record that is no programme's application
   */
  public static ProgrammeDefinition<?> of(SpecificRecord application) {
    if (application != null) {
      for (ProgrammeDefinition<?> p : PROGRAMMES) {
        if (p.recordClass().isInstance(application)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(
        "not an application: " + (application == null ? "null" : application.getClass().getName()));
  }
}
