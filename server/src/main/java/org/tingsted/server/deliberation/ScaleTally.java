package org.tingsted.server.deliberation;

import java.util.List;

/**
 * How one item was rated on the agreement scale.
 *
 * @param ballots how many members rated this item
 * @param mean the average rating, 0 when nobody rated it
 * @param distribution how many ratings of 1, 2, 3, 4 and 5 (five entries)
 * @param shareAgreeing the share of ratings that are 4 or 5, from 0 to 1; 0 when nobody rated it
 */
public record ScaleTally(
    String item, int ballots, double mean, List<Integer> distribution, double shareAgreeing) {
  public ScaleTally {
    distribution = Frozen.list(distribution);
  }
}
