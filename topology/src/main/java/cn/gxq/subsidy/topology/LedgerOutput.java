package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Totals;

/** What the decision ledger emits: a decision, or a bucket's totals. Exactly one is set. */
record LedgerOutput(Decision decision, Totals totals) {

  static LedgerOutput of(Decision decision) {
    return new LedgerOutput(decision, null);
  }

  static LedgerOutput of(Totals totals) {
    return new LedgerOutput(null, totals);
  }
}
