package cn.gxq.subsidy.app.people;

import static cn.gxq.subsidy.app.people.PersonRole.ANALYST;
import static cn.gxq.subsidy.app.people.PersonRole.AUDITOR;
import static cn.gxq.subsidy.app.people.PersonRole.FINANCE;
import static cn.gxq.subsidy.app.people.PersonRole.OFFICER;
import static cn.gxq.subsidy.app.people.PersonRole.OPERATOR;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a route reads, and so who may read it (contract, "HTTP API"). The table is here, once; each
 * route of the API names its reading.
 */
public enum Reading {
  /** Health, the dashboard's files, programmes, policy versions, aggregate totals, signing in. */
  OPEN(Set.of(), false),
  /** One enterprise's application or its history: logged; an officer only of their zones. */
  APPLICATION(EnumSet.of(OFFICER, FINANCE, AUDITOR), true),
  /** The latest decisions and the live events: an officer sees only their zones'. */
  DECISIONS(EnumSet.of(OFFICER, FINANCE, AUDITOR), false),
  /** Finance's control totals. */
  RECONCILIATION(EnumSet.of(FINANCE, AUDITOR), false),
  /** A what-if's changes, enterprise by enterprise: logged. */
  WHATIF(EnumSet.of(ANALYST, AUDITOR), true),
  /** The Prometheus metrics. */
  METRICS(EnumSet.of(OPERATOR, AUDITOR), false),
  /** Who read what. */
  ACCESS_LOG(EnumSet.of(AUDITOR), false);

  private final Set<PersonRole> roles;
  private final boolean logged;

  Reading(Set<PersonRole> roles, boolean logged) {
    this.roles = roles;
    this.logged = logged;
  }

  boolean isOpen() {
    return roles.isEmpty();
  }

  boolean allows(PersonRole role) {
    return roles.contains(role);
  }

  /** Whether every read is recorded in the access log (an enterprise-level resource). */
  boolean logged() {
    return logged;
  }

  /** The roles that may read it, as people name them. */
  public Set<PersonRole> roles() {
    return roles;
  }
}
