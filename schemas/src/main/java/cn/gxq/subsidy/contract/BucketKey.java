package cn.gxq.subsidy.contract;

import cn.gxq.subsidy.avro.Budget;
import cn.gxq.subsidy.avro.Programme;

/**
 * A budget bucket, {@code ZONE:PROGRAMME:YEAR}: the unit that owns a budget, a line and counts, and
 * the key the ledger is partitioned by. Zone {@code ALL} is the sum over a programme's zones.
 */
public record BucketKey(String zone, Programme programme, int year) {

  public static final String ALL = "ALL";

  /** Zone of an application whose enterprise was not registered at submission. */
  public static final String UNKNOWN_ZONE = "UNKNOWN";

  public BucketKey {
    if (zone == null || zone.isBlank()) {
      zone = UNKNOWN_ZONE;
    }
  }

  /** The bucket a budget record allots. */
  public static BucketKey of(Budget budget) {
    return new BucketKey(budget.getZone(), budget.getProgramme(), budget.getYear());
  }

  /** Parses {@code ZONE:PROGRAMME:YEAR}; the error names what was wrong. */
  public static BucketKey parse(String key) {
    final String[] parts = key.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("bucket '" + key + "' is not ZONE:PROGRAMME:YEAR");
    }
    try {
      return new BucketKey(parts[0], Programme.valueOf(parts[1]), Integer.parseInt(parts[2]));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "bucket '" + key + "' is not ZONE:PROGRAMME:YEAR: " + e.getMessage(), e);
    }
  }

  /** The bucket that sums this one's programme and year over all zones. */
  public BucketKey all() {
    return new BucketKey(ALL, programme, year);
  }

  @Override
  public String toString() {
    return zone + ":" + programme.name() + ":" + year;
  }
}
