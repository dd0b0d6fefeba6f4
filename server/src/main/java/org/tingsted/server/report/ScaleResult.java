package org.tingsted.server.report;

import java.util.List;

/**
 * An item's result on the agreement scale from 1 (disagree) to 5 (agree).
 *
 * @param ratings how many members rated it
 * @param distribution how many ratings of 1, 2, 3, 4 and 5 (five entries)
 * @param mean the average rating, 0 when nobody rated it
 * @param shareAgreeing the share of ratings that are 4 or 5, from 0 to 1
 */
public record ScaleResult(
    int ratings, List<Integer> distribution, double mean, double shareAgreeing) {
  public ScaleResult {
    distribution = Copies.list(distribution);
  }
}
