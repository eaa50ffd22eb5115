package cn.gxq.subsidy.whatif;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.GroupNotEmptyException;

/**
 * Removes what an earlier what-if run of the same name left on the cluster: its {@code
 * whatif.NAME.} output topics, its {@code whatif.NAME-} internal topics and its consumer group
 * (offsets). Names are letters, digits and underscores only, so one run's prefixes never match
 * another's.
 */
final class WhatIfCleanup {

  private static final Duration DELETION = Duration.ofSeconds(60);

  private WhatIfCleanup() {}

  static List<String> deleteRun(Admin admin, String name)
      throws InterruptedException, ExecutionException {
    final String applicationId = WhatIfReplay.applicationId(name);
    // Asked first: deleting a group that never existed makes the broker log an ERROR (it tries
    // the share group of that name too), which an operator would take for a fault.
    final boolean groupExists =
        admin.listGroups().all().get().stream().anyMatch(g -> g.groupId().equals(applicationId));
    try {
      if (groupExists) {
        admin.deleteConsumerGroups(List.of(applicationId)).all().get();
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupNotEmptyException) {
        throw new IllegalStateException(
            "a what-if named "
                + name
                + " is still running, or was killed less than a session timeout (45 s) ago:"
                + " its consumer group has members",
            e);
      }
      if (!(e.getCause() instanceof GroupIdNotFoundException)) {
        throw e;
      }
    }
    final List<String> leftOver = leftOver(admin, applicationId);
    if (!leftOver.isEmpty()) {
      admin.deleteTopics(leftOver).all().get();
      // Deletion is asynchronous; a topic re-created before it is gone would be refused.
      final long deadline = System.nanoTime() + DELETION.toNanos();
      while (!leftOver(admin, applicationId).isEmpty()) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("topics of the earlier run still exist: " + leftOver);
        }
        Thread.sleep(200);
      }
    }
    return leftOver;
  }

  private static List<String> leftOver(Admin admin, String applicationId)
      throws InterruptedException, ExecutionException {
    final Set<String> names = admin.listTopics().names().get();
    return names.stream()
        .filter(t -> t.startsWith(applicationId + ".") || t.startsWith(applicationId + "-"))
        .sorted()
        .toList();
  }
}
