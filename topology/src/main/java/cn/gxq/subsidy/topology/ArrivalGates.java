package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import org.apache.kafka.streams.processor.api.Processor;

/**
 * Where a what-if replay stands before the two steps whose order of meeting records decides
 * competition (see {@link ArrivalJournal}): the router and the bucket ledger. Live passes records
 * straight on ({@link #NONE}); a replay puts a gate before each that hands it its records in the
 * order live met them.
 */
public interface ArrivalGates {

  /** No gate: each step meets records as they come. */
  ArrivalGates NONE =
      new ArrivalGates() {
        @Override
        public <KO, VO> Processor<String, Proposal, KO, VO> beforeRouter(
            Processor<String, Proposal, KO, VO> router) {
          return router;
        }

        @Override
        public <KO, VO> Processor<String, LedgerCommand, KO, VO> beforeLedger(
            Processor<String, LedgerCommand, KO, VO> ledger) {
          return ledger;
        }
      };

  /** The router (keyed by credit code), or a gate before it. */
  <KO, VO> Processor<String, Proposal, KO, VO> beforeRouter(
      Processor<String, Proposal, KO, VO> router);

  /** The bucket ledger (keyed by bucket), or a gate before it. */
  <KO, VO> Processor<String, LedgerCommand, KO, VO> beforeLedger(
      Processor<String, LedgerCommand, KO, VO> ledger);
}
