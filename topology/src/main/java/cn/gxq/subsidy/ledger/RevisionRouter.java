package cn.gxq.subsidy.ledger;

import cn.gxq.subsidy.avro.Reason;
import cn.gxq.subsidy.avro.internal.Assessment;
import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.avro.internal.Route;
import cn.gxq.subsidy.contract.BucketKey;
import cn.gxq.subsidy.rules.ReasonCode;
import cn.gxq.subsidy.rules.Registration;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Decides which bucket acts on an assessed revision, and settles claims, before the ledger sees it.
 *
 * <p>It runs where applications meet the registry, partitioned by credit code. Every claim names
 * its enterprise's credit code, so every contender for a claim passes through the same partition:
 * claims need no other owner. It also sees every revision of an application in order, so it alone
 * drops stale revisions and knows the bucket that holds the application now (its home). A revision
 * goes to that home first; the home settles it there or hands it over to its new bucket.
 */
public final class RevisionRouter {

  private static final BigDecimal ZERO = new BigDecimal("0.00");

  /** Details key naming the limit a {@link ReasonCode#CAPACITY_REACHED} decision met. */
  public static final String CAPACITY_LIMIT = "capacityLimit";

  /**
   * {@link #CAPACITY_LIMIT} of a registration series whose serials this partition has all drawn.
   */
  public static final String SERIES_FULL = "registrationSeries";

  private final RouteBook book;
  private final SerialSpace serials;

  /** A router that is the only partition of its input (a model of one task: tests, state costs). */
  public RevisionRouter(RouteBook book) {
    this(book, new SerialSpace(1, 0, Registration.MAX_SERIAL));
  }

  public RevisionRouter(RouteBook book, SerialSpace serials) {
    this.book = book;
    this.serials = serials;
  }

  /** A command and the bucket whose partition must receive it first. */
  public record Routing(BucketKey home, LedgerCommand command) {}

  /** The routing of a revision, or null when it is not above the last revision routed. */
  public Routing route(Proposal proposal) {
    final String id = proposal.getApplicationId();
    final Route last = book.route(id);
    if (last != null && proposal.getRevision() <= last.getRevision()) {
      return null; // a revision not above the last one seen changes nothing (contract)
    }
    final Proposal settled =
        numbered(settleClaim(proposal, last == null ? null : last.getClaimKey()), last);
    final BucketKey bucket = bucketOf(settled);
    final boolean holds = settled.getAssessment() == Assessment.ELIGIBLE;
    book.putRoute(
        id,
        new Route(
            settled.getRevision(),
            bucket.toString(),
            holds ? settled.getClaimKey() : null,
            holds ? settled.getDetails().get(Registration.NUMBER) : null));
    final BucketKey home = last == null ? bucket : BucketKey.parse(last.getBucket());
    return new Routing(
        home,
        LedgerCommand.newBuilder()
            .setCommand(settled)
            .setAfterRevision(last == null ? null : last.getRevision())
            .build());
  }

  public static BucketKey bucketOf(Proposal proposal) {
    return new BucketKey(proposal.getZone(), proposal.getProgramme(), proposal.getYear());
  }

  /**
   * Gives a recognition that holds its claim a registration number: the one its claim already has,
   * or the next of its series. The rules name the series; numbering needs the claim settled, and
   * only here is every claim of an enterprise seen. When this partition has drawn its whole share
   * of the series, the revision is rejected with {@link ReasonCode#CAPACITY_REACHED} and gives its
   * claim back: a decision, not a failure of the stream.
   */
  private Proposal numbered(Proposal proposal, Route last) {
    final Map<String, String> details = proposal.getDetails();
    final String series = details.get(Registration.SERIES);
    if (series == null) {
      return proposal;
    }
    final Map<String, String> out = new HashMap<>(details);
    out.remove(Registration.SERIES);
    if (proposal.getAssessment() != Assessment.ELIGIBLE) {
      return Proposal.newBuilder(proposal).setDetails(out).build();
    }
    final boolean kept =
        last != null
            && last.getRegistration() != null
            && last.getRegistration().startsWith(series)
            && proposal.getClaimKey().equals(last.getClaimKey());
    if (kept) {
      out.put(Registration.NUMBER, last.getRegistration());
      return Proposal.newBuilder(proposal).setDetails(out).build();
    }
    final OptionalInt serial = serials.serial(book.nextSerial(series));
    if (serial.isPresent()) {
      out.put(Registration.NUMBER, Registration.number(series, serial.getAsInt()));
      return Proposal.newBuilder(proposal).setDetails(out).build();
    }
    if (proposal.getApplicationId().equals(book.claimHolder(proposal.getClaimKey()))) {
      book.deleteClaim(proposal.getClaimKey());
    }
    out.put(CAPACITY_LIMIT, SERIES_FULL);
    final List<Reason> reasons = new ArrayList<>();
    reasons.add(
        new Reason(
            ReasonCode.CAPACITY_REACHED.name(),
            "not registered: registration series "
                + series
                + " is full on router partition "
                + serials.partition()
                + " (all "
                + serials.share()
                + " of its serials there are given; serials 1.."
                + serials.max()
                + " of a series are dealt out in turn over "
                + serials.partitions()
                + " partitions). The application was eligible, but the registration number's"
                + " six-digit serial has no number left for it here"));
    reasons.addAll(proposal.getReasons());
    return Proposal.newBuilder(proposal)
        .setAssessment(Assessment.REJECTED)
        .setEligibleAmount(ZERO)
        .setReasons(reasons)
        .setDetails(out)
        .build();
  }

  /**
   * Releases the claim the previous revision held unless this one keeps it, and takes the claim of
   * an eligible revision, or rejects it as a duplicate when another application holds it.
   */
  private Proposal settleClaim(Proposal proposal, String heldBefore) {
    final String id = proposal.getApplicationId();
    final boolean eligible = proposal.getAssessment() == Assessment.ELIGIBLE;
    final String wanted = proposal.getClaimKey();
    if (heldBefore != null && !(eligible && heldBefore.equals(wanted))) {
      if (id.equals(book.claimHolder(heldBefore))) {
        book.deleteClaim(heldBefore);
      }
    }
    if (!eligible) {
      return proposal;
    }
    if (Objects.equals(heldBefore, wanted)) {
      return proposal; // still ours
    }
    final String holder = book.claimHolder(wanted);
    if (holder == null) {
      book.putClaim(wanted, id);
      return proposal;
    }
    return Proposal.newBuilder(proposal)
        .setAssessment(Assessment.REJECTED)
        .setEligibleAmount(ZERO)
        .setReasons(
            List.of(
                new Reason(
                    ReasonCode.DUPLICATE_CLAIM.name(),
                    "application "
                        + holder
                        + " already claims this for the same enterprise and period ("
                        + wanted
                        + "); withdraw it or amend it instead of applying again")))
        .build();
  }
}
