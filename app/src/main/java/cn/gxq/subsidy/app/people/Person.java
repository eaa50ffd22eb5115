package cn.gxq.subsidy.app.people;

import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Who asks: a signed-in person with their roles and (for an officer) zones, another instance of the
 * application asking on a caller's behalf, or nobody.
 *
 * @param via how they signed in: {@code local} (the users file), {@code oidc} (the identity
 *     provider), {@code instance} (a peer), {@code open} (security off) or {@code none}
 */
public record Person(String name, Set<PersonRole> roles, SortedSet<String> zones, String via) {

  static final String INSTANCE = "instance";

  /** Nobody signed in, with security on: may read only what is open. */
  public static final Person NOBODY = new Person("anonymous", Set.of(), new TreeSet<>(), "none");

  /** Anyone, with security off: the embedded default is open and says so. */
  public static final Person ANYONE =
      new Person("anonymous", EnumSet.allOf(PersonRole.class), new TreeSet<>(), "open");

  public Person {
    roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    zones = new TreeSet<>(zones);
  }

  /** Another instance, asking for what its caller (already let through there) may read. */
  static Person instance(String name) {
    return new Person(name, EnumSet.allOf(PersonRole.class), new TreeSet<>(), INSTANCE);
  }

  boolean signedIn() {
    return !roles.isEmpty();
  }

  boolean isInstance() {
    return INSTANCE.equals(via);
  }

  /** Finance and auditors see every zone's applications. */
  public boolean seesEveryZone() {
    return roles.contains(PersonRole.FINANCE) || roles.contains(PersonRole.AUDITOR);
  }

  /** Whether any of this person's roles may read it. */
  public boolean may(Reading reading) {
    return reading.isOpen() || roles.stream().anyMatch(reading::allows);
  }

  /**
   * Whether this person may see an application of {@code zone}: finance and auditors see every
   * zone, an officer only their own (never an application of no known zone).
   */
  public boolean seesZone(String zone) {
    if (seesEveryZone()) {
      return true;
    }
    return zone != null && roles.contains(PersonRole.OFFICER) && zones.contains(zone);
  }
}
