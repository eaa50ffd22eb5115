package cn.gxq.subsidy.app.streams;

import cn.gxq.subsidy.avro.Decision;
import cn.gxq.subsidy.avro.Totals;
import cn.gxq.subsidy.contract.DeadLetterCode;
import cn.gxq.subsidy.topology.PipelineObserver;
import java.util.List;
import java.util.function.Consumer;

/** Tells several observers in turn; one that throws does not keep the others from hearing. */
public final class ObserverChain implements PipelineObserver {

  private final List<PipelineObserver> observers;

  public ObserverChain(List<PipelineObserver> observers) {
    this.observers = List.copyOf(observers);
  }

  @Override
  public void decided(Decision decision) {
    tellEach(o -> o.decided(decision));
  }

  @Override
  public void deadLettered(DeadLetterCode code, String sourceTopic) {
    tellEach(o -> o.deadLettered(code, sourceTopic));
  }

  @Override
  public void totalsPublished(Totals totals) {
    tellEach(o -> o.totalsPublished(totals));
  }

  private void tellEach(Consumer<PipelineObserver> tell) {
    for (PipelineObserver o : observers) {
      try {
        tell.accept(o);
      } catch (RuntimeException e) {
        // an observer must never stop the pipeline
      }
    }
  }
}
