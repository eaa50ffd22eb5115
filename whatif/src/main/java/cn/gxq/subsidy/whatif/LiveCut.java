package cn.gxq.subsidy.whatif;

import cn.gxq.subsidy.contract.Topics;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;

/**
 * Where live stood when a what-if began: the end of its decisions topic and of its arrival journal
 * (null when it has none), taken together.
 *
 * <p>The ledger writes a command's journal entry in the transaction that writes the decisions it
 * led to. So when the journal's ends are the same just before and just after the decisions' ends
 * are read, no ledger transaction committed in between, and the decisions up to their ends are
 * exactly those of the commands the journal names. Live goes on deciding meanwhile; a decision
 * beyond the cut (say an approval from the waitlist freed by a withdrawal published later) is not
 * compared.
 */
record LiveCut(Map<TopicPartition, Long> decisions, Map<TopicPartition, Long> journal) {

  private static final int ATTEMPTS = 50;
  private static final long PAUSE_MS = 20;

  /**
   * Takes the cut; {@code consistent} says whether the journal stood still around the decisions
   * (under heavy load it may move in every attempt, and the last one is taken).
   */
  static Taken take(Admin admin, Topics live, boolean hasJournal)
      throws InterruptedException, ExecutionException {
    final List<String> decisions = List.of(live.decisions());
    if (!hasJournal) {
      return new Taken(new LiveCut(InputSnapshot.take(admin, decisions).ends(), null), true);
    }
    final List<String> journal = List.of(live.arrivals());
    LiveCut cut = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      final Map<TopicPartition, Long> before = InputSnapshot.take(admin, journal).ends();
      final Map<TopicPartition, Long> decided = InputSnapshot.take(admin, decisions).ends();
      final Map<TopicPartition, Long> after = InputSnapshot.take(admin, journal).ends();
      cut = new LiveCut(decided, before);
      if (before.equals(after)) {
        return new Taken(cut, true);
      }
      Thread.sleep(PAUSE_MS);
    }
    return new Taken(cut, false);
  }

  /** A cut, and whether it is exact. */
  record Taken(LiveCut cut, boolean consistent) {}
}
