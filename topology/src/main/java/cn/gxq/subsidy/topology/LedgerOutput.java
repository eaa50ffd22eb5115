package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.avro.internal.LedgerCommand;

/** What the bucket ledger emits: a decision, a bucket's totals, or a hand-over. One is set. */
record LedgerOutput(Decision decision, Totals totals, LedgerCommand handover) {

  static LedgerOutput of(Decision decision) {
    return new LedgerOutput(decision, null, null);
  }

  static LedgerOutput of(Totals totals) {
    return new LedgerOutput(null, totals, null);
  }

  static LedgerOutput of(LedgerCommand handover) {
    return new LedgerOutput(null, null, handover);
  }
}
