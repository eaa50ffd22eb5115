package cn.gxq.subsidy.policy;

/** Enterprise size classes of 工信部联企业〔2011〕300号, largest first. */
public enum SizeClass {
  LARGE,
  MEDIUM,
  SMALL,
  MICRO
}
