package cn.gxq.subsidy.policy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One version of the policy data: every number the rules decide by. What all programmes share is
 * here; each programme binds its own section from {@link #programmes()}.
 *
 * @param version e.g. {@code 2022.1}
 * @param timeZone zone in which calendar questions are answered (Asia/Shanghai)
 * @param enterprise enterprise facts shared by programmes
 * @param sizeBands the 工信部联企业〔2011〕300号 table, first match wins, {@code *} last
 * @param effectiveFrom the first day decisions may be made under this version
 * @param sources the policy documents this version's numbers come from
 * @param programmes the sections programmes of the catalogue bind for themselves
 */
public record Policy(
    String version,
    ZoneId timeZone,
    EnterprisePolicy enterprise,
    List<SizeBand> sizeBands,
    LocalDate effectiveFrom,
    List<String> sources,
    PolicySections programmes) {
  public Policy {
    sizeBands = List.copyOf(sizeBands);
    sources = List.copyOf(sources);
  }
}
