package org.tingsted.server.deliberation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defensive, insertion-ordered copies for record components. Copies go through ArrayList and
 * LinkedHashMap rather than List.copyOf and Map.copyOf because commands arrive from clients and
 * may hold nulls, which decide must answer with a rejection instead of an exception.
 */
final class Frozen {
  private Frozen() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }

  static <T> List<T> listOrNull(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  static <V> Map<String, V> map(Map<String, V> map) {
    return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static <V> Map<String, V> mapOrNull(Map<String, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  static List<List<String>> groups(List<List<String>> groups) {
    if (groups == null) {
      return List.of();
    }
    List<List<String>> copy = new ArrayList<>(groups.size());
    for (List<String> group : groups) {
      copy.add(list(group));
    }
    return Collections.unmodifiableList(copy);
  }

  static Map<String, Map<String, Integer>> matrix(Map<String, Map<String, Integer>> matrix) {
    if (matrix == null) {
      return Map.of();
    }
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    matrix.forEach((row, columns) -> copy.put(row, map(columns)));
    return Collections.unmodifiableMap(copy);
  }
}
