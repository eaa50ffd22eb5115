package cn.gxq.subsidy.app.security;

/** Who may touch what, when security is on (README, "Security"). */
public enum Role {
  /** Government systems: write the registry, budgets and applications. */
  PUBLISHER,
  /** Finance services: read decisions and totals, with consumer groups named finance-…. */
  FINANCE,
  /** Operators: read every topic of the platform, with consumer groups named operator-…. */
  OPERATOR,
  /** The decision application itself: its inputs, outputs, internal topics, group, transactions. */
  APPLICATION,
  /** The local schema registry: its _schemas topic. */
  REGISTRY,
  /** Policy analysts running what-if replays: read the inputs, write only whatif.… topics. */
  ANALYST,
  /** Auditors: read every topic of the platform and, alone, the access log; groups auditor-…. */
  AUDITOR
}
