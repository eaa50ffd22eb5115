package cn.gxq.subsidy.topology;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.contract.DeadLetterCode;

/**
 * Told what the pipeline emits, for metrics. Called on the stream thread, so it must be quick and
 * must not throw. Under exactly-once a retried transaction may report a record twice: good for
 * rates and gauges, never for accounting (the topics are the accounts).
 */
public interface PipelineObserver {

  PipelineObserver NONE = new PipelineObserver() {};

  default void decided(Decision decision) {}

  default void deadLettered(DeadLetterCode code, String sourceTopic) {}

  default void totalsPublished(Totals totals) {}
}
