package cn.gxq.subsidy.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a size threshold of 工信部联企业〔2011〕300号 is measured on; policy files name them in lower case.
 */
public enum SizeMeasure {
  /** Employees. */
  @JsonProperty("staff")
  STAFF,
  /** Operating revenue, yuan. */
  @JsonProperty("revenue")
  REVENUE,
  /** Total assets, yuan. */
  @JsonProperty("assets")
  ASSETS
}
