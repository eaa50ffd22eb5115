package cn.gxq.subsidy.programme.rddeduction;

/** Columns of the R&D super-deduction rate table. */
public enum RdEnterpriseKind {
  /** Main business in manufacturing (section C). */
  MANUFACTURING,
  /** Registered as a 科技型中小企业 in the tax year. */
  TECH_SME,
  /** Any other enterprise not in an excluded industry. */
  OTHER
}
