package cn.gxq.subsidy.whatif;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Puts items back into an order recorded earlier, by identity: an item the order names is held
 * until every item named before it has been let through; an item it does not name is held until all
 * it names have been. Two items of the same identity are interchangeable.
 *
 * @param <T> the items, with their identities given beside them
 */
final class OrderBuffer<T> {

  private final ArrayDeque<String> order;

  /** How many times each identity is still named in {@link #order}. */
  private final Map<String, Integer> named = new HashMap<>();

  private final Map<String, ArrayDeque<T>> held = new HashMap<>();

  /** Named items known not to come here: each is skipped when the order reaches it. */
  private final Map<String, Integer> gone = new HashMap<>();

  private final ArrayDeque<T> unnamed = new ArrayDeque<>();
  private int heldCount;

  OrderBuffer(ArrayDeque<String> order) {
    this.order = order;
    for (String identity : order) {
      named.merge(identity, 1, Integer::sum);
    }
  }

  /** Takes one item and lets through, in order, every item that may go now. */
  void offer(String identity, T item, Consumer<T> through) {
    if (order.isEmpty() && unnamed.isEmpty()) {
      through.accept(item);
      return;
    }
    final ArrayDeque<T> waiting = held.get(identity);
    if (named.getOrDefault(identity, 0) > (waiting == null ? 0 : waiting.size())) {
      held.computeIfAbsent(identity, i -> new ArrayDeque<>()).add(item);
    } else {
      unnamed.add(item);
    }
    heldCount++;
    release(through);
  }

  /**
   * Gives up on the named items that have not come (they never will) and lets everything held
   * through, still in order. Returns how many named items were skipped.
   */
  int skipMissing(Consumer<T> through) {
    int skipped = 0;
    do {
      while (!order.isEmpty() && !held.containsKey(order.peek())) {
        final String head = order.poll();
        forget(head);
        if (!takeGone(head)) {
          skipped++;
        }
      }
      release(through);
    } while (!held.isEmpty());
    return skipped;
  }

  /** Whether the order still names {@code identity}. */
  boolean names(String identity) {
    return named.containsKey(identity);
  }

  /**
   * Notes that a named item will not come here after all (it went elsewhere); the order goes on
   * without it once it reaches it.
   */
  void gone(String identity, Consumer<T> through) {
    if (names(identity)) {
      gone.merge(identity, 1, Integer::sum);
      release(through);
    }
  }

  /** Items waiting. */
  int held() {
    return heldCount;
  }

  private void release(Consumer<T> through) {
    while (!order.isEmpty()) {
      final String head = order.peek();
      final ArrayDeque<T> waiting = held.get(head);
      if (waiting == null) {
        if (!takeGone(head)) {
          return;
        }
        order.poll();
        forget(head);
        continue;
      }
      final T item = waiting.poll();
      if (waiting.isEmpty()) {
        held.remove(head);
      }
      order.poll();
      forget(head);
      heldCount--;
      through.accept(item);
    }
    final List<T> rest = new ArrayList<>(unnamed);
    unnamed.clear();
    heldCount -= rest.size();
    rest.forEach(through);
  }

  private boolean takeGone(String identity) {
    final Integer n = gone.get(identity);
    if (n == null) {
      return false;
    }
    if (n == 1) {
      gone.remove(identity);
    } else {
      gone.put(identity, n - 1);
    }
    return true;
  }

  private void forget(String identity) {
    named.computeIfPresent(identity, (i, n) -> n == 1 ? null : n - 1);
  }
}
