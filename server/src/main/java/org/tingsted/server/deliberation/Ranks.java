package org.tingsted.server.deliberation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Orders items by a score into tie groups, so equal scores are reported as ties. */
final class Ranks {
  private Ranks() {}

  /** Highest score first; items with equal scores share a group, in their given order. */
  static List<List<String>> descending(List<String> items, Map<String, Integer> scores) {
    List<String> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingInt((String item) -> scores.getOrDefault(item, 0)).reversed());
    List<List<String>> groups = new ArrayList<>();
    Integer previous = null;
    for (String item : sorted) {
      int score = scores.getOrDefault(item, 0);
      if (previous == null || score != previous) {
        groups.add(new ArrayList<>());
        previous = score;
      }
      groups.get(groups.size() - 1).add(item);
    }
    return groups;
  }
}
