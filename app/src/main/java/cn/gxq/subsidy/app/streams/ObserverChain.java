package cn.gxq.subsidy.app.streams;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.contract.DeadLetterCode;
import cn.gxq.subsidy.topology.PipelineObserver;
import java.util.List;

/** Tells several observers in turn; one that throws does not keep the others from hearing. */
public final class ObserverChain implements PipelineObserver {

  private final List<PipelineObserver> observers;

  public ObserverChain(List<PipelineObserver> observers) {
    this.observers = List.copyOf(observers);
  }

  @Override
  public void decided(Decision decision) {
    for (PipelineObserver o : observers) {
      try {
        o.decided(decision);
      } catch (RuntimeException e) {
        // an observer must never stop the pipeline
      }
    }
  }

  @Override
  public void deadLettered(DeadLetterCode code, String sourceTopic) {
    for (PipelineObserver o : observers) {
      try {
        o.deadLettered(code, sourceTopic);
      } catch (RuntimeException e) {
        // an observer must never stop the pipeline
      }
    }
  }

  @Override
  public void totalsPublished(Totals totals) {
    for (PipelineObserver o : observers) {
      try {
        o.totalsPublished(totals);
      } catch (RuntimeException e) {
        // an observer must never stop the pipeline
      }
    }
  }
}
