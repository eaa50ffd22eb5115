package cn.gxq.subsidy.demo;

import java.util.ArrayList;
import java.util.List;

/** A fixed list of items drawn in proportion to their weights. */
final class Weighted<T> {
  private final List<T> items = new ArrayList<>();
  private final List<Double> cumulative = new ArrayList<>();
  private double total;

  Weighted<T> add(T item, double weight) {
    if (weight > 0) {
      total += weight;
      items.add(item);
      cumulative.add(total);
    }
    return this;
  }

  T draw(Draw draw) {
    double x = draw.uniform(0, total);
    for (int i = 0; i < items.size(); i++) {
      if (x < cumulative.get(i)) {
        return items.get(i);
      }
    }
    return items.get(items.size() - 1);
  }

  List<T> items() {
    return List.copyOf(items);
  }
}
