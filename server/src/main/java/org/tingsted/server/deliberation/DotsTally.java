package org.tingsted.server.deliberation;

import java.util.List;
import java.util.Map;

/**
 * The count of a dot vote.
 *
 * @param totals dots per item, in the vote's item order
 * @param order ranks best first; items with equal totals share one inner list, so a tie is shown
 *     as a tie
 */
public record DotsTally(Map<String, Integer> totals, List<List<String>> order) {
  public DotsTally {
    totals = Frozen.map(totals);
    order = Frozen.groups(order);
  }
}
