package cn.gxq.subsidy.connectors.intake;

import cn.gxq.subsidy.contract.RecordKind;
import cn.gxq.subsidy.contract.Topics;

/**
 * Where the government outbox's records land before validation: one topic per record kind, named by
 * the outbox's {@code aggregatetype}, which is the kind's name ({@code rent-relief}, {@code
 * budget}, …).
 */
final class IntakeTopics {

  private IntakeTopics() {}

  /**
   * The topic the source connector writes a kind to: {@code subsidy.intake.<kind>.v1}, the outbox
   * router's {@code subsidy.intake.${routedByValue}.v1}.
   */
  static String of(Topics topics, RecordKind kind) {
    return topics.prefix() + "subsidy.intake." + kind.name() + ".v1";
  }
}
