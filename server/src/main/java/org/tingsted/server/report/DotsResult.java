package org.tingsted.server.report;

import java.util.List;

/**
 * An item's result in a dot vote.
 *
 * @param dots the dots it received
 * @param rank its place in {@code order}, 1 for the best; items that tie share a place, and the
 *     next place after a tie is one more (1, 1, 2)
 * @param order every item of the vote, most dots first, tied items grouped
 */
public record DotsResult(int dots, int rank, List<List<VoteItem>> order) {
  public DotsResult {
    order = Copies.groups(order);
  }
}
