package org.tingsted.server.deliberation;

import java.util.List;
import java.util.Map;

/**
 * One member's ballot. Exactly one part is set, the one matching the vote's method; the others
 * are null.
 *
 * @param dots for {@link VoteMethod#DOTS}: dots placed on each item
 * @param order for {@link VoteMethod#RANKING}: items best first; items left out tie below all
 *     ranked ones
 * @param scale for {@link VoteMethod#SCALE}: agreement from 1 (disagree) to 5 (agree) per item;
 *     items left out are not rated
 */
public record Ballot(Map<String, Integer> dots, List<String> order, Map<String, Integer> scale) {
  public Ballot {
    dots = Frozen.mapOrNull(dots);
    order = Frozen.listOrNull(order);
    scale = Frozen.mapOrNull(scale);
  }

  /** A dots ballot. */
  public static Ballot ofDots(Map<String, Integer> dots) {
    return new Ballot(dots, null, null);
  }

  /** A ranking ballot, best first. */
  public static Ballot ofOrder(List<String> order) {
    return new Ballot(null, order, null);
  }

  /** An agreement-scale ballot. */
  public static Ballot ofScale(Map<String, Integer> scale) {
    return new Ballot(null, null, scale);
  }
}
