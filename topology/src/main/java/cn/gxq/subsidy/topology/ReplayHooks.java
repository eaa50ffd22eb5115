package cn.gxq.subsidy.topology;

/**
 * What a what-if replay changes in the decision topology, and nothing else does: the registry
 * version each revision meets, and gates that keep live's order before the router and the ledger.
 * Typed hooks, so that no replay code names a processor or reaches into the topology otherwise.
 *
 * @param registryPins which registry version each revision meets (see {@link RegistryPins})
 * @param gates gates before the router and the ledger (see {@link ArrivalGates})
 */
public record ReplayHooks(RegistryPins registryPins, ArrivalGates gates) {

  /** Live: the registry as of each submission, and no gates. */
  public static final ReplayHooks LIVE = new ReplayHooks(RegistryPins.NONE, ArrivalGates.NONE);
}
