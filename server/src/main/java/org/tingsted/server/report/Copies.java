package org.tingsted.server.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Unmodifiable copies for record components. Not List.copyOf: the inputs come from the server
 * and null stands for "nothing", which must not turn into an exception halfway through a report.
 */
final class Copies {
  private Copies() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }

  static List<List<VoteItem>> groups(List<List<VoteItem>> groups) {
    List<List<VoteItem>> copy = new ArrayList<>();
    if (groups != null) {
      for (List<VoteItem> group : groups) {
        copy.add(list(group));
      }
    }
    return Collections.unmodifiableList(copy);
  }
}
