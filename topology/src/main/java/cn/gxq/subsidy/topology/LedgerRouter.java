package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.ledger.RevisionRouter;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Runs the {@link RevisionRouter} beside the registry join: re-keys each revision by its home. */
final class LedgerRouter implements Processor<String, Proposal, String, LedgerCommand> {

  private ProcessorContext<String, LedgerCommand> context;
  private RevisionRouter router;

  @Override
  public void init(ProcessorContext<String, LedgerCommand> context) {
    this.context = context;
    router =
        new RevisionRouter(
            new StoreRouteBook(
                context.getStateStore(LedgerStores.ROUTES),
                context.getStateStore(LedgerStores.CLAIMS),
                context.getStateStore(LedgerStores.REGISTRATIONS),
                context.taskId().partition()));
  }

  @Override
  public void process(Record<String, Proposal> record) {
    final RevisionRouter.Routing routing = router.route(record.value());
    if (routing != null) {
      context.forward(record.withKey(routing.home().toString()).withValue(routing.command()));
    }
  }
}
