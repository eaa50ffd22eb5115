package cn.gxq.subsidy.topology;

/** Names of the ledger's state stores; the HTTP API queries the public ones. */
public final class LedgerStores {

  /** Router, by credit code partition: application id → last revision, bucket and claim. */
  static final String ROUTES = "ledger-routes";

  /** Router: claim key → application id holding the claim. */
  static final String CLAIMS = "ledger-claims";

  /** Router: registration series (year + region digits) → serials this partition has drawn. */
  static final String REGISTRATIONS = "ledger-registrations";

  /** Bucket ledger: application id → what it holds in the bucket whose partition keeps it. */
  static final String HOLDINGS = "ledger-holdings";

  /** Bucket ledger: ZONE:PROGRAMME:YEAR → budget, counts and line bookkeeping. */
  public static final String BUCKETS = "ledger-buckets";

  /** Bucket ledger: BUCKET#AMOUNT#TICKET → application id of a waiting application. */
  static final String LINE = "ledger-line";

  /** Bucket ledger: APPLICATION#REVISION → a command waiting for that revision to arrive. */
  static final String PARKED = "ledger-parked";

  /** Zone totals as last reported, by zone bucket, for the ALL sums. */
  static final String ZONE_TOTALS = "totals-by-zone";

  /** ALL:PROGRAMME:YEAR → the sum over its zones. */
  public static final String ALL_TOTALS = "totals-all";

  /**
   * Application id → its current decision as the topic's bytes (the decisions topic as a table).
   */
  public static final String DECISIONS = "decisions-by-application";

  /** The registry, versioned by updatedAt. */
  public static final String ENTERPRISES = "enterprises";

  /** {@code ZONE:PROGRAMME:YEAR:DATE} → that bucket's {@code ControlTotals} of the day. */
  public static final String CONTROL_TOTALS = "control-totals";

  private LedgerStores() {}
}
