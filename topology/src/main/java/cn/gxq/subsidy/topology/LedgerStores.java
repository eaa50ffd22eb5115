package cn.gxq.subsidy.topology;

/** Names of the decision ledger's state stores; the HTTP API queries the first. */
public final class LedgerStores {

  /** Application id → its current decision and holdings. Partitioned by programme. */
  public static final String APPLICATIONS = "ledger-applications";

  /** Claim key → application id holding the claim. */
  static final String CLAIMS = "ledger-claims";

  /** ZONE:PROGRAMME:YEAR → budget and counts. */
  public static final String BUCKETS = "ledger-buckets";

  /** BUCKET#TICKET → waitlisted application id. */
  static final String WAITLIST = "ledger-waitlist";

  /** Buckets whose totals changed since the last emission. */
  static final String PENDING_TOTALS = "ledger-pending-totals";

  /** The registry, versioned by updatedAt. */
  public static final String ENTERPRISES = "enterprises";

  private LedgerStores() {}
}
