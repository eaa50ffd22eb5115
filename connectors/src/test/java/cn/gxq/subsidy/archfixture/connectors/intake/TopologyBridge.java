package cn.gxq.subsidy.archfixture.connectors.intake;

import cn.gxq.subsidy.topology.SubsidySerdes;

/**
 * Deliberately wrong, for the connectors' ArchitectureTest: an edge using the decision pipeline.
 */
public final class TopologyBridge {

  public Class<?> serdes() {
    return SubsidySerdes.class;
  }
}
