package cn.gxq.subsidy.demo;

/** Enterprise size class of 工信部联企业〔2011〕300号, smallest first. */
public enum SizeClass {
  MICRO,
  SMALL,
  MEDIUM,
  LARGE;

  /** Small or micro: the rent-relief size test. */
  public boolean smallOrMicro() {
    return this == MICRO || this == SMALL;
  }
}
