package cn.gxq.subsidy.app.http;

import cn.gxq.subsidy.contract.MoneyKind;
import cn.gxq.subsidy.programme.Catalogue;
import java.util.List;

/**
 * The programmes the dashboard lists ({@code GET /programmes}), from the catalogue, with the kind
 * of money each gives: unlike kinds (cash, tax deductions, loans, recognitions) are never added up.
 */
final class ProgrammeListing {

  /** One programme as the dashboard shows it. */
  record Listed(String code, String nameZh, String nameEn, MoneyKind moneyKind) {}

  static final List<Listed> PROGRAMMES =
      Catalogue.programmes().stream()
          .map(p -> new Listed(p.programme().name(), p.nameZh(), p.nameEn(), p.moneyKind()))
          .toList();

  private ProgrammeListing() {}
}
