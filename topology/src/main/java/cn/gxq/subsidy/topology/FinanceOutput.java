package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.ControlTotals;
import cn.gxq.subsidy.avro.Movement;
import cn.gxq.subsidy.contract.DeadLetter;

/** One thing the finance step emits: a movement, a day's control totals to add, or a refusal. */
record FinanceOutput(Movement movement, ControlTotals controlDelta, DeadLetter deadLetter) {

  static FinanceOutput of(Movement movement) {
    return new FinanceOutput(movement, null, null);
  }

  static FinanceOutput of(ControlTotals delta) {
    return new FinanceOutput(null, delta, null);
  }

  static FinanceOutput of(DeadLetter letter) {
    return new FinanceOutput(null, null, letter);
  }
}
