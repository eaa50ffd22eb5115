package cn.gxq.subsidy.policy;

/** What a size threshold of 工信部联企业〔2011〕300号 is measured on. */
public enum SizeMeasure {
  /** Employees. */
  STAFF,
  /** Operating revenue, yuan. */
  REVENUE,
  /** Total assets, yuan. */
  ASSETS
}
