package cn.gxq.subsidy.archfixture.connectors.avro;

import cn.gxq.subsidy.programme.Catalogue;

/**
 * Deliberately wrong, for the connectors' ArchitectureTest: converter code using the catalogue,
 * which its plugin folder does not ship.
 */
public final class CatalogueConverter {

  public String topicSlug(String programmeCode) {
    return Catalogue.named(programmeCode).orElseThrow().slug();
  }
}
