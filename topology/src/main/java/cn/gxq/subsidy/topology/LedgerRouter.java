package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.internal.LedgerCommand;
import cn.gxq.subsidy.avro.internal.Proposal;
import cn.gxq.subsidy.ledger.RevisionRouter;
import cn.gxq.subsidy.ledger.SerialSpace;
import cn.gxq.subsidy.rules.Registration;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Runs the {@link RevisionRouter} beside the registry join: re-keys each revision by its home.
 *
 * <p>Registration serials are dealt out over the router's partitions ({@link SerialSpace}), so the
 * router must know how many there are: Kafka Streams does not tell a processor, so it is the
 * setting {@link TopologySettings#ROUTER_PARTITIONS_CONFIG}, which {@code run} sets to the registry
 * topic's partition count (the router's input is co-partitioned with it). Without the setting
 * serials are dealt over {@link TopologySettings#DEFAULT_ROUTER_PARTITIONS}: unique for any count
 * up to that, each partition's share then 1/100 of the space. A setting below the real count stops
 * the task whose partition is beyond it at start-up, before it numbers anything.
 */
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
                context.getStateStore(LedgerStores.REGISTRATIONS)),
            new SerialSpace(
                TopologySettings.routerPartitions(context.appConfigs()),
                context.taskId().partition(),
                Registration.MAX_SERIAL));
  }

  @Override
  public void process(Record<String, Proposal> record) {
    final RevisionRouter.Routing routing = router.route(record.value());
    if (routing != null) {
      context.forward(record.withKey(routing.home().toString()).withValue(routing.command()));
    }
  }
}
