package cn.gxq.subsidy.archfixture.connectors.intake;

import cn.gxq.subsidy.broker.EmbeddedKafkaBroker;

/**
 * Deliberately wrong, for the connectors' ArchitectureTest: an edge starting the embedded broker (a
 * test tool of this module, like the app and the topology it brings).
 */
public final class BrokerBridge {

  public EmbeddedKafkaBroker broker() {
    return EmbeddedKafkaBroker.builder().temporaryDataDir().port(0).build();
  }
}
